// The support desk's tools as plain objects any framework can wrap: a zod 4 parameter schema, an `execute` that
// honours an abort signal, and the facts a runner needs to optimise safely (latency, idempotent, read-only).
// Latencies are those of typical internal services: a database-backed REST lookup or search 80–150 ms, a third-party
// carrier tracking API 350 ms, a search index 250 ms, and one slow ML recommendation service at 4 s.
import { z } from 'zod';
import { HotpathError } from '../../errors.ts';
import { abortableDelay } from '../abortable-delay.ts';
import { articles, customers, orders, recommendationsByTier, refundPolicy, shipments, tickets } from './data.ts';

/** A record the tools do not have (unknown id). */
export class SupportDeskNotFoundError extends HotpathError {
  constructor(message: string) {
    super(message);
    this.name = 'SupportDeskNotFoundError';
  }
}

export interface SupportDeskTool<Parameters extends z.ZodObject = z.ZodObject> {
  name: string;
  description: string;
  parameters: Parameters;
  execute(args: z.infer<Parameters>, context: { signal?: AbortSignal }): Promise<unknown>;
  /** Typical latency before `latencyScale`. */
  latencyMs: number;
  /** Same arguments, same result: safe to cache. */
  idempotent: boolean;
  /** Changes nothing: safe to start early or prefetch. */
  readOnly: boolean;
}

export interface SupportDeskToolOptions {
  /** Multiplies every tool latency (1 for benchmarks, small for tests). Default 1. */
  latencyScale?: number;
}

function defineTool<Parameters extends z.ZodObject>(
  scale: number,
  spec: Omit<SupportDeskTool<Parameters>, 'execute'> & { run(args: z.infer<Parameters>): unknown },
): SupportDeskTool<Parameters> {
  const { run, ...rest } = spec;
  return {
    ...rest,
    async execute(args, context) {
      const parsed = spec.parameters.parse(args);
      await abortableDelay(spec.latencyMs * scale, context.signal);
      return structuredClone(run(parsed));
    },
  };
}

function find<T extends { id: string }>(records: readonly T[], id: string, what: string): T {
  const record = records.find((candidate) => candidate.id === id);
  if (!record) throw new SupportDeskNotFoundError(`${what} ${id} not found`);
  return record;
}

const stem = (word: string): string => word.toLowerCase().replace(/(ing|ed|es|s)$/, '');
const words = (text: string): Set<string> => new Set((text.match(/[a-z]{4,}/gi) ?? []).map(stem));

/** Articles sharing at least half of the query's significant words, best first, at most three. */
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
    .map(({ article }) => article);
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
  const scale = options.latencyScale ?? 1;
  if (!(scale >= 0)) throw new RangeError('latencyScale must be a number ≥ 0');
  const customerId = z.string().describe('Customer id, e.g. C-1001');
  const readOnly = { idempotent: true, readOnly: true } as const;
  return [
    defineTool(scale, {
      name: 'get_customer',
      description: "Look up a customer's profile: name, membership tier, email and member-since date.",
      parameters: z.object({ customerId }),
      latencyMs: 120,
      ...readOnly,
      run: ({ customerId: id }) => find(customers, id, 'Customer'),
    }),
    defineTool(scale, {
      name: 'find_customer',
      description: 'Find customers by (part of) their name or email address; returns their ids.',
      parameters: z.object({ query: z.string().min(2).describe('A name or email, e.g. Ada Lovelace') }),
      latencyMs: 150,
      ...readOnly,
      run: ({ query }) => {
        const wanted = query.trim().toLowerCase();
        return {
          query,
          customers: customers
            .filter((customer) => customer.name.toLowerCase().includes(wanted) || customer.email.toLowerCase() === wanted)
            .map(({ id, name, email, tier }) => ({ id, name, email, tier })),
        };
      },
    }),
    defineTool(scale, {
      name: 'list_orders',
      description: "List a customer's orders with their date, status and total (no shipment details).",
      parameters: z.object({ customerId }),
      latencyMs: 150,
      ...readOnly,
      run: ({ customerId: id }) => {
        find(customers, id, 'Customer');
        return {
          customerId: id,
          orders: orders
            .filter((order) => order.customerId === id)
            .map(({ id: orderId, placedAt, status, total }) => ({ id: orderId, placedAt, status, total })),
        };
      },
    }),
    defineTool(scale, {
      name: 'get_order',
      description: 'Get one order: items, fees, total, status, delivery date and the id of its shipment.',
      parameters: z.object({ orderId: z.string().describe('Order id, e.g. O-5002') }),
      latencyMs: 120,
      ...readOnly,
      run: ({ orderId }) => find(orders, orderId, 'Order'),
    }),
    defineTool(scale, {
      name: 'get_shipment',
      description: "Track a shipment with the carrier: status, estimated delivery and last scan. Needs the shipment id from get_order.",
      parameters: z.object({ shipmentId: z.string().describe('Shipment id, e.g. S-9002') }),
      latencyMs: 350,
      ...readOnly,
      run: ({ shipmentId }) => find(shipments, shipmentId, 'Shipment'),
    }),
    defineTool(scale, {
      name: 'list_tickets',
      description: "List a customer's support tickets with subject and status.",
      parameters: z.object({ customerId }),
      latencyMs: 150,
      ...readOnly,
      run: ({ customerId: id }) => {
        find(customers, id, 'Customer');
        return {
          customerId: id,
          tickets: tickets
            .filter((ticket) => ticket.customerId === id)
            .map(({ id: ticketId, subject, status, createdAt }) => ({ id: ticketId, subject, status, createdAt })),
        };
      },
    }),
    defineTool(scale, {
      name: 'get_ticket',
      description: 'Get one support ticket with its notes and related order.',
      parameters: z.object({ ticketId: z.string().describe('Ticket id, e.g. T-301') }),
      latencyMs: 120,
      ...readOnly,
      run: ({ ticketId }) => find(tickets, ticketId, 'Ticket'),
    }),
    defineTool(scale, {
      name: 'get_refund_policy',
      description: 'Get the current refund policy: return window, refund percentages, damaged-item rules, reference date.',
      parameters: z.object({}),
      latencyMs: 80,
      ...readOnly,
      run: () => refundPolicy,
    }),
    defineTool(scale, {
      name: 'search_knowledge_base',
      description: 'Search the help-centre knowledge base; returns matching articles (possibly none).',
      parameters: z.object({ query: z.string().min(1).describe('What to search for') }),
      latencyMs: 250,
      ...readOnly,
      run: ({ query }) => ({ query, articles: searchArticles(query) }),
    }),
    defineTool(scale, {
      name: 'get_product_recommendations',
      description: 'Personalised product recommendations for a customer from the recommendation service (slow).',
      parameters: z.object({ customerId }),
      latencyMs: 4000,
      ...readOnly,
      run: ({ customerId: id }) => ({ customerId: id, recommendations: recommendationsByTier[find(customers, id, 'Customer').tier] }),
    }),
    defineTool(scale, {
      name: 'escalate_ticket',
      description: 'Escalate a support ticket to the returns team. Creates an escalation: not safe to repeat.',
      parameters: z.object({ ticketId: z.string().describe('Ticket id, e.g. T-304'), reason: z.string().min(1) }),
      latencyMs: 200,
      idempotent: false,
      readOnly: false,
      run: ({ ticketId, reason }) => {
        find(tickets, ticketId, 'Ticket');
        return { ticketId, status: 'escalated', team: 'returns', escalationId: `ESC-${ticketId}`, reason };
      },
    }),
  ];
}
