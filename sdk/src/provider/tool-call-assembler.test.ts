import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ProviderResponseError } from './provider-errors.ts';
import { ToolCallAssembler } from './tool-call-assembler.ts';

const types = (events: { type: string }[]) => events.map((event) => event.type);

describe('ToolCallAssembler', () => {
  it('completes a call at the piece that closes its JSON object, not before', () => {
    const calls = new ToolCallAssembler();
    assert.deepEqual(types(calls.push({ index: 0, id: 'c1', name: 'find', arguments: '{"q":"a}' })), ['tool-call-delta']);
    assert.deepEqual(types(calls.push({ index: 0, arguments: '","n":{"x":1}' })), ['tool-call-delta'], 'a nested object closing is not the end');
    const last = calls.push({ index: 0, arguments: '}' });
    assert.deepEqual(types(last), ['tool-call-delta', 'tool-call']);
    assert.deepEqual(last[1], { type: 'tool-call', index: 0, toolCall: { id: 'c1', name: 'find', arguments: '{"q":"a}","n":{"x":1}}' } });
    assert.deepEqual(calls.finish(), []);
  });

  it('completes a call whose arguments never parse when the next call starts', () => {
    const calls = new ToolCallAssembler();
    calls.push({ index: 0, id: 'c1', name: 'find', arguments: '{"q": broken' });
    const events = calls.push({ index: 1, id: 'c2', name: 'get', arguments: '{' });
    assert.deepEqual(types(events), ['tool-call', 'tool-call-delta']);
    assert.equal(events[0]?.type === 'tool-call' && events[0].toolCall.arguments, '{"q": broken', 'the runner reports the bad JSON to the model');
    assert.deepEqual(types(calls.finish()), ['tool-call']);
  });

  it('waits for the name before completing', () => {
    const calls = new ToolCallAssembler();
    assert.deepEqual(types(calls.push({ index: 0, id: 'c1', arguments: '{}' })), ['tool-call-delta']);
    assert.deepEqual(types(calls.push({ index: 0, name: 'late' })), ['tool-call-delta', 'tool-call']);
  });

  it('puts id and name only on the pieces that carry them', () => {
    const calls = new ToolCallAssembler();
    const [first] = calls.push({ index: 0, id: 'c1', name: 'find', arguments: '' });
    const [second] = calls.push({ index: 0, arguments: '{"a":1' });
    assert.deepEqual(first, { type: 'tool-call-delta', index: 0, id: 'c1', name: 'find', argumentsDelta: '' });
    assert.deepEqual(second, { type: 'tool-call-delta', index: 0, argumentsDelta: '{"a":1' });
  });

  it('ignores trailing whitespace after a complete call but refuses more arguments', () => {
    const calls = new ToolCallAssembler();
    calls.push({ index: 0, id: 'c1', name: 'find', arguments: '{}' });
    assert.deepEqual(calls.push({ index: 0, arguments: ' \n' }), []);
    assert.throws(() => calls.push({ index: 0, arguments: ',"x":1}' }), ProviderResponseError.isInstance);
  });

  it('does not treat a JSON array or string as complete arguments', () => {
    const calls = new ToolCallAssembler();
    assert.deepEqual(types(calls.push({ index: 0, id: 'c1', name: 'find', arguments: '[1]' })), ['tool-call-delta']);
    const [done] = calls.finish();
    assert.equal(done?.type === 'tool-call' && done.toolCall.arguments, '[1]');
  });
});
