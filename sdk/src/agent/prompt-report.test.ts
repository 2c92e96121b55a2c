import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Runner } from '../runner/runner.ts';
import type { RunEvent } from '../runner/run-events.ts';
import { scriptedModel } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import { Agent } from './agent.ts';
import { compressAgent, compressText, promptReport } from './prompt-report.ts';

const getOrder = tool({
  name: 'get_order',
  description: 'Get one order by its id.   It returns the items, the total and the shipment id. Use it before tracking a parcel. It is fast.',
  parameters: {
    type: 'object',
    properties: {
      orderId: { type: 'string', title: 'Order Id', description: 'The order id.' },
      verbose: {
        type: 'boolean',
        description: 'Whether to include every line item with its tax breakdown. Only needed for refunds, where each line counts separately.',
        examples: [true],
      },
    },
    required: ['orderId'],
  },
  readOnly: true,
  execute: ({ orderId }) => ({ id: orderId, status: 'shipped' }),
});

const agent = new Agent({
  name: 'desk',
  instructions: 'You help the support desk.  Answer with ids.\n\n\n\nAnswer with ids. Never invent data.',
  model: 'm',
  tools: [getOrder],
});

describe('prompt report', () => {
  it('counts the instructions and each tool schema, and what lossless compression saves', () => {
    const report = promptReport(agent);
    assert.equal(report.agent, 'desk');
    assert.equal(report.instructions.text, 'You help the support desk. Answer with ids.\n\nNever invent data.');
    assert.ok(report.instructions.compressedTokens < report.instructions.tokens);
    const [tool] = report.tools;
    assert.equal(tool!.description, 'Get one order by its id. It returns the items, the total and the shipment id. Use it before tracking a parcel. It is fast.');
    assert.deepEqual((tool!.parameters.properties as Record<string, unknown>).orderId, { type: 'string' }, 'title and description only repeated the name');
    assert.ok('examples' in ((tool!.parameters.properties as Record<string, Record<string, unknown>>).verbose ?? {}), 'lossless keeps examples');
    assert.equal(report.tokens, report.instructions.tokens + tool!.tokens);
    assert.ok(report.compressedTokens < report.tokens);
    assert.deepEqual(report.changes.sort(), [
      'instructions: repeated sentence',
      'instructions: whitespace',
      'schema: description repeating the property name',
      'schema: title repeating the property name',
      'tool descriptions: whitespace',
    ]);
  });

  it('proposes an aggressive variant that also shortens verbose descriptions and drops examples', () => {
    const report = promptReport(agent, 'aggressive');
    const [tool] = report.tools;
    assert.equal(tool!.description, 'Get one order by its id. It returns the items, the total and the shipment id.');
    assert.deepEqual((tool!.parameters.properties as Record<string, unknown>).verbose, {
      type: 'boolean',
      description: 'Whether to include every line item with its tax breakdown.',
    });
    assert.ok(report.compressedTokens < promptReport(agent).compressedTokens);
  });

  it('leaves text that has nothing to remove as it is', () => {
    assert.equal(compressText('Look it up. Then answer.', Infinity, () => assert.fail('no change expected')), 'Look it up. Then answer.');
  });

  it('builds the compressed agent with the same tools behind the compressed schemas', async () => {
    const lean = compressAgent(agent, 'aggressive');
    assert.equal(lean.name, 'desk');
    assert.equal(lean.tools[0]!.description, 'Get one order by its id. It returns the items, the total and the shipment id.');
    assert.equal(lean.tools[0]!.validateArguments({ orderId: 7 }).ok, false, 'validation is the original tool’s');
    assert.deepEqual(await lean.tools[0]!.execute!({ orderId: 'O-1' } as never, { signal: AbortSignal.timeout(1000), runId: 'r', toolCallId: 't' }), { id: 'O-1', status: 'shipped' });
  });

  it('is what the model sees with promptCompression on (the default), and says how much it saved', async () => {
    const model = scriptedModel([{ text: 'ok' }, { text: 'ok' }]);
    const events: RunEvent[] = [];
    const runner = new Runner({ provider: model });
    runner.subscribe((event) => events.push(event));
    await runner.run(agent, 'hi');
    assert.equal(model.calls[0]!.request.messages[0]!.content, 'You help the support desk. Answer with ids.\n\nNever invent data.');
    assert.deepEqual((model.calls[0]!.request.tools[0]!.parameters.properties as Record<string, unknown>).orderId, { type: 'string' });
    const start = events.find((event) => event.type === 'run-start');
    assert.ok(start?.type === 'run-start' && start.promptTokensSaved! > 0);
    await new Runner({ provider: model, optimizations: { promptCompression: false } }).run(agent, 'hi');
    assert.equal(model.calls[1]!.request.messages[0]!.content, agent.instructions);
  });
});
