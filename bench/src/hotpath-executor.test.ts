import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { hotpathExecutor } from './hotpath-executor.ts';
import { Agent, scriptedModel, tool } from './sdk.ts';

const lookup = tool({
  name: 'lookup',
  description: 'Look a record up',
  parameters: z.object({ id: z.string() }),
  cache: true,
  readOnly: true,
  execute: ({ id }) => ({ id, status: 'shipped' }),
});
const agent = new Agent({ name: 'desk', instructions: 'Answer.', model: 'sim-large', tools: [lookup] });

describe('hotpathExecutor', () => {
  it('runs every turn on one conversation and adds up usage and requests per model', async () => {
    const model = scriptedModel([
      { toolCalls: [{ name: 'lookup', arguments: { id: 'O-1' } }], usage: { inputTokens: 100, outputTokens: 10, cachedInputTokens: 0 } },
      { text: 'O-1 shipped.', usage: { inputTokens: 120, outputTokens: 5, cachedInputTokens: 64 } },
      { text: 'Yes, O-1.', usage: { inputTokens: 150, outputTokens: 4, cachedInputTokens: 100 } },
    ]);
    const executor = hotpathExecutor({ variant: 'optimized', provider: model, agent, optimizations: 'optimized' });
    executor.startBatch();
    const output = await executor.runTask({ id: 't', category: 'session', turns: ['Where is O-1?', 'Which order was that?'] }, {});
    assert.deepEqual(output, {
      answer: 'Yes, O-1.',
      outcomes: ['completed', 'completed'],
      usage: { inputTokens: 370, outputTokens: 19, cachedInputTokens: 164, requests: 3, requestsByModel: { 'sim-large': 3 } },
      speculation: { started: 0, used: 0, wasted: 0 },
    });
    // The second turn saw the first turn's conversation.
    const secondTurn = model.calls[2]!.request.messages;
    assert.ok(secondTurn.some((message) => message.role === 'user' && message.content === 'Where is O-1?'));
    await executor.close();
  });

  it('reports a turn that threw as an error output instead of throwing, keeping the usage so far', async () => {
    const model = scriptedModel([{ text: 'first answer' }, { error: { status: 400, message: 'bad request' } }]);
    const executor = hotpathExecutor({ variant: 'baseline', provider: model, agent, optimizations: 'baseline' });
    const output = await executor.runTask({ id: 't', category: 'session', turns: ['one', 'two'] }, {});
    assert.deepEqual(output.outcomes, ['completed', 'error']);
    assert.equal(output.usage.requests, 1);
    assert.match(output.error ?? '', /400|bad request/);
  });

  it('starts every batch with an empty tool cache', async () => {
    let executions = 0;
    const counted = tool({ name: 'lookup', description: 'Look up', parameters: z.object({ id: z.string() }), cache: true, execute: ({ id }) => ({ id, n: ++executions }) });
    const cachedAgent = new Agent({ name: 'desk', instructions: 'Answer.', model: 'sim-large', tools: [counted] });
    const script = () => [{ toolCalls: [{ name: 'lookup', arguments: { id: 'A' } }] }, { text: 'done' }];
    const model = scriptedModel([...script(), ...script(), ...script()]);
    const executor = hotpathExecutor({ variant: 'optimized', provider: model, agent: cachedAgent, optimizations: 'optimized' });
    const task = { id: 't', category: 'repeated-lookup', turns: ['Look A up'] };
    executor.startBatch();
    await executor.runTask(task, {});
    await executor.runTask(task, {}); // same batch: a cache hit
    assert.equal(executions, 1);
    executor.startBatch();
    await executor.runTask(task, {}); // new batch: runs again
    assert.equal(executions, 2);
  });
});
