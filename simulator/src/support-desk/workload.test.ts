import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runTurns } from '../chat-loop.test-support.ts';
import { type SimulatedServer, startSimulatedServer } from '../simulated-server.ts';
import { checkAnswer } from './check-answer.ts';
import { supportDeskTasks } from './tasks.ts';
import { createSupportDeskTools } from './tools.ts';

// The whole workload end to end over real HTTP, with a plain fetch loop that forces an answer after 6 steps.
describe('support-desk workload on the simulated server', () => {
  let server: SimulatedServer;
  const tools = createSupportDeskTools({ latencyScale: 0 });
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0 });
  });
  after(() => server.close());

  it('is answered correctly by the large model', async () => {
    for (const task of supportDeskTasks) {
      const result = await runTurns(task.turns, { baseURL: server.baseURL, model: 'sim-large', tools, maxSteps: 6 });
      const check = checkAnswer(task, result.answer);
      assert.ok(check.correct, `${task.id} misses ${check.missing.join(', ')}:\n${result.answer}`);
      assert.equal(result.forced > 0, task.category === 'looping', `${task.id}: only looping tasks need a forced answer`);
    }
  });

  it('defeats the small model on exactly the hard tasks', async () => {
    for (const task of supportDeskTasks) {
      const result = await runTurns(task.turns, { baseURL: server.baseURL, model: 'sim-small', tools, maxSteps: 6 });
      assert.equal(checkAnswer(task, result.answer).correct, task.hard !== true, `${task.id}:\n${result.answer}`);
    }
  });

  it('asks for the independent lookups together and the dependent ones step by step', async () => {
    const overview = await runTurns(['Give me an overview of customer C-1001.'], { baseURL: server.baseURL, model: 'sim-large', tools });
    assert.deepEqual(overview.toolCallBatches, [['get_customer', 'list_orders', 'list_tickets']]);
    const sequential = await runTurns(['Give me an overview of customer C-1001.'], { baseURL: server.baseURL, model: 'sim-large', tools, parallelToolCalls: false });
    assert.deepEqual(sequential.toolCallBatches, [['get_customer'], ['list_orders'], ['list_tickets']]);
    const chain = await runTurns(['Where is the most recent order of customer C-1002?'], { baseURL: server.baseURL, model: 'sim-large', tools });
    assert.deepEqual(chain.toolCallBatches, [['list_orders'], ['get_order'], ['get_shipment']]);
  });

  it('answers a late session turn from an early one without calling a tool again', async () => {
    const session = supportDeskTasks.find((task) => task.id === 'session-alan');
    assert.ok(session);
    const before = await runTurns(session.turns.slice(0, -1), { baseURL: server.baseURL, model: 'sim-large', tools });
    const last = await runTurns(session.turns.slice(-1), { baseURL: server.baseURL, model: 'sim-large', tools }, before.messages);
    assert.equal(last.requests, 1);
    assert.match(last.answer, /alan@turing\.example/);
  });
});
