// What the simulated model knows about support-desk work, as a playbook for the brain: the entity ids it
// recognises, and the intents a user message can carry with the facts each one needs. Plans read only what the
// conversation shows (through `PlanContext`); they never import the desk's data.
import { formatFactLine } from '../brain/fact-text.ts';
import type { Intent, NeedResult, PlanContext, Playbook } from '../brain/playbook.ts';

const CUSTOMER = /\bC-\d{4}\b/;
const ORDER = /\bO-\d{4}\b/;
const TICKET = /\bT-\d{3}\b/;
/** "that order", "the order": a reference to an order named earlier. */
const ORDER_REFERENCE = /\b(that|this|the|their|her|his) order\b/i;
const COMPUTES_REFUND = /\bhow much\b.*\brefund|\brefund\b.*\bhow much\b|\b(refund total|total refund)\b/i;
const ASKS_ELIGIBILITY = /\b(eligible|eligibility|still be returned|can .* still return)\b/i;

type Fields = Record<string, unknown>;

const asRecord = (value: unknown): Fields => (typeof value === 'object' && value !== null ? (value as Fields) : {});
const money = (amount: number): string => `$${amount.toFixed(2)}`;
const round = (amount: number): number => Math.round(amount * 100) / 100;
const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
const allIds = (text: string, pattern: RegExp): string[] => [...new Set(text.match(new RegExp(pattern.source, 'g')) ?? [])];

function factLine(context: PlanContext, id: string, attributes: string[]): string {
  const known = context.knowledge.entity(id);
  const label = context.knowledge.typeOf(id)?.label ?? 'Record';
  return formatFactLine(supportDeskPlaybook, label, id, attributes.map((name) => [name, known?.get(name)] as const));
}

function unavailable(result: NeedResult, what: string): string {
  return result.status === 'failed' ? `I could not find ${what}: ${result.error}` : `I could not retrieve ${what}.`;
}

const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;
const CAPITALISED_RUN = /\b[A-Z][a-z]+(?: [A-Z][a-z]+)+/g;

/** A full name in the text: two or more capitalised words, not counting a capitalised sentence opener ("Has Ada Lovelace"). */
function personName(text: string): string | undefined {
  for (const match of text.matchAll(CAPITALISED_RUN)) {
    const words = match[0].split(' ');
    const opensSentence = /(^|[.!?]\s+)$/.test(text.slice(0, match.index));
    const name = opensSentence && words.length > 2 ? words.slice(1) : words;
    if (name.length >= 2) return name.join(' ');
  }
  return undefined;
}

/**
 * The customer a message is about: named by id; else by email or full name (looked up with `find_customer`, one
 * more dependent step); else the customer the conversation was last about.
 */
function resolveCustomer(context: PlanContext): { customerId?: string; lines: string[] } {
  const named = context.text.match(CUSTOMER)?.[0];
  if (named) return { customerId: named, lines: [] };
  const who = context.text.match(EMAIL)?.[0] ?? personName(context.text);
  if (who) {
    const result = context.need('find_customer', { query: who });
    if (result.status !== 'known') return { lines: [unavailable(result, `a customer matching ${who}`)] };
    const matches = asRecord(result.value).customers;
    const first = Array.isArray(matches) ? asRecord(matches[0]).id : undefined;
    return typeof first === 'string' ? { customerId: first, lines: [] } : { lines: [`I could not find a customer matching ${who}.`] };
  }
  const focused = context.focus('customer');
  return focused
    ? { customerId: focused, lines: [] }
    : { lines: ['Which customer do you mean? Please give me their customer ID (for example C-1001).'] };
}

const profile: Intent = {
  name: 'customer-profile',
  matches: (text) => /\b(profile|tier|e-?mail|overview|briefing|account|membership|member since|who is)\b/i.test(text),
  plan(context) {
    const { customerId, lines } = resolveCustomer(context);
    if (!customerId) return lines;
    const result = context.need('get_customer', { customerId }, { entity: customerId, attributes: ['name', 'tier', 'email'] });
    if (result.status !== 'known') return [unavailable(result, `the profile of customer ${customerId}`)];
    return [factLine(context, customerId, ['name', 'tier', 'email', 'memberSince'])];
  },
};

const orderList: Intent = {
  name: 'order-list',
  // A message naming specific orders is about those orders, not the customer's list.
  matches: (text) => /\b(orders|order history|overview|briefing)\b/i.test(text) && !ORDER.test(text),
  plan(context) {
    const { customerId, lines } = resolveCustomer(context);
    if (!customerId) return lines;
    const result = context.need('list_orders', { customerId }, { entity: customerId, attributes: ['orders'] });
    if (result.status !== 'known') return [unavailable(result, `the orders of customer ${customerId}`)];
    const ids = (context.knowledge.entity(customerId)?.get('orders') as string[] | undefined) ?? [];
    return [
      `Customer ${customerId}: orders ${ids.length === 0 ? 'none' : ids.join(', ')}`,
      ...ids.map((id) => factLine(context, id, ['status', 'placedAt', 'total'])),
    ];
  },
};

const ticketList: Intent = {
  name: 'ticket-list',
  matches: (text) => /\b(tickets|open ticket|any ticket|overview|briefing)\b/i.test(text),
  plan(context) {
    const { customerId, lines } = resolveCustomer(context);
    if (!customerId) return lines;
    const result = context.need('list_tickets', { customerId }, { entity: customerId, attributes: ['tickets'] });
    if (result.status !== 'known') return [unavailable(result, `the tickets of customer ${customerId}`)];
    const ids = (context.knowledge.entity(customerId)?.get('tickets') as string[] | undefined) ?? [];
    const open = ids.filter((id) => context.knowledge.entity(id)?.get('status') === 'open');
    return [
      `Customer ${customerId}: tickets ${ids.length === 0 ? 'none' : ids.join(', ')}`,
      ...ids.map((id) => factLine(context, id, ['subject', 'status', 'createdAt'])),
      open.length === 0 ? `Customer ${customerId} has no open tickets.` : `Open tickets: ${open.join(', ')}.`,
    ];
  },
};

const recommendations: Intent = {
  name: 'recommendations',
  matches: (text) => /\brecommend/i.test(text),
  plan(context) {
    const { customerId, lines } = resolveCustomer(context);
    if (!customerId) return lines;
    const result = context.need('get_product_recommendations', { customerId });
    const list = result.status === 'known' ? asRecord(result.value).recommendations : undefined;
    if (!Array.isArray(list)) return ['Product recommendations are not available right now.'];
    const names = list.map((entry) => `${String(asRecord(entry).name)} (${String(asRecord(entry).reason)})`);
    return [`Recommended for customer ${customerId}: ${names.join('; ') || 'nothing yet'}.`];
  },
};

/** The order a message is about: named, "the most recent order" of the customer in focus, or the last one mentioned. */
function resolveOrder(context: PlanContext): { orderId?: string; lines: string[] } {
  const named = context.text.match(ORDER)?.[0];
  if (named) return { orderId: named, lines: [] };
  if (/\b(most recent|latest|last|newest)\b/i.test(context.text)) {
    const { customerId, lines } = resolveCustomer(context);
    if (!customerId) return { lines };
    const result = context.need('list_orders', { customerId }, { entity: customerId, attributes: ['orders'] });
    if (result.status !== 'known') return { lines: [unavailable(result, `the orders of customer ${customerId}`)] };
    const ids = (context.knowledge.entity(customerId)?.get('orders') as string[] | undefined) ?? [];
    const placed = (id: string): string => String(context.knowledge.entity(id)?.get('placedAt') ?? '');
    const latest = [...ids].sort((a, b) => placed(b).localeCompare(placed(a)))[0];
    return latest ? { orderId: latest, lines: [] } : { lines: [`Customer ${customerId} has no orders.`] };
  }
  // A message about a ticket ("status of ticket T-303") is not about an order; with no order in sight, the words
  // were not about one after all ("after the order has shipped").
  if (TICKET.test(context.text)) return { lines: [] };
  return { orderId: context.focus('order'), lines: [] };
}

const tracking: Intent = {
  name: 'order-tracking',
  matches: (text) => /\b(where is|where's|track|tracking|shipped|carrier|arrive|arriving|eta|when will|delivery status|status of)\b/i.test(text),
  plan(context) {
    const { orderId, lines } = resolveOrder(context);
    if (!orderId) return lines;
    const order = context.need('get_order', { orderId }, { entity: orderId, attributes: ['status', 'shipmentId'] });
    if (order.status !== 'known') return [unavailable(order, `order ${orderId}`)];
    const orderLine = factLine(context, orderId, ['status', 'placedAt', 'total', 'shipmentId']);
    const shipmentId = context.knowledge.entity(orderId)?.get('shipmentId');
    if (typeof shipmentId !== 'string' || shipmentId === '') {
      return [orderLine, `Order ${orderId} has not shipped yet (status ${String(context.knowledge.entity(orderId)?.get('status'))}).`];
    }
    const shipment = context.need('get_shipment', { shipmentId }, { entity: shipmentId, attributes: ['status', 'carrier'] });
    if (shipment.status !== 'known') return [orderLine, unavailable(shipment, `the tracking of shipment ${shipmentId}`)];
    return [orderLine, factLine(context, shipmentId, ['orderId', 'carrier', 'status', 'estimatedDelivery', 'deliveredAt', 'lastScan'])];
  },
};

const orderDetails: Intent = {
  name: 'order-details',
  matches: (text) =>
    /\b(total|items|order details|how much was|paid)\b/i.test(text) &&
    (ORDER.test(text) || ORDER_REFERENCE.test(text)) &&
    !COMPUTES_REFUND.test(text),
  plan(context) {
    const orderId = context.text.match(ORDER)?.[0] ?? context.focus('order');
    if (!orderId) return [];
    const order = context.need('get_order', { orderId }, { entity: orderId, attributes: ['status', 'total'] });
    if (order.status !== 'known') return [unavailable(order, `order ${orderId}`)];
    return [factLine(context, orderId, ['status', 'placedAt', 'deliveredAt', 'total'])];
  },
};

function policyLines(policy: Fields): string[] {
  return [
    `Refund policy (as of ${String(policy.referenceDate)}): returns within ${String(policy.returnWindowDays)} days of delivery; ` +
      `unopened items refunded at ${String(policy.unopenedRefundPercent)}%, opened items at ${String(policy.openedRefundPercent)}%` +
      `${policy.goldWaivesRestockingFee ? ' (restocking fee waived for gold members)' : ''}; damaged items refunded in full ` +
      `${policy.damagedRefundsShipping ? 'with the shipping fee ' : ''}within ${String(policy.damagedWindowDays)} days of delivery; ` +
      `${policy.shippingRefundedOtherwise ? 'shipping fees are refunded' : 'shipping fees are otherwise not refunded'}.`,
  ];
}

/** The policy fields the answers and the refund computation use; a masked policy that still shows them will do. */
const POLICY_FIELDS = [
  'referenceDate', 'returnWindowDays', 'unopenedRefundPercent', 'openedRefundPercent', 'goldWaivesRestockingFee',
  'damagedWindowDays', 'damagedRefundsShipping', 'shippingRefundedOtherwise',
];

const policy: Intent = {
  name: 'refund-policy',
  matches: (text) =>
    /\b(refund policy|return policy|return window|returns policy|damaged|broken)\b/i.test(text) &&
    !COMPUTES_REFUND.test(text) &&
    !ASKS_ELIGIBILITY.test(text),
  plan(context) {
    const result = context.need('get_refund_policy', {}, { fields: POLICY_FIELDS });
    return result.status === 'known' ? policyLines(asRecord(result.value)) : [unavailable(result, 'the refund policy')];
  },
};

interface RefundFacts {
  policy: Fields;
  order: Fields;
  tier: string;
}

/** Gathers policy, order (with items) and the customer's tier; dependent: the customer id comes from the order. */
function refundFacts(context: PlanContext, orderId: string): RefundFacts | string {
  const policyResult = context.need('get_refund_policy', {}, { fields: POLICY_FIELDS });
  const order = context.need('get_order', { orderId });
  if (order.status !== 'known') return unavailable(order, `order ${orderId}`);
  const customerId = String(asRecord(order.value).customerId ?? '');
  const customer = context.need('get_customer', { customerId }, { entity: customerId, attributes: ['tier'] });
  if (policyResult.status !== 'known') return unavailable(policyResult, 'the refund policy');
  if (customer.status !== 'known') return unavailable(customer, `the profile of customer ${customerId}`);
  return { policy: asRecord(policyResult.value), order: asRecord(order.value), tier: String(context.knowledge.entity(customerId)?.get('tier')) };
}

/** The policy applied item by item: the multi-step reasoning a weak model skips. */
function refundOf({ policy: rules, order, tier }: RefundFacts): { amount: number; eligible: boolean; days: number; reasons: string[] } {
  const days = daysBetween(String(order.deliveredAt ?? rules.referenceDate), String(rules.referenceDate));
  const reasons: string[] = [];
  let amount = 0;
  let refundShipping = false;
  for (const entry of Array.isArray(order.items) ? order.items : []) {
    const item = asRecord(entry);
    const price = Number(item.unitPrice) * Number(item.quantity);
    if (item.damaged === true && days <= Number(rules.damagedWindowDays)) {
      amount += price;
      refundShipping = refundShipping || rules.damagedRefundsShipping === true;
      reasons.push(`${String(item.name)} damaged: ${money(price)} in full`);
    } else if (days > Number(rules.returnWindowDays)) {
      reasons.push(`${String(item.name)}: outside the ${String(rules.returnWindowDays)}-day return window`);
    } else if (item.opened === true && !(tier === 'gold' && rules.goldWaivesRestockingFee === true)) {
      const share = (price * Number(rules.openedRefundPercent)) / 100;
      amount += share;
      reasons.push(`${String(item.name)} opened: ${String(rules.openedRefundPercent)}% of ${money(price)} = ${money(share)}`);
    } else {
      const share = (price * Number(rules.unopenedRefundPercent)) / 100;
      amount += share;
      reasons.push(`${String(item.name)}${item.opened === true ? ' opened, restocking fee waived for gold' : ''}: ${money(share)}`);
    }
  }
  if (refundShipping) {
    amount += Number(order.shippingFee);
    reasons.push(`shipping fee ${money(Number(order.shippingFee))} refunded for the damaged item`);
  }
  return { amount: round(amount), eligible: amount > 0, days, reasons };
}

const refundAmount: Intent = {
  name: 'refund-amount',
  hard: true,
  matches: (text) => COMPUTES_REFUND.test(text),
  plan(context) {
    const orderIds = allIds(context.text, ORDER);
    if (orderIds.length === 0) return ['Which orders should I compute the refund for? Please give me the order IDs.'];
    const gathered = orderIds.map((orderId) => refundFacts(context, orderId));
    const problem = gathered.find((facts): facts is string => typeof facts === 'string');
    if (problem) return [problem];
    const facts = gathered as RefundFacts[];
    if (context.strength === 'weak') {
      // The shortcut a small model takes: refund what was paid, ignoring windows, restocking and shipping rules.
      const total = round(facts.reduce((sum, { order }) => sum + Number(order.total), 0));
      return [`Total refund: ${money(total)} (the full amount paid for ${orderIds.join(' and ')}).`];
    }
    const lines = facts.map((entry) => {
      const { amount, reasons } = refundOf(entry);
      return `Order ${String(entry.order.id)}: refund ${money(amount)} (${reasons.join('; ')})`;
    });
    const total = round(facts.reduce((sum, entry) => sum + refundOf(entry).amount, 0));
    return [...lines, `Total refund: ${money(total)}.`];
  },
};

const eligibility: Intent = {
  name: 'return-eligibility',
  hard: true,
  matches: (text) => ASKS_ELIGIBILITY.test(text),
  plan(context) {
    const orderId = context.text.match(ORDER)?.[0] ?? context.focus('order');
    if (!orderId) return ['Which order do you mean? Please give me the order ID.'];
    const facts = refundFacts(context, orderId);
    if (typeof facts === 'string') return [facts];
    if (context.strength === 'weak') {
      return [`Order ${orderId} should still be eligible for a return, I think; the refund would be about ${money(Number(facts.order.total))}. Please double-check the policy.`];
    }
    const { amount, eligible, days, reasons } = refundOf(facts);
    const delivered = String(facts.order.deliveredAt);
    return eligible
      ? [`Order ${orderId} is eligible for a return: delivered ${days} days ago (${delivered}). Refund: ${money(amount)} (${reasons.join('; ')}).`]
      : [`Order ${orderId} is not eligible for a return: it was delivered ${days} days ago (${delivered}), beyond the ${String(facts.policy.returnWindowDays)}-day return window. Refund: ${money(0)}.`];
  },
};

const knowledgeSearch: Intent = {
  name: 'knowledge-search',
  matches: (text) => /\b(knowledge[- ]base|help[- ]cent(er|re)|kb article|article)\b/i.test(text),
  plan(context) {
    const topic = (context.text.match(/\babout\s+([^?.!]+)/i) ?? context.text.match(/\b(?:on|for|regarding)\s+([^?.!]+)/i))?.[1];
    const query = (topic ?? context.text).trim().toLowerCase();
    const result = context.need('search_knowledge_base', { query });
    if (result.status !== 'known') return [unavailable(result, `knowledge-base articles about ${query}`)];
    const ids = (asRecord(result.value).articles as unknown[] | undefined ?? []).map((article) => String(asRecord(article).id));
    if (ids.length === 0) {
      // Given nothing, this model distrusts the empty result and runs the very same search again, over and over,
      // until the client stops it or forces an answer.
      context.need('search_knowledge_base', { query }, { repeat: true });
      return [`I could not find a knowledge-base article about ${query}.`];
    }
    return ids.map((id) => factLine(context, id, ['title', 'summary']));
  },
};

const crossReference: Intent = {
  name: 'ticket-order-link',
  matches: (text) => TICKET.test(text) && /\b(linked|related|follow the references?|refers? to)\b/i.test(text),
  plan(context) {
    const ticketId = context.text.match(TICKET)?.[0] as string;
    const ticket = context.need('get_ticket', { ticketId }, { entity: ticketId, attributes: ['relatedOrderId'] });
    if (ticket.status !== 'known') return [unavailable(ticket, `ticket ${ticketId}`)];
    const orderId = context.knowledge.entity(ticketId)?.get('relatedOrderId');
    if (typeof orderId !== 'string') return [factLine(context, ticketId, ['subject', 'status']), `Ticket ${ticketId} is not linked to an order.`];
    const order = context.need('get_order', { orderId }, { entity: orderId, attributes: ['total'] });
    if (order.status !== 'known') return [unavailable(order, `order ${orderId}`)];
    if (context.knowledge.entity(orderId)?.get('relatedTicketId') === ticketId) {
      // Each record says "see the other one": this model keeps following the references back and forth.
      const last = context.knowledge.calls.findLast((call) => call.currentTurn)?.tool;
      if (last === 'get_order') context.need('get_ticket', { ticketId }, { repeat: true });
      else context.need('get_order', { orderId }, { repeat: true });
    }
    return [
      factLine(context, ticketId, ['subject', 'status', 'relatedOrderId']),
      factLine(context, orderId, ['status', 'total', 'relatedTicketId']),
      `Ticket ${ticketId} is linked to order ${orderId} (total ${money(Number(context.knowledge.entity(orderId)?.get('total')))}).`,
    ];
  },
};

const ticketDetails: Intent = {
  name: 'ticket-details',
  matches: (text) => TICKET.test(text) && !/\b(linked|related|follow the references?|refers? to|escalat\w*)\b/i.test(text),
  plan(context) {
    const ticketId = context.text.match(TICKET)?.[0] as string;
    const ticket = context.need('get_ticket', { ticketId }, { entity: ticketId, attributes: ['subject', 'status'] });
    if (ticket.status !== 'known') return [unavailable(ticket, `ticket ${ticketId}`)];
    return [factLine(context, ticketId, ['subject', 'status', 'createdAt', 'relatedOrderId', 'note'])];
  },
};

const escalation: Intent = {
  name: 'ticket-escalation',
  matches: (text) => TICKET.test(text) && /\bescalat/i.test(text),
  plan(context) {
    const ticketId = context.text.match(TICKET)?.[0] as string;
    const reason = (context.text.match(/\bbecause\s+([^.!?]+)/i)?.[1] ?? 'requested by the support agent').trim();
    const result = context.need('escalate_ticket', { ticketId, reason });
    if (result.status !== 'known') return [unavailable(result, `an escalation for ticket ${ticketId}`)];
    const escalationId = String(asRecord(result.value).escalationId);
    return [`Ticket ${ticketId} has been escalated to the returns team (escalation ${escalationId}).`];
  },
};

/** The support desk's playbook for the simulated model. */
export const supportDeskPlaybook: Playbook = {
  entityTypes: [
    { type: 'customer', label: 'Customer', idPattern: CUSTOMER },
    { type: 'order', label: 'Order', idPattern: ORDER },
    { type: 'shipment', label: 'Shipment', idPattern: /\bS-\d{4}\b/ },
    { type: 'ticket', label: 'Ticket', idPattern: TICKET },
    { type: 'article', label: 'Article', idPattern: /\bKB-\d{3}\b/ },
  ],
  attributes: [
    'name', 'tier', 'email', 'memberSince', 'orders', 'tickets', 'customerId', 'orderId', 'status', 'placedAt',
    'deliveredAt', 'total', 'shippingFee', 'shipmentId', 'carrier', 'estimatedDelivery', 'lastScan', 'subject',
    'createdAt', 'relatedOrderId', 'relatedTicketId', 'note', 'title', 'summary', 'articles', 'team', 'escalationId',
  ],
  listAttributes: ['orders', 'tickets', 'articles'],
  moneyAttributes: ['total', 'shippingFee', 'unitPrice'],
  intents: [profile, orderList, ticketList, recommendations, tracking, orderDetails, policy, refundAmount, eligibility, knowledgeSearch, crossReference, ticketDetails, escalation],
  fallbackAnswer:
    'I can look up customer profiles, orders, shipments, support tickets, the refund policy and the knowledge base. ' +
    'Tell me the customer or order ID and what you need.',
};
