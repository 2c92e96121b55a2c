import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Message } from '../messages.ts';
import { inputMessagesJson, outputFinishReason, outputMessagesJson, systemInstructionsJson, toolDefinitionsJson } from './gen-ai-content.ts';

const conversation: Message[] = [
  { role: 'system', content: 'You are a support agent.' },
  { role: 'user', content: 'Weather in Paris?' },
  { role: 'assistant', content: null, toolCalls: [{ id: 'call_1', name: 'get_weather', arguments: '{"location":"Paris"}' }] },
  { role: 'tool', toolCallId: 'call_1', toolName: 'get_weather', content: 'rainy, 57°F' },
  { role: 'assistant', content: 'It is rainy.', model: 'gpt-4.1' },
];

describe('GenAI content shapes', () => {
  it('writes the chat history in the input messages schema, in order, without the system message', () => {
    assert.deepEqual(JSON.parse(inputMessagesJson(conversation)), [
      { role: 'user', parts: [{ type: 'text', content: 'Weather in Paris?' }] },
      { role: 'assistant', parts: [{ type: 'tool_call', id: 'call_1', name: 'get_weather', arguments: { location: 'Paris' } }] },
      { role: 'tool', parts: [{ type: 'tool_call_response', id: 'call_1', response: 'rainy, 57°F' }] },
      { role: 'assistant', parts: [{ type: 'text', content: 'It is rainy.' }] },
    ]);
  });

  it('keeps malformed tool arguments as the raw text the model produced', () => {
    const messages: Message[] = [{ role: 'assistant', content: null, toolCalls: [{ id: 'c', name: 't', arguments: '{"location": "Par' }] }];
    assert.deepEqual(JSON.parse(inputMessagesJson(messages))[0].parts[0].arguments, '{"location": "Par');
  });

  it('writes system messages as system instructions, or nothing when there are none', () => {
    assert.deepEqual(JSON.parse(systemInstructionsJson(conversation)!), [{ type: 'text', content: 'You are a support agent.' }]);
    assert.equal(systemInstructionsJson(conversation.slice(1)), undefined);
  });

  it('writes the output message with the schema finish reason', () => {
    const output = JSON.parse(outputMessagesJson({ role: 'assistant', content: 'Checking.', toolCalls: [{ id: 'c', name: 't', arguments: '{}' }] }, 'tool_calls'));
    assert.deepEqual(output, [
      { role: 'assistant', parts: [{ type: 'text', content: 'Checking.' }, { type: 'tool_call', id: 'c', name: 't', arguments: {} }], finish_reason: 'tool_call' },
    ]);
    assert.equal(outputFinishReason('length'), 'length');
    assert.equal(outputFinishReason(undefined), 'stop');
  });

  it('writes tool definitions with the required properties only', () => {
    assert.deepEqual(JSON.parse(toolDefinitionsJson(['a', 'b'])), [{ type: 'function', name: 'a' }, { type: 'function', name: 'b' }]);
  });
});
