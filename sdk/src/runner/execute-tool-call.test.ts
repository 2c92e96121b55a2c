// Bad input from the model and bad behaviour of tools: each becomes a tool-error result the model sees on its next
// call, and the run goes on.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import { scriptedModel, type ScriptedToolCall } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

const lookup = tool({
  name: 'lookup',
  description: 'Look something up',
  parameters: z.object({ id: z.string().min(2), count: z.number().int().optional() }),
  execute: ({ id }) => ({ id, found: true }),
});
const explode = tool({
  name: 'explode',
  description: 'Always throws',
  parameters: z.object({}),
  execute: () => {
    throw new RangeError('the database is on fire');
  },
});
const weird = tool({
  name: 'weird',
  description: 'Returns something JSON cannot hold',
  parameters: z.object({ kind: z.enum(['bigint', 'cycle', 'function']) }),
  execute: ({ kind }) => {
    if (kind === 'bigint') return 10n;
    if (kind === 'function') return () => 1;
    const cycle: Record<string, unknown> = {};
    cycle.self = cycle;
    return cycle;
  },
});
const agent = new Agent({ name: 'a', instructions: 'i', model: 'm', tools: [lookup, explode, weird] });

/** Runs one step with `call`, then a final answer; returns what the model saw and the tool-call-end event. */
async function afterOneCall(call: ScriptedToolCall) {
  const model = scriptedModel([{ toolCalls: [call] }, { text: 'recovered' }]);
  const runner = new Runner({ provider: model });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  const result = await runner.run(agent, 'go');
  const seen = model.calls[1]!.request.messages.at(-1)!;
  const end = events.find((e) => e.type === 'tool-call-end');
  assert.equal(result.outcome, 'completed');
  assert.equal(result.finalOutput, 'recovered');
  assert.ok(seen.role === 'tool' && end?.type === 'tool-call-end');
  return { seen, end, record: result.steps[0]!.toolCalls[0]! };
}

describe('bad tool calls become tool-error results', () => {
  it('malformed JSON arguments', async () => {
    const { seen, end } = await afterOneCall({ name: 'lookup', arguments: '{"id": "A1"' });
    assert.ok(seen.role === 'tool' && seen.isError);
    assert.match(seen.content, /not valid JSON/);
    assert.equal(end.error?.type, 'invalid_json');
  });

  it('an unknown tool name, listing the tools there are', async () => {
    const { seen, end } = await afterOneCall({ name: 'delete_everything', arguments: {} });
    assert.match(seen.content, /no tool named "delete_everything".*lookup, explode, weird/);
    assert.equal(end.error?.type, 'unknown_tool');
  });

  it('arguments that fail the schema, saying which field and why', async () => {
    const { seen, end } = await afterOneCall({ name: 'lookup', arguments: { id: 'x', count: 1.5 } });
    assert.match(seen.content, /do not match its schema/);
    assert.match(seen.content, /id/);
    assert.match(seen.content, /count/);
    assert.equal(end.error?.type, 'invalid_arguments');
  });

  it('arguments of the wrong JSON type (an array)', async () => {
    const { seen } = await afterOneCall({ name: 'lookup', arguments: '[1,2]' });
    assert.match(seen.content, /do not match its schema/);
  });

  it('a tool that throws', async () => {
    const { seen, end } = await afterOneCall({ name: 'explode', arguments: {} });
    assert.equal(seen.content, 'Tool "explode" failed: the database is on fire');
    assert.equal(end.error?.type, 'RangeError');
    assert.equal(end.isError, true);
  });

  for (const kind of ['bigint', 'cycle', 'function'] as const) {
    it(`a tool returning something not serialisable (${kind})`, async () => {
      const { seen, end } = await afterOneCall({ name: 'weird', arguments: { kind } });
      assert.match(seen.content, /cannot be serialised to JSON/);
      assert.equal(end.error?.type, 'unserializable_result');
    });
  }

  it('treats empty arguments as an empty object (models send "" for tools without parameters)', async () => {
    const { seen } = await afterOneCall({ name: 'explode', arguments: '' });
    assert.match(seen.content, /failed: the database is on fire/);
  });

  it('validates arguments before execute runs', async () => {
    let ran = false;
    const guarded = tool({ name: 'guarded', description: '', parameters: z.object({ n: z.number() }), execute: () => (ran = true) });
    const model = scriptedModel([{ toolCalls: [{ name: 'guarded', arguments: { n: 'one' } }] }, { text: 'ok' }]);
    await new Runner({ provider: model }).run(new Agent({ name: 'a', instructions: '', model: 'm', tools: [guarded] }), 'go');
    assert.equal(ran, false);
  });

  it('hands execute the parsed arguments and a context with the run id, the call id and a signal', async () => {
    let context: { runId: string; toolCallId: string; signal: AbortSignal } | undefined;
    let received: unknown;
    const probe = tool({
      name: 'probe',
      description: '',
      parameters: z.object({ n: z.coerce.number() }),
      execute: (args, ctx) => {
        received = args;
        context = ctx;
        return 'ok';
      },
    });
    const model = scriptedModel([{ toolCalls: [{ id: 'call_probe', name: 'probe', arguments: { n: '7' } }] }, { text: 'ok' }]);
    const result = await new Runner({ provider: model }).run(new Agent({ name: 'a', instructions: '', model: 'm', tools: [probe] }), 'go');
    assert.deepEqual(received, { n: 7 });
    assert.equal(context?.runId, result.runId);
    assert.equal(context?.toolCallId, 'call_probe');
    assert.ok(context?.signal instanceof AbortSignal);
  });
});
