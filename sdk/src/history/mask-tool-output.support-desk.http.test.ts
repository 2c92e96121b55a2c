import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { z } from 'zod';
import { createSupportDeskTools, startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import { maskToolOutput } from './mask-tool-output.ts';

// The simulated model still answers support-desk questions once the history module has masked the bigger tool
// results: the placeholder keeps each record's first short fields, and the records put the facts the tasks use
// first. What a placeholder cannot vouch for (a list cut short) is looked up again rather than guessed.
// Sent over real HTTP to the simulator, as the runner would send a condensed history.
const tools = createSupportDeskTools({ latencyScale: 0 });
const specs = tools.map((tool) => ({
  type: 'function',
  function: { name: tool.name, description: tool.description, parameters: z.toJSONSchema(tool.parameters) },
}));
let server: SimulatedServer;
before(async () => {
  server = await startSimulatedServer({ latencyScale: 0 });
});
after(() => server.close());

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

type Reply = { text: string; toolCalls: string[] };

async function reply(messages: Record<string, unknown>[]): Promise<Reply> {
  const response = await fetch(`${server.baseURL}/chat/completions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'sim-large', messages, tools: specs }),
  });
  assert.equal(response.status, 200);
  const body = (await response.json()) as { choices: { message: { content: string | null; tool_calls?: { function: { name: string } }[] } }[] };
  const message = body.choices[0]!.message;
  return { text: message.content ?? '', toolCalls: (message.tool_calls ?? []).map((call) => call.function.name) };
}

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
      const answer = await reply(await maskedConversation(question, calls));
      assert.deepEqual(answer.toolCalls, [], JSON.stringify(answer));
      for (const fact of facts) assert.ok(answer.text.includes(fact), `${fact} in ${JSON.stringify(answer)}`);
    });
  }

  it('computes a refund from a masked policy, fetching again only the order whose items the placeholder cut', async () => {
    const question = 'Customer C-1005 wants to send back everything from order O-5009. How much should we refund?';
    const answer = await reply(
      await maskedConversation(question, [['get_refund_policy', {}], ['get_order', { orderId: 'O-5009' }], ['get_customer', { customerId: 'C-1005' }]]),
    );
    assert.deepEqual(answer.toolCalls, ['get_order']);
  });

  it('looks a list up again when the placeholder cut it short, and uses one its count proves whole', async () => {
    const question = 'Give me an overview of customer C-1001: their tier, their orders and their open tickets.';
    const calls: [string, Record<string, unknown>][] = [['get_customer', { customerId: 'C-1001' }], ['list_orders', { customerId: 'C-1001' }], ['list_tickets', { customerId: 'C-1001' }]];
    const messages = await maskedConversation(question, calls);
    // The placeholders show 2 of Ada's 3 orders (count 3) and both of her tickets (count 2).
    assert.match(String(messages[5]!.content), /"count":3/);
    assert.doesNotMatch(String(messages[5]!.content), /O-5003/);
    assert.match(String(messages[7]!.content), /"count":2.*T-301.*T-302/);
    assert.deepEqual((await reply(messages)).toolCalls, ['list_orders']);
  });

  it('answers a list question from a placeholder whose count proves the list whole', async () => {
    const answer = await reply(await maskedConversation('What orders does customer C-1002 have?', [['list_orders', { customerId: 'C-1002' }]]));
    assert.deepEqual(answer.toolCalls, []);
    assert.match(answer.text, /orders O-5004, O-5005/);
  });
});
