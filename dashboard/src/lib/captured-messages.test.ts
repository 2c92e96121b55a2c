import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { attributeText, capturedMessages } from './captured-messages.ts';

describe('capturedMessages', () => {
  it('reads the current GenAI message shape, tool calls included', () => {
    const messages = capturedMessages({
      'gen_ai.system_instructions': JSON.stringify([{ type: 'text', content: 'Be brief.' }]),
      'gen_ai.input.messages': JSON.stringify([{ role: 'user', parts: [{ type: 'text', content: 'Refund order 42' }] }]),
      'gen_ai.output.messages': JSON.stringify([
        { role: 'assistant', parts: [{ type: 'tool_call', name: 'lookup_order', arguments: { id: 42 } }], finish_reason: 'tool_calls' },
      ]),
    });
    assert.deepEqual(messages.system, [{ role: 'system', text: 'Be brief.' }]);
    assert.deepEqual(messages.input, [{ role: 'user', text: 'Refund order 42' }]);
    assert.deepEqual(messages.output, [{ role: 'assistant', text: '→ lookup_order({"id":42})' }]);
  });

  it('reads the older { role, content } shape and keeps unparseable content as raw text', () => {
    const messages = capturedMessages({ 'gen_ai.input.messages': '[{"role":"user","content":"hello"}]', 'gen_ai.output.messages': '<img src=x onerror=alert(1)>' });
    assert.deepEqual(messages.input, [{ role: 'user', text: 'hello' }]);
    assert.deepEqual(messages.output, [{ role: 'assistant', text: '<img src=x onerror=alert(1)>' }]);
  });

  it('answers empty lists when content capture was off', () => {
    assert.deepEqual(capturedMessages({}), { system: [], input: [], output: [] });
  });
});

describe('attributeText', () => {
  it('shows strings as they are, plain lists on one line and other values as JSON', () => {
    assert.equal(attributeText('a'), 'a');
    assert.equal(attributeText(3), '3');
    assert.equal(attributeText(['stop', 1]), '["stop",1]');
    assert.equal(attributeText({ a: [1] }), '{\n  "a": [\n    1\n  ]\n}');
  });
});
