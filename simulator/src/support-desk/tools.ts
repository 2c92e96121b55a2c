// The support desk's tools as plain objects any framework can wrap: a zod 4 parameter schema, an `execute` that
// honours an abort signal, and the facts a runner needs to optimise safely (latency, idempotent, read-only).
//
// Each tool stands for a SaaS API a real support desk calls over the internet, and takes that API's typical median
// latency (before `latencyScale`). Vendors publish rate limits, not latency SLOs, so these are defensible medians for
// a call from a cloud region to a SaaS REST API (TLS connection reused, a few hundred ms: in the 200–900 ms p50 range
// such APIs show across the internet), not worst cases:
// - customer, order and ticket reads (Shopify Admin API, Zendesk Support API): 250–400 ms; list and search endpoints
//   sit above single-record reads because they query an index and serialise several records.
// - carrier tracking (UPS/FedEx-style track-by-number REST APIs, OAuth-fronted, backed by the carrier's scan
//   database): 700 ms, the slow end of ordinary SaaS calls.
// - knowledge-base search (a hosted vector index): embedding the query with a hosted embeddings API (≈ 200–500 ms per
//   single request, as commonly reported for OpenAI's text-embedding-3 models) plus a serverless vector query (Pinecone
//   serverless measured p50 ≈ 112 ms for top-k queries at concurrency 1 in aws-us-east-1, unrealshape/
//   bachelor-db-benchmark) plus fetching the article snippets: 450 ms.
// - the refund policy (a CMS page behind a CDN-cached JSON endpoint): 200 ms.
// - escalation (a Zendesk ticket update, a write): 450 ms.
// - the recommendation service: a very slow ML service at 4 s, whose result no answer needs.
import { z } from 'zod';
import { SimulatorError } from '../simulator-error.ts';
import { defineWorkloadTool as defineTool, latencyScaleOf, type WorkloadTool, type WorkloadToolOptions } from '../workload-tool.ts';
import { articles, customers, type Order, orders, recommendationsByTier, refundPolicy, shipments, type Ticket, tickets } from './data.ts';

/** A record the tools do not have (unknown id). */
export class SupportDeskNotFoundError extends SimulatorError {
  constructor(message: string) {
    super(message);
    this.name = 'SupportDeskNotFoundError';
  }
}

/** A support-desk tool: the shared plain-object tool shape (workload-tool.ts). */
export type SupportDeskTool<Parameters extends z.ZodObject = z.ZodObject> = WorkloadTool<Parameters>;
export type SupportDeskToolOptions = WorkloadToolOptions;

function find<T extends { id: string }>(records: readonly T[], id: string, what: string): T {
  const record = records.find((candidate) => candidate.id === id);
  if (!record) throw new SupportDeskNotFoundError(`${what} ${id} not found`);
  return record;
}

const stem = (word: string): string => word.toLowerCase().replace(/(ing|ed|es|s)$/, '');
const words = (text: string): Set<string> => new Set((text.match(/[a-z]{4,}/gi) ?? []).map(stem));

/** Articles sharing at least half of the query's significant words (in title and summary), best first, at most three. */
function searchArticles(query: string) {
  const wanted = words(query);
  if (wanted.size === 0) return [];
  return articles
    .map((article) => {
      const have = words(`${article.title} ${article.summary}`);
      return { article, score: [...wanted].filter((word) => have.has(word)).length };
    })
    .filter(({ score }) => score >= Math.max(1, Math.ceil(wanted.size / 2)))
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map(({ article, score }) => {
      const { body, ...fields } = article;
      // As a hosted search returns hits: the fields, a relevance score and a snippet of the text.
      return { ...fields, score: Math.round((score / wanted.size) * 1000) / 1000, snippet: snippetOf(body) };
    });
}

const SNIPPET_WORDS = 160;

function snippetOf(body: string): string {
  const all = body.split(' ');
  return all.length <= SNIPPET_WORDS ? body : `${all.slice(0, SNIPPET_WORDS).join(' ')} …`;
}

/** A list endpoint's view of an order (as an order index returns it): no addresses, payment or tax lines. */
function orderSummary(order: Order) {
  return {
    id: order.id,
    placedAt: order.placedAt,
    status: order.status,
    total: order.total,
    orderNumber: order.orderNumber,
    currency: order.currency,
    financialStatus: order.financialStatus,
    fulfillmentStatus: order.fulfillmentStatus,
    deliveredAt: order.deliveredAt,
    itemCount: order.items.reduce((sum, line) => sum + line.quantity, 0),
    shippingMethod: order.shippingMethod.title,
    paymentMethod: `${order.payment.cardBrand} ending ${order.payment.cardLast4}`,
    lineItems: order.items.map(({ sku, name, quantity, unitPrice }) => ({ sku, name, quantity, unitPrice })),
    shipTo: `${order.shippingAddress.city}, ${order.shippingAddress.countryCode}`,
    updatedAt: order.updatedAt,
  };
}

/** A list endpoint's view of a ticket (as a helpdesk's ticket list returns it): the first message as description. */
function ticketSummary(ticket: Ticket) {
  return {
    id: ticket.id,
    subject: ticket.subject,
    status: ticket.status,
    createdAt: ticket.createdAt,
    priority: ticket.priority,
    type: ticket.type,
    channel: ticket.channel,
    updatedAt: ticket.updatedAt,
    assignee: ticket.assignee.name,
    tags: ticket.tags,
    description: ticket.messages[0]?.body ?? '',
  };
}

/**
 * Creates the support-desk tools.
 *
 * @example
 * const tools = createSupportDeskTools({ latencyScale: 0.01 });
 * const getOrder = tools.find((tool) => tool.name === 'get_order')!;
 * await getOrder.execute({ orderId: 'O-5002' }, { signal: AbortSignal.timeout(1000) });
 */
export function createSupportDeskTools(options: SupportDeskToolOptions = {}): SupportDeskTool[] {
  const scale = latencyScaleOf(options);
  const customerId = z.string().describe('Customer id, e.g. C-1001');
  const readOnly = { idempotent: true, readOnly: true } as const;
  return [
    defineTool(scale, {
      name: 'get_customer',
      description: "Look up a customer's profile: name, membership tier, email, member-since date, addresses and contact preferences.",
      parameters: z.object({ customerId }),
      latencyMs: 250,
      ...readOnly,
      run: ({ customerId: id }) => find(customers, id, 'Customer'),
    }),
    defineTool(scale, {
      name: 'find_customer',
      description: 'Find customers by (part of) their name or email address; returns their ids.',
      parameters: z.object({ query: z.string().min(2).describe('A name or email, e.g. Ada Lovelace') }),
      latencyMs: 350,
      ...readOnly,
      run: ({ query }) => {
        const wanted = query.trim().toLowerCase();
        // As a customer search endpoint answers: whole customer records, minus internal notes and foreign ids.
        const found = customers
          .filter((customer) => customer.name.toLowerCase().includes(wanted) || customer.email.toLowerCase() === wanted)
          .map(({ internalNote: _note, externalIds: _ids, addresses: _addresses, ...record }) => record);
        return { query, count: found.length, customers: found };
      },
    }),
    defineTool(scale, {
      name: 'list_orders',
      description: "List a customer's orders with their date, status, total and line items (no shipment details).",
      parameters: z.object({ customerId }),
      latencyMs: 400,
      ...readOnly,
      run: ({ customerId: id }) => {
        find(customers, id, 'Customer');
        const own = orders.filter((order) => order.customerId === id);
        return { customerId: id, count: own.length, orders: own.map(orderSummary) };
      },
    }),
    defineTool(scale, {
      name: 'get_order',
      description: 'Get one order: items, fees, tax, total, payment, status, delivery date and the id of its shipment.',
      parameters: z.object({ orderId: z.string().describe('Order id, e.g. O-5002') }),
      latencyMs: 300,
      ...readOnly,
      run: ({ orderId }) => find(orders, orderId, 'Order'),
    }),
    defineTool(scale, {
      name: 'get_shipment',
      description: "Track a shipment with the carrier: status, estimated delivery, last scan and scan history. Needs the shipment id from get_order.",
      parameters: z.object({ shipmentId: z.string().describe('Shipment id, e.g. S-9002') }),
      latencyMs: 700,
      ...readOnly,
      run: ({ shipmentId }) => find(shipments, shipmentId, 'Shipment'),
    }),
    defineTool(scale, {
      name: 'list_tickets',
      description: "List a customer's support tickets with subject, status and description.",
      parameters: z.object({ customerId }),
      latencyMs: 350,
      ...readOnly,
      run: ({ customerId: id }) => {
        find(customers, id, 'Customer');
        const own = tickets.filter((ticket) => ticket.customerId === id);
        return { customerId: id, count: own.length, tickets: own.map(ticketSummary) };
      },
    }),
    defineTool(scale, {
      name: 'get_ticket',
      description: 'Get one support ticket with its message thread, notes and related order.',
      parameters: z.object({ ticketId: z.string().describe('Ticket id, e.g. T-301') }),
      latencyMs: 400,
      ...readOnly,
      run: ({ ticketId }) => find(tickets, ticketId, 'Ticket'),
    }),
    defineTool(scale, {
      name: 'get_refund_policy',
      description: 'Get the current refund policy: return window, refund percentages, damaged-item rules, reference date and its clauses.',
      parameters: z.object({}),
      latencyMs: 200,
      ...readOnly,
      run: () => refundPolicy,
    }),
    defineTool(scale, {
      name: 'search_knowledge_base',
      description: 'Search the help-centre knowledge base; returns matching articles with snippets (possibly none).',
      parameters: z.object({ query: z.string().min(1).describe('What to search for') }),
      latencyMs: 450,
      ...readOnly,
      run: ({ query }) => {
        const hits = searchArticles(query);
        return { query, count: hits.length, articles: hits };
      },
    }),
    defineTool(scale, {
      name: 'get_product_recommendations',
      description: 'Personalised product recommendations for a customer from the recommendation service (slow).',
      parameters: z.object({ customerId }),
      latencyMs: 4000,
      ...readOnly,
      run: ({ customerId: id }) => ({
        customerId: id,
        model: 'recs-2026-11-v4',
        recommendations: recommendationsByTier[find(customers, id, 'Customer').tier],
      }),
    }),
    defineTool(scale, {
      name: 'escalate_ticket',
      description: 'Escalate a support ticket to the returns team. Creates an escalation: not safe to repeat.',
      parameters: z.object({ ticketId: z.string().describe('Ticket id, e.g. T-304'), reason: z.string().min(1) }),
      latencyMs: 450,
      idempotent: false,
      readOnly: false,
      run: ({ ticketId, reason }) => {
        const ticket = find(tickets, ticketId, 'Ticket');
        return {
          ticketId,
          status: 'escalated',
          team: 'returns',
          escalationId: `ESC-${ticketId}`,
          reason,
          priority: 'high',
          previousGroup: ticket.assignee.group,
          assignedTo: { group: 'Returns escalations', name: 'Returns team queue' },
          slaHours: 24,
          subject: ticket.subject,
          notified: ['returns-escalations@coffeegear.example', ticket.assignee.name],
          nextStep: 'The returns team contacts the customer within one working day with a replacement or refund offer.',
        };
      },
    }),
  ];
}
