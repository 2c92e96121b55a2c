import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChatRequest } from './chat-request.ts';
import { promptTokens } from './prompt-tokens.ts';

const tool = (name: string) => ({ type: 'function', function: { name, description: `Look up ${name}`, parameters: { type: 'object' } } });
const request = (tools: string[], messages: Record<string, unknown>[]) => parseChatRequest({ model: 'm', messages, tools: tools.map(tool) });

describe('prompt tokens', () => {
  it('frames each message with three tokens and primes the reply with three more', () => {
    assert.deepEqual(promptTokens(request([], [{ role: 'user', content: 'Hi' }])), ['<|im_start|>', 'user', '<|im_sep|>', 'Hi', '<|im_start|>', 'assistant', '<|im_sep|>']);
  });

  it('puts tools first, so changing them changes the prompt from its very start', () => {
    const messages = [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }];
    const before = promptTokens(request(['get_order', 'get_customer'], messages));
    const reordered = promptTokens(request(['get_customer', 'get_order'], messages));
    assert.equal(before.length, reordered.length);
    assert.notDeepEqual(before.slice(0, 10), reordered.slice(0, 10), 'the first tool differs within its first tokens');
  });

  it('grows append-only as the conversation grows, keeping the earlier prompt as its prefix', () => {
    const first = [{ role: 'user', content: 'Where is O-5002?' }];
    const later = [
      ...first,
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get_order', arguments: '{"orderId":"O-5002"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: '{"id":"O-5002"}' },
    ];
    const short = promptTokens(request(['get_order'], first));
    const long = promptTokens(request(['get_order'], later));
    assert.deepEqual(long.slice(0, short.length - 3), short.slice(0, -3));
    assert.ok(long.length > short.length + 10);
  });
});
