// The peer against the real simulated server: conversations carried with `result.history`, and a run that hits
// @openai/agents' default maxTurns reported as an unanswered task with the usage it spent.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { openaiAgentsExecutor } from './openai-agents-executor.ts';
import { checkAnswer, createSupportDeskTools, startSimulatedServer, supportDeskTasks } from './sdk.ts';
import type { SimulatedServer, SupportDeskTask } from './sdk.ts';
import { SUPPORT_DESK_INSTRUCTIONS } from './support-agent.ts';

const LATENCY_SCALE = 0.01;
const task = (id: string): SupportDeskTask => supportDeskTasks.find((candidate) => candidate.id === id)!;

describe('openaiAgentsExecutor', () => {
  let server: SimulatedServer;
  before(async () => {
    server = await startSimulatedServer({ port: 0, latencyScale: LATENCY_SCALE });
  });
  after(() => server.close());

  const peer = () =>
    openaiAgentsExecutor<SupportDeskTask>({
      baseURL: server.baseURL,
      instructions: SUPPORT_DESK_INSTRUCTIONS,
      tools: createSupportDeskTools({ latencyScale: LATENCY_SCALE }),
      model: 'sim-large',
    });

  it('carries a session from turn to turn, so its last answer can use an early fact', async () => {
    const session = task('session-katherine');
    const output = await peer().runTask(session, {});
    assert.deepEqual(output.outcomes, session.turns.map(() => 'completed'));
    assert.equal(checkAnswer(session, output.answer).correct, true, output.answer);
    // Every turn screened once by the native input guardrail on sim-small; the agent's own steps on sim-large.
    assert.equal(output.usage.requestsByModel['sim-small'], session.turns.length);
    assert.ok(output.usage.requestsByModel['sim-large']! >= session.turns.length);
  });

  it('reports a run that exceeds maxTurns as max_turns with an error and the requests it made', async () => {
    const before = server.stats().requests;
    const output = await peer().runTask(task('loop-kb-international-warranty'), {});
    assert.deepEqual(output.outcomes, ['max_turns']);
    assert.match(output.error ?? '', /MaxTurnsExceeded/);
    assert.equal(output.answer, '');
    assert.equal(output.usage.requests, server.stats().requests - before);
    assert.ok(output.usage.requests >= 10, `requests ${output.usage.requests}`);
  });

  it('runs every turn inside the wrapper it is given, with the task attributes', async () => {
    const wrapped: unknown[] = [];
    const executor = openaiAgentsExecutor<SupportDeskTask>({
      baseURL: server.baseURL,
      instructions: SUPPORT_DESK_INSTRUCTIONS,
      tools: createSupportDeskTools({ latencyScale: LATENCY_SCALE }),
      model: 'sim-large',
      wrapTurn: (attributes, turn) => {
        wrapped.push(attributes['hotpath.workload.task']);
        return turn();
      },
    });
    const output = await executor.runTask(task('chain-where-O-5002'), { 'hotpath.workload.task': 'chain-where-O-5002' });
    assert.equal(checkAnswer(task('chain-where-O-5002'), output.answer).correct, true);
    assert.deepEqual(wrapped, ['chain-where-O-5002']);
  });
});
