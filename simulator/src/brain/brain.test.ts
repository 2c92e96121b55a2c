import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseChatRequest } from '../chat-request.ts';
import { SIM_LARGE, SIM_SMALL, type ModelProfile } from '../model-profile.ts';
import { supportDeskPlaybook } from '../support-desk/playbook.ts';
import { createSupportDeskTools } from '../support-desk/tools.ts';
import { toolSpecs } from '../chat-loop.test-support.ts';
import { decide, type Decision } from './brain.ts';

const tools = toolSpecs(createSupportDeskTools());
const system = { role: 'system', content: 'You are a support-desk assistant.' };

function ask(messages: Record<string, unknown>[], extra: Record<string, unknown> = {}, profile: ModelProfile = SIM_LARGE): Decision {
  return decide(parseChatRequest({ model: profile.id, messages: [system, ...messages], tools, ...extra }), profile, supportDeskPlaybook);
}

const callsOf = (decision: Decision) => {
  assert.equal(decision.kind, 'tool-calls', JSON.stringify(decision));
  return decision.kind === 'tool-calls' ? decision.toolCalls.map((call) => [call.name, JSON.parse(call.arguments)]) : [];
};
const textOf = (decision: Decision): string => {
  assert.equal(decision.kind, 'text', JSON.stringify(decision));
  return decision.kind === 'text' ? decision.text : '';
};

/** The assistant's tool-call message and the tool results for it, as a client would append them. */
function exchange(calls: [string, Record<string, unknown>, unknown][]): Record<string, unknown>[] {
  const ids = calls.map((_, index) => `call_${Math.random().toString(36).slice(2)}${index}`);
  return [
    { role: 'assistant', content: null, tool_calls: calls.map(([name, args], index) => ({ id: ids[index], type: 'function', function: { name, arguments: JSON.stringify(args) } })) },
    ...calls.map(([, , result], index) => ({ role: 'tool', tool_call_id: ids[index], content: typeof result === 'string' ? result : JSON.stringify(result) })),
  ];
}

const order5002 = { id: 'O-5002', customerId: 'C-1001', status: 'shipped', total: 89, shipmentId: 'S-9002', items: [] };
const shipment9002 = { id: 'S-9002', orderId: 'O-5002', carrier: 'Parcelway', status: 'in transit', estimatedDelivery: '2026-11-23' };
const ada = { id: 'C-1001', name: 'Ada Lovelace', tier: 'gold', email: 'ada@lovelace.example', memberSince: '2019-05-02' };

describe('simulated brain', () => {
  it('asks for all independent lookups at once when parallel tool calls are allowed', () => {
    const decision = ask([{ role: 'user', content: 'Overview of customer C-1001 please.' }]);
    assert.deepEqual(callsOf(decision), [
      ['get_customer', { customerId: 'C-1001' }],
      ['list_orders', { customerId: 'C-1001' }],
      ['list_tickets', { customerId: 'C-1001' }],
    ]);
  });

  it('asks for one call at a time when parallel tool calls are off', () => {
    const user = { role: 'user', content: 'Overview of customer C-1001 please.' };
    assert.deepEqual(callsOf(ask([user], { parallel_tool_calls: false })), [['get_customer', { customerId: 'C-1001' }]]);
    const next = ask([user, ...exchange([['get_customer', { customerId: 'C-1001' }, ada]])], { parallel_tool_calls: false });
    assert.deepEqual(callsOf(next), [['list_orders', { customerId: 'C-1001' }]]);
  });

  it('asks for a dependent call only once the result it depends on is visible', () => {
    const user = { role: 'user', content: 'Where is order O-5002?' };
    assert.deepEqual(callsOf(ask([user])), [['get_order', { orderId: 'O-5002' }]]);
    const afterOrder = [user, ...exchange([['get_order', { orderId: 'O-5002' }, order5002]])];
    assert.deepEqual(callsOf(ask(afterOrder)), [['get_shipment', { shipmentId: 'S-9002' }]]);
    const answer = textOf(ask([...afterOrder, ...exchange([['get_shipment', { shipmentId: 'S-9002' }, shipment9002]])]));
    assert.match(answer, /Parcelway/);
    assert.match(answer, /in transit/);
    assert.match(answer, /2026-11-23/);
  });

  it("answers from what it has when tool_choice is 'none', saying what it could not get", () => {
    const messages = [{ role: 'user', content: 'Where is order O-5002?' }, ...exchange([['get_order', { orderId: 'O-5002' }, order5002]])];
    const answer = textOf(ask(messages, { tool_choice: 'none' }));
    assert.match(answer, /Order O-5002: status shipped/);
    assert.match(answer, /could not retrieve the tracking of shipment S-9002/);
  });

  it('never asks for a tool the request does not offer', () => {
    const request = parseChatRequest({ model: 'sim-large', messages: [system, { role: 'user', content: 'Where is order O-5002?' }], tools: tools.filter((tool) => tool.function.name !== 'get_order') });
    assert.match(textOf(decide(request, SIM_LARGE, supportDeskPlaybook)), /could not retrieve order O-5002/);
  });

  it('repeats a visible lookup when forced to call a tool with nothing left to look up', () => {
    const messages = [{ role: 'user', content: 'What is the email of customer C-1001?' }, ...exchange([['get_customer', { customerId: 'C-1001' }, ada]])];
    assert.deepEqual(callsOf(ask(messages, { tool_choice: 'required' })), [['get_customer', { customerId: 'C-1001' }]]);
  });

  it('reuses a fact stated in an earlier answer instead of calling the tool again', () => {
    const messages = [
      { role: 'user', content: 'Customer C-1003 please: profile.' },
      { role: 'assistant', content: 'Customer C-1003: name Alan Turing, tier bronze, email alan@turing.example' },
      { role: 'user', content: "What is the customer's email again?" },
    ];
    assert.match(textOf(ask(messages)), /alan@turing\.example/);
  });

  it('re-requests a tool whose output was masked, and resolves "that order" from the conversation', () => {
    const messages = [
      { role: 'user', content: 'Where is order O-5002?' },
      ...exchange([['get_order', { orderId: 'O-5002' }, '[tool output removed to save tokens]']]),
    ];
    assert.deepEqual(callsOf(ask(messages)), [['get_order', { orderId: 'O-5002' }]]);
    const followUp = [{ role: 'user', content: 'Tell me about O-5002.' }, { role: 'assistant', content: 'Sure.' }, { role: 'user', content: 'Where is that order now?' }];
    assert.deepEqual(callsOf(ask(followUp)), [['get_order', { orderId: 'O-5002' }]]);
  });

  it('does not retry a call that failed, and says so', () => {
    const messages = [{ role: 'user', content: 'Where is order O-5999?' }, ...exchange([['get_order', { orderId: 'O-5999' }, 'Error: Order O-5999 not found']])];
    assert.match(textOf(ask(messages)), /could not find order O-5999: Error: Order O-5999 not found/);
  });

  it('gets a hard refund right on the large model and wrong on the small one', () => {
    const policy = { policy: 'refunds', referenceDate: '2026-11-20', returnWindowDays: 30, unopenedRefundPercent: 100, openedRefundPercent: 50, goldWaivesRestockingFee: true, damagedWindowDays: 90, damagedRefundsShipping: true, shippingRefundedOtherwise: false };
    const order = {
      id: 'O-5009', customerId: 'C-1005', status: 'delivered', deliveredAt: '2026-11-01', shippingFee: 6, total: 151, shipmentId: 'S-9009',
      items: [
        { sku: 'A', name: 'Burr grinder', quantity: 1, unitPrice: 120, opened: true, damaged: false },
        { sku: 'B', name: 'Kitchen scale', quantity: 1, unitPrice: 25, opened: false, damaged: false },
      ],
    };
    const messages = [
      { role: 'user', content: 'Customer C-1005 wants to send back order O-5009. How much should we refund?' },
      ...exchange([['get_refund_policy', {}, policy], ['get_order', { orderId: 'O-5009' }, order]]),
      ...exchange([['get_customer', { customerId: 'C-1005' }, { id: 'C-1005', name: 'Edsger Dijkstra', tier: 'silver', email: 'e@d.example' }]]),
    ];
    assert.match(textOf(ask(messages, {}, SIM_LARGE)), /Total refund: \$85\.00/);
    const small = textOf(ask(messages, {}, SIM_SMALL));
    assert.doesNotMatch(small, /85\.00/);
    assert.match(small, /Total refund: \$151\.00/);
  });

  it('keeps repeating an empty search until an answer is forced', () => {
    const user = { role: 'user', content: 'Find the knowledge-base article about international warranty claims.' };
    const search = ['search_knowledge_base', { query: 'international warranty claims' }] as const;
    let messages: Record<string, unknown>[] = [user];
    for (let round = 0; round < 3; round++) {
      assert.deepEqual(callsOf(ask(messages)), [[...search]]);
      messages = [...messages, ...exchange([[search[0], search[1], { query: search[1].query, articles: [] }]])];
    }
    assert.match(textOf(ask(messages, { tool_choice: 'none' })), /could not find a knowledge-base article about international warranty claims/);
  });

  it('answers the request before a closing instruction instead of treating the instruction as a new request', () => {
    const user = { role: 'user', content: 'Find the knowledge-base article about international warranty claims.' };
    const search = exchange([['search_knowledge_base', { query: 'international warranty claims' }, { query: 'international warranty claims', articles: [] }]]);
    for (const closing of [
      { role: 'user', content: 'Stop searching and answer with what you have.' },
      { role: 'system', content: 'You have used too many steps. Give your final answer now without calling tools.' },
    ]) {
      assert.match(textOf(ask([user, ...search, closing])), /could not find a knowledge-base article about international warranty claims/);
    }
  });

  it('ping-pongs between two records that refer to each other', () => {
    const ticket = { id: 'T-305', customerId: 'C-1005', subject: 'Refund not received', status: 'open', relatedOrderId: 'O-5010' };
    const order = { id: 'O-5010', customerId: 'C-1005', status: 'delivered', total: 26.99, relatedTicketId: 'T-305' };
    let messages: Record<string, unknown>[] = [{ role: 'user', content: 'Which order is ticket T-305 linked to? Follow the references.' }];
    const seen: string[] = [];
    for (let round = 0; round < 4; round++) {
      const [[name]] = callsOf(ask(messages)) as [[string]];
      seen.push(name);
      messages = [...messages, ...exchange([[name, name === 'get_ticket' ? { ticketId: 'T-305' } : { orderId: 'O-5010' }, name === 'get_ticket' ? ticket : order]])];
    }
    assert.deepEqual(seen, ['get_ticket', 'get_order', 'get_ticket', 'get_order']);
    assert.match(textOf(ask(messages, { tool_choice: 'none' })), /linked to order O-5010 \(total \$26\.99\)/);
  });

  it('writes a faithful summary when asked to summarise without tools, which later answers can rely on', () => {
    const conversation = [
      { role: 'user', content: 'Profile of customer C-1001 and where is order O-5002?' },
      ...exchange([['get_customer', { customerId: 'C-1001' }, ada], ['get_order', { orderId: 'O-5002' }, order5002]]),
      ...exchange([['get_shipment', { shipmentId: 'S-9002' }, shipment9002]]),
      { role: 'assistant', content: 'Shipment S-9002 is in transit with Parcelway.' },
    ];
    const request = parseChatRequest({
      model: 'sim-small',
      messages: [{ role: 'system', content: 'Summarize the conversation below, keeping every fact.' }, ...conversation],
    });
    const summary = textOf(decide(request, SIM_SMALL, supportDeskPlaybook));
    for (const fact of ['Profile of customer C-1001', 'ada@lovelace.example', 'gold', 'Order O-5002', 'shipment id S-9002', 'carrier Parcelway', 'in transit', '2026-11-23']) {
      assert.ok(summary.includes(fact), `summary keeps ${fact}:\n${summary}`);
    }
    // The summary replaces the history: the email is still answerable without any tool call.
    const later = ask([{ role: 'user', content: summary }, { role: 'assistant', content: 'Noted.' }, { role: 'user', content: "What is the customer's email?" }]);
    assert.match(textOf(later), /ada@lovelace\.example/);
  });

  it('summarises a transcript rendered as text, tool results included', () => {
    const transcript = `[summary of still earlier messages] Summary of the conversation so far:\n- The user asked: overview of C-1001\n[user] where is O-5002?\ntool get_order: ${JSON.stringify(order5002)}\ntool get_shipment: ${JSON.stringify(shipment9002)}`;
    const request = parseChatRequest({ model: 'sim-small', messages: [{ role: 'system', content: 'Condense this conversation.' }, { role: 'user', content: transcript }] });
    const summary = textOf(decide(request, SIM_SMALL, supportDeskPlaybook));
    assert.match(summary, /Shipment S-9002: order id O-5002, carrier Parcelway, status in transit, estimated delivery 2026-11-23/);
    assert.match(summary, /The user asked: overview of C-1001\n- The user asked: where is O-5002\?/, 'earlier summaries roll forward');
  });

  it('uses the short fields a masked output still shows, and calls again only for what they lack', () => {
    const masked =
      '[masked tool output] get_order({"orderId":"O-5002"}) returned output of 900 characters, masked to save tokens. ' +
      'Its short fields: {"id":"O-5002","customerId":"C-1001","status":"shipped","total":89,"shipmentId":"S-9002"}. Call get_order again if you need the full output.';
    const messages = [{ role: 'user', content: 'Where is order O-5002?' }, ...exchange([['get_order', { orderId: 'O-5002' }, masked]])];
    assert.deepEqual(callsOf(ask(messages)), [['get_shipment', { shipmentId: 'S-9002' }]], 'the shipment id is still visible');
    const refund = [{ role: 'user', content: 'How much should we refund for order O-5002?' }, ...exchange([['get_order', { orderId: 'O-5002' }, masked]])];
    assert.ok(callsOf(ask(refund)).some(([name]) => name === 'get_order'), 'the items are not, so the order is fetched again');
  });

  it('takes the request to summarise from the latest user message too, but never when tools are offered', () => {
    const transcript = `Please summarize this conversation:\nassistant: Customer C-1001: tier gold`;
    const plain = parseChatRequest({ model: 'sim-small', messages: [{ role: 'user', content: transcript }] });
    assert.match(textOf(decide(plain, SIM_SMALL, supportDeskPlaybook)), /^Summary of the conversation so far:[\s\S]*Customer C-1001: tier gold/);
    const withTools = ask([{ role: 'user', content: 'Summarize the account of customer C-1001.' }]);
    assert.equal(withTools.kind, 'tool-calls');
  });

  it('finds a customer named by full name or email first, then goes on from the id it finds', () => {
    const user = { role: 'user', content: "Has Ada Lovelace's most recent order shipped?" };
    assert.deepEqual(callsOf(ask([user])), [['find_customer', { query: 'Ada Lovelace' }]]);
    const found = exchange([['find_customer', { query: 'Ada Lovelace' }, { query: 'Ada Lovelace', customers: [{ id: 'C-1001', name: 'Ada Lovelace' }] }]]);
    assert.deepEqual(callsOf(ask([user, ...found])), [['list_orders', { customerId: 'C-1001' }]]);
    assert.deepEqual(callsOf(ask([{ role: 'user', content: 'What tier is grace@hopper.example?' }])), [['find_customer', { query: 'grace@hopper.example' }]]);
    const nobody = exchange([['find_customer', { query: 'Marie Curie' }, { query: 'Marie Curie', customers: [] }]]);
    assert.match(textOf(ask([{ role: 'user', content: 'Profile of Marie Curie please.' }, ...nobody])), /could not find a customer matching Marie Curie/);
  });

  it('reads "in total" about a list as the list, not as the total of the last order mentioned', () => {
    const messages = [
      { role: 'user', content: 'Where is order O-5002 of customer C-1001?' },
      { role: 'assistant', content: 'Order O-5002: status shipped, total $89.00, shipment id S-9002' },
      { role: 'user', content: 'Which orders has she placed in total?' },
    ];
    assert.deepEqual(callsOf(ask(messages)), [['list_orders', { customerId: 'C-1001' }]]);
    const totalOfThatOrder = [...messages.slice(0, 2), { role: 'user', content: 'What was the total of that order?' }];
    assert.match(textOf(ask(totalOfThatOrder)), /Order O-5002: status shipped, total \$89\.00/);
  });

  it('looks a ticket up by id without mistaking it for an order question', () => {
    const messages = [
      { role: 'user', content: 'Where is order O-5002?' },
      { role: 'assistant', content: 'Order O-5002: status shipped' },
      { role: 'user', content: 'What is the status of ticket T-303?' },
    ];
    assert.deepEqual(callsOf(ask(messages)), [['get_ticket', { ticketId: 'T-303' }]]);
  });

  it('asks which customer is meant, once, when none is in sight', () => {
    const answer = textOf(ask([{ role: 'user', content: 'Give me an overview of the account.' }]));
    assert.equal(answer.match(/Which customer do you mean\?/g)?.length, 1);
  });

  it('explains what it can do when no intent matches', () => {
    assert.match(textOf(ask([{ role: 'user', content: 'Good morning!' }])), /customer profiles, orders/);
  });
});
