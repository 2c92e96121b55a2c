import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '../messages.ts';
import { estimateMessageTokens, estimateTextTokens, estimateTokens } from './estimate-tokens.ts';

describe('estimateTokens', () => {
  it('counts four ASCII characters per token, rounding up', () => {
    assert.equal(estimateTextTokens(''), 0);
    assert.equal(estimateTextTokens('abcd'), 1);
    assert.equal(estimateTextTokens('abcde'), 2);
    assert.equal(estimateTextTokens('x'.repeat(4000)), 1000);
  });

  it('counts JSON (tool results and arguments) at three characters per token, as tokenizers split it finer', () => {
    assert.equal(estimateTextTokens('{"orderId":"A-1042"}'), 7);
    assert.equal(estimateTextTokens('[1,2,3]'), 3);
    assert.equal(estimateTextTokens(' {"a":1}'), 2, 'only text that starts as JSON');
  });

  it('counts each non-ASCII character as a token so CJK text is not under-counted', () => {
    assert.equal(estimateTextTokens('注文番号'), 4);
    assert.equal(estimateTextTokens('abcd注文'), 3);
    assert.equal(estimateTextTokens('😀'), 2, 'an emoji is two UTF-16 units, and costs tokens like one');
  });

  it('gives the same figure for the same text every time (no state between calls)', () => {
    const text = 'Ünïcode and ASCII, twice: 注文 注文';
    assert.equal(estimateTextTokens(text), estimateTextTokens(text));
  });

  it('adds a framing overhead per message and per tool call', () => {
    assert.equal(estimateMessageTokens({ role: 'user', content: '' }), 4);
    assert.equal(estimateMessageTokens({ role: 'assistant', content: null }), 4);
    const call: Message = {
      role: 'assistant',
      content: null,
      toolCalls: [{ id: 'call_1', name: 'get_order', arguments: '{"orderId":"A-1042"}' }],
    };
    // 4 message + 4 call + ceil(9/4)=3 name + ceil(20/3)=7 JSON arguments
    assert.equal(estimateMessageTokens(call), 18);
  });

  it('is additive over messages, so a history can be measured piece by piece', () => {
    const a: Message[] = [
      { role: 'system', content: 'You are a support agent.' },
      { role: 'user', content: 'Where is my order A-1042?' },
    ];
    const b: Message[] = [{ role: 'tool', toolCallId: 'c1', toolName: 'get_order', content: '{"status":"shipped"}' }];
    assert.equal(estimateTokens([...a, ...b]), estimateTokens(a) + estimateTokens(b));
    assert.equal(estimateTokens([]), 0);
  });
});
