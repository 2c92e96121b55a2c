import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { planOutput } from './completion-output.ts';

const calls = {
  kind: 'tool-calls' as const,
  toolCalls: [
    { id: 'call_a', name: 'get_order', arguments: '{"orderId":"O-5002"}' },
    { id: 'call_b', name: 'get_customer', arguments: '{"customerId":"C-1001"}' },
  ],
};

describe('completion output', () => {
  it('streams each tool call as a header piece then its arguments token by token', () => {
    const output = planOutput(calls, 1000);
    assert.equal(output.finishReason, 'tool_calls');
    assert.deepEqual(output.toolCalls, calls.toolCalls);
    assert.deepEqual(output.pieces[0]?.delta, { tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'get_order', arguments: '' } }] });
    const firstArguments = output.pieces.filter((piece) => (piece.delta.tool_calls as { index: number; id?: string }[])[0]?.index === 0).slice(1);
    assert.ok(firstArguments.length > 3);
    assert.equal(output.outputTokens, output.pieces.reduce((sum, piece) => sum + piece.tokens, 0));
  });

  it('cuts tool calls at the token limit, leaving arguments that are not valid JSON', () => {
    const output = planOutput(calls, 10);
    assert.equal(output.finishReason, 'length');
    assert.ok(output.outputTokens <= 10);
    assert.equal(output.toolCalls.length, 1);
    assert.throws(() => JSON.parse(output.toolCalls[0]?.arguments ?? ''));
  });

  it('cuts text at the token limit', () => {
    const output = planOutput({ kind: 'text', text: 'Order O-5002 is in transit with Parcelway.' }, 3);
    assert.deepEqual([output.content, output.finishReason, output.outputTokens], ['Order O-', 'length', 3]);
    const whole = planOutput({ kind: 'text', text: 'Done.' }, 100);
    assert.deepEqual([whole.content, whole.finishReason], ['Done.', 'stop']);
  });
});
