// End to end: two tasks per variant against the real simulated server over HTTP, at a small latency scale.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runVariant } from './run-variant.ts';
import { startSimulatedServer, supportDeskTasks } from './sdk.ts';
import type { SimulatedServer } from './sdk.ts';

const LATENCY_SCALE = 0.02;
const tasks = supportDeskTasks.filter((task) => task.id === 'chain-where-O-5002' || task.id === 'hard-eligibility-O-5004');

describe('runVariant against the simulated server', () => {
  let server: SimulatedServer;
  before(async () => {
    server = await startSimulatedServer({ port: 0, latencyScale: LATENCY_SCALE });
  });
  after(() => server.close());

  for (const variant of ['baseline', 'optimized', 'openai-agents']) {
    it(`answers both tasks correctly as ${variant}, with usage that matches what the server counted`, async () => {
      const before = server.stats().byModel;
      const progress: string[] = [];
      const runs = await runVariant({
        variant,
        baseURL: server.baseURL,
        tasks,
        toolLatencyScale: LATENCY_SCALE,
        onProgress: ({ taskId }) => progress.push(taskId),
      });
      assert.deepEqual(progress, ['chain-where-O-5002', 'hard-eligibility-O-5004']);
      assert.deepEqual(
        runs.map((run) => [run.variant, run.taskId, run.correct, run.error]),
        tasks.map((task) => [variant, task.id, true, undefined]),
      );
      const after = server.stats().byModel;
      for (const model of ['sim-large', 'sim-small']) {
        const counted = (after[model]?.requests ?? 0) - (before[model]?.requests ?? 0);
        const reported = runs.reduce((sum, run) => sum + (run.usage.requestsByModel[model] ?? 0), 0);
        assert.equal(reported, counted, `${model} requests`);
      }
      const inputTokens = (stats: typeof after) => Object.values(stats).reduce((sum, model) => sum + model.inputTokens, 0);
      assert.equal(runs.reduce((sum, run) => sum + run.usage.inputTokens, 0), inputTokens(after) - inputTokens(before));
      // Every variant screens each turn with the guardrail on sim-small; only the optimized runner also routes
      // lookups there, so elsewhere sim-small serves exactly one guardrail call per turn.
      const smallRequests = runs.reduce((sum, run) => sum + (run.usage.requestsByModel['sim-small'] ?? 0), 0);
      const turns = tasks.reduce((sum, task) => sum + task.turns.length, 0);
      if (variant === 'optimized') assert.ok(smallRequests > turns, `${smallRequests} sim-small requests`);
      else assert.equal(smallRequests, turns);
    });
  }

  it('rejects an unknown variant before running anything', async () => {
    await assert.rejects(runVariant({ variant: 'langgraph', baseURL: server.baseURL, tasks }), /Unknown variant "langgraph"/);
  });
});
