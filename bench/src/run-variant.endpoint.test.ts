// runVariant pointed at an endpoint whose models have other names, with an API key, as the demo does with a real
// endpoint. Its own file (so its own process): @openai/agents keeps the first default client a process uses.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runVariant } from './run-variant.ts';
import { SIM_LARGE, SIM_SMALL, startSimulatedServer, supportDeskTasks } from './sdk.ts';

const LATENCY_SCALE = 0.02;
const tasks = supportDeskTasks.filter((task) => task.id === 'chain-where-O-5002' || task.id === 'hard-eligibility-O-5004');

describe('runVariant against an endpoint of its own', () => {
  it('runs against an endpoint with other model names and an API key', async () => {
    const names = { small: 'acme-mini', large: 'acme-max' };
    const renamed = [{ ...SIM_SMALL, id: names.small }, { ...SIM_LARGE, id: names.large }];
    const endpoint = await startSimulatedServer({ port: 0, latencyScale: LATENCY_SCALE, profiles: renamed });
    try {
      for (const variant of ['optimized', 'openai-agents']) {
        const runs = await runVariant({ variant, baseURL: endpoint.baseURL, apiKey: 'sk-real-looking', models: names, tasks, toolLatencyScale: LATENCY_SCALE });
        assert.ok(runs.every((run) => run.correct && run.error === undefined), `${variant}: ${JSON.stringify(runs.map((run) => [run.answer, run.error]))}`);
      }
      assert.deepEqual(Object.keys(endpoint.stats().byModel).sort(), ['acme-max', 'acme-mini']);
    } finally {
      await endpoint.close();
    }
  });

});
