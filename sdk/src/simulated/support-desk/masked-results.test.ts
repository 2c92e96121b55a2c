import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maskToolOutput } from '../../history/mask-tool-output.ts';
import { decide, type Decision } from '../brain/brain.ts';
import { parseChatRequest } from '../chat-request.ts';
import { toolSpecs } from '../chat-loop.test-support.ts';
import { SIM_LARGE } from '../model-profile.ts';
import { supportDeskPlaybook } from './playbook.ts';
import { createSupportDeskTools } from './tools.ts';

// The bigger tool results still serve the brain once a history condenser has masked them: the placeholder keeps each
// record's first short fields (the history module's real `maskToolOutput`), and the records put the facts the tasks
// use first. What a placeholder cannot vouch for (a list cut short) is looked up again rather than guessed.
const tools = createSupportDeskTools({ latencyScale: 0 });
const specs = toolSpecs(tools);

/** A question, the real tool calls and results for it, every result masked as the history module masks it. */
async function maskedConversation(question: string, calls: [string, Record<string, unknown>][]): Promise<Record<string, unknown>[]> {
  const messages: Record<string, unknown>[] = [{ role: 'system', content: 'You are a support-desk assistant.' }, { role: 'user', content: question }];
  for (const [index, [name, args]] of calls.entries()) {
    const id = `call_${index}`;
    const tool = tools.find((candidate) => candidate.name === name)!;
    const content = JSON.stringify(await tool.execute(args as never, {}));
    const masked = maskToolOutput({ role: 'tool', toolCallId: id, toolName: name, content }, { id, name, arguments: JSON.stringify(args) });
    assert.ok(masked.content.length < content.length, `${name}: the placeholder is shorter than the result`);
    messages.push(
      { role: 'assistant', content: null, tool_calls: [{ id, type: 'function', function: { name, arguments: JSON.stringify(args) } }] },
      { role: 'tool', tool_call_id: id, content: masked.content },
    );
  }
  return messages;
}

const decideOn = (messages: Record<string, unknown>[]): Decision =>
  decide(parseChatRequest({ model: 'sim-large', messages, tools: specs }), SIM_LARGE, supportDeskPlaybook);

describe('support-desk results behind masked placeholders', () => {
  const answered: [string, [string, Record<string, unknown>][], string[]][] = [
    ['What is the email address of customer C-1001?', [['get_customer', { customerId: 'C-1001' }]], ['ada@lovelace.example', 'gold']],
    ['Where is order O-5002?', [['get_order', { orderId: 'O-5002' }], ['get_shipment', { shipmentId: 'S-9002' }]], ['Parcelway', 'in transit', '2026-11-23', 'Leeds depot']],
    ['Where is order O-5011?', [['get_order', { orderId: 'O-5011' }], ['get_shipment', { shipmentId: 'S-9011' }]], ['Bristol depot', '2026-11-22']],
    ['Has order O-5006 shipped yet? Where is it?', [['get_order', { orderId: 'O-5006' }], ['get_shipment', { shipmentId: 'S-9006' }]], ['out for delivery', 'Cambridge hub']],
    ['What is the status of ticket T-305?', [['get_ticket', { ticketId: 'T-305' }]], ['Refund not received', 'open', 'O-5010']],
    ['What is the status of ticket T-301?', [['get_ticket', { ticketId: 'T-301' }]], ['Chipped espresso mug', 'open', 'O-5001']],
    ['What is our refund policy for damaged items?', [['get_refund_policy', {}]], ['90 days', 'with the shipping fee', '30 days']],
  ];
  for (const [question, calls, facts] of answered) {
    it(`answers "${question}" from the placeholders alone`, async () => {
      const decision = decideOn(await maskedConversation(question, calls));
      assert.equal(decision.kind, 'text', JSON.stringify(decision));
      for (const fact of facts) assert.ok(decision.kind === 'text' && decision.text.includes(fact), `${fact} in ${JSON.stringify(decision)}`);
    });
  }

  it('computes a refund from a masked policy, fetching again only the order whose items the placeholder cut', async () => {
    const question = 'Customer C-1005 wants to send back everything from order O-5009. How much should we refund?';
    const decision = decideOn(
      await maskedConversation(question, [['get_refund_policy', {}], ['get_order', { orderId: 'O-5009' }], ['get_customer', { customerId: 'C-1005' }]]),
    );
    assert.equal(decision.kind, 'tool-calls');
    assert.deepEqual(decision.kind === 'tool-calls' ? decision.toolCalls.map((call) => call.name) : [], ['get_order']);
  });

  it('looks a list up again when the placeholder cut it short, and uses one its count proves whole', async () => {
    const question = 'Give me an overview of customer C-1001: their tier, their orders and their open tickets.';
    const calls: [string, Record<string, unknown>][] = [['get_customer', { customerId: 'C-1001' }], ['list_orders', { customerId: 'C-1001' }], ['list_tickets', { customerId: 'C-1001' }]];
    const messages = await maskedConversation(question, calls);
    // The placeholders show 2 of Ada's 3 orders (count 3) and both of her tickets (count 2).
    assert.match(String(messages[5]!.content), /"count":3/);
    assert.doesNotMatch(String(messages[5]!.content), /O-5003/);
    assert.match(String(messages[7]!.content), /"count":2.*T-301.*T-302/);
    const decision = decideOn(messages);
    assert.equal(decision.kind, 'tool-calls');
    assert.deepEqual(decision.kind === 'tool-calls' ? decision.toolCalls.map((call) => call.name) : [], ['list_orders']);
  });

  it('answers a list question from a placeholder whose count proves the list whole', async () => {
    const decision = decideOn(await maskedConversation('What orders does customer C-1002 have?', [['list_orders', { customerId: 'C-1002' }]]));
    assert.equal(decision.kind, 'text', JSON.stringify(decision));
    assert.match(decision.kind === 'text' ? decision.text : '', /orders O-5004, O-5005/);
  });
});
