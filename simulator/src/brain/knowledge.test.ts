import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChatRequest } from '../chat-request.ts';
import { supportDeskPlaybook } from '../support-desk/playbook.ts';
import { callKey, Knowledge } from './knowledge.ts';

const knowledgeOf = (messages: Record<string, unknown>[]) => new Knowledge(supportDeskPlaybook, parseChatRequest({ model: 'm', messages }).messages);
const call = (id: string, name: string, args: unknown) => ({ id, type: 'function', function: { name, arguments: JSON.stringify(args) } });

describe('knowledge', () => {
  it('files list results under their owner and the listed records under their own ids', () => {
    const knowledge = knowledgeOf([
      { role: 'user', content: 'Orders of C-1002?' },
      { role: 'assistant', content: null, tool_calls: [call('a', 'list_orders', { customerId: 'C-1002' })] },
      { role: 'tool', tool_call_id: 'a', content: JSON.stringify({ customerId: 'C-1002', orders: [{ id: 'O-5004', status: 'delivered' }, { id: 'O-5005', status: 'shipped' }] }) },
    ]);
    assert.deepEqual(knowledge.entity('C-1002')?.get('orders'), ['O-5004', 'O-5005']);
    assert.equal(knowledge.entity('O-5005')?.get('status'), 'shipped');
    assert.equal(knowledge.outcome(callKey('list_orders', { customerId: 'C-1002' }))?.status, 'result');
  });

  it('tells results, errors and unreadable (masked) outputs apart', () => {
    const knowledge = knowledgeOf([
      { role: 'user', content: 'x' },
      { role: 'assistant', content: null, tool_calls: [call('a', 'get_order', { orderId: 'O-1' }), call('b', 'get_order', { orderId: 'O-2' }), call('c', 'get_order', { orderId: 'O-3' })] },
      { role: 'tool', tool_call_id: 'a', content: 'An error occurred while running the tool. Please try again.' },
      { role: 'tool', tool_call_id: 'b', content: '{"error":"Order O-2 not found"}' },
      { role: 'tool', tool_call_id: 'c', content: '[output elided]' },
    ]);
    assert.deepEqual(knowledge.calls.map((visible) => visible.outcome.status), ['error', 'error', 'unreadable']);
    assert.ok(knowledge.calls.every((visible) => visible.currentTurn));
  });

  it('ignores a tool result whose call is not in the conversation', () => {
    // parseChatRequest refuses such a conversation (as OpenAI does); Knowledge must still not trust it.
    const knowledge = new Knowledge(supportDeskPlaybook, [
      { role: 'user', content: 'x', toolCalls: [] },
      { role: 'tool', content: '{"id":"C-1001","tier":"gold"}', toolCalls: [], toolCallId: 'ghost' },
    ]);
    assert.equal(knowledge.entity('C-1001'), undefined);
    assert.deepEqual(knowledge.calls, []);
  });

  it('remembers mentions in order, from user text, answers and call arguments, not from example ids in instructions', () => {
    const knowledge = knowledgeOf([
      { role: 'system', content: 'Customers have ids like C-9999.\nCustomer C-1004: tier gold' },
      { role: 'user', content: 'About C-1001 and O-5001' },
      { role: 'assistant', content: null, tool_calls: [call('a', 'get_order', { orderId: 'O-5002' })] },
      { role: 'tool', tool_call_id: 'a', content: '{"id":"O-5002","relatedTicketId":"T-301"}' },
    ]);
    assert.deepEqual(knowledge.mentions, ['C-1004', 'C-1001', 'O-5001', 'O-5002']);
  });
});
