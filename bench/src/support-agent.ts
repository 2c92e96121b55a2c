// "The same agent" every variant runs: the support desk's instructions and tools, defined once. Hotpath gets them
// through its own `tool()` with the per-tool switches a team would set from what it knows about its services
// (cache on idempotent lookups, eager start and prefetch for read-only ones, a timeout with a fallback on the
// slow recommendation service), a router over the small and large simulated models, and a history policy.
// @openai/agents gets the same instructions and tools with its defaults (openai-agents-executor.ts).
import { Agent, router, tool } from './sdk.ts';
import type { HistoryPolicy, ModelRouter, PrefetchCall, SupportDeskTool, Tool, ToolGroup, ToolSelectionContext } from './sdk.ts';
import { supportDeskGuardrail } from './support-desk-guardrail.ts';
import { SUPPORT_DESK_VIEWS } from './support-desk-views.ts';

/** The system prompt of every variant. */
export const SUPPORT_DESK_INSTRUCTIONS = [
  'You are the assistant of an online shop\'s support desk. A support agent asks you about customers (ids like',
  'C-1001), orders (O-5001), shipments (S-9001), tickets (T-301) and help-centre articles. Use the tools to look',
  'records up; follow an order to its shipment to track it; look up independent records at the same time. Answer',
  'with the facts you found: ids, names, statuses, dates and amounts. Apply the refund policy item by item when',
  'asked about refunds. If a record does not exist or a service does not answer, say what you could not find.',
  'Never invent data.',
].join(' ');

export const SMALL_MODEL = 'sim-small';
export const LARGE_MODEL = 'sim-large';

/**
 * How long the recommendation service (typically 4 s) may take before the answer goes on without it: the
 * recommendations are optional in every task that asks for them ("if available"). Scaled with the workload's
 * latency scale, so a fast test run behaves like a full-speed one.
 */
export const RECOMMENDATIONS_TIMEOUT_MS = 1_000;

export interface SupportDeskAgentOptions {
  /** The latency scale the tools and the model server run at (default 1): the tool timeout follows it. */
  latencyScale?: number;
  /** The endpoint's model names (default `sim-small` / `sim-large`): the router's tiers, the guardrail's model. */
  models?: { small: string; large: string };
}

/** What the model sees when the recommendation service times out. */
export const RECOMMENDATIONS_FALLBACK = { available: false, note: 'The recommendation service did not answer in time.' };

/** Tool results stay fresh this long: a support session, not a day. */
export const TOOL_CACHE_TTL_MS = 5 * 60_000;

/**
 * Questions that decide money need the strong model: computing a refund amount, or whether something can still be
 * returned. Looking the policy up is a lookup. A rule a support team writes about its own traffic: it reads the
 * support agent's question only, never the benchmark's answer key.
 */
const MONEY_DECISION = /\bhow much\b[^?]*\brefund|\brefund\b[^?]*\bhow much\b|\beligib\w*|\bstill be returned\b/i;

/**
 * The router: lookups on the small model, money decisions on the large one; `sim-large` is the default (and what
 * the baseline, with routing off, always uses).
 *
 * @example
 * new Agent({ name: 'support-desk', instructions, tools, model: supportDeskRouter() });
 */
export function supportDeskRouter(models: { small: string; large: string } = { small: SMALL_MODEL, large: LARGE_MODEL }): ModelRouter {
  const { small, large } = models;
  return router({
    // An endpoint serving one model plays both tiers: every rule then picks it.
    models: small === large ? [large] : [small, large],
    defaultModel: large,
    classify: ({ input }) =>
      MONEY_DECISION.test(input)
        ? { label: 'money-decision', reason: 'the question asks to compute a refund or decide a return' }
        : { label: 'lookup', reason: 'the question asks for records' },
    rules: [
      { inputTokens: { atLeast: 16_000 }, model: large, name: 'long-context' },
      { classifier: 'money-decision', model: large, name: 'money-decision' },
      { classifier: 'lookup', model: small, name: 'lookup' },
    ],
  });
}

/**
 * The history policy: past 4,000 estimated tokens of conversation, stale tool outputs are masked (a placeholder
 * keeps their short fields); the last 6 messages and the current turn stay verbatim. No summaries: on this
 * workload's sessions summarising with `sim-small` cost about 13 % more time for 4–5 % fewer tokens than masking alone, and a
 * 2,000-token budget had to drop whole turns and lost the customer a session's last question needed.
 */
export const SUPPORT_DESK_HISTORY: HistoryPolicy = {
  maxInputTokens: 4_000,
  keepRecentMessages: 6,
  summarize: false,
};

/**
 * The workload's framework-neutral tools as Hotpath tools.
 *
 * @example
 * const tools = hotpathSupportDeskTools(createSupportDeskTools());
 */
export function hotpathSupportDeskTools(tools: readonly SupportDeskTool[], options: SupportDeskAgentOptions = {}): Tool[] {
  const latencyScale = options.latencyScale ?? 1;
  if (!(latencyScale > 0) || !Number.isFinite(latencyScale)) throw new RangeError(`latencyScale must be a number > 0, got ${latencyScale}`);
  return tools.map((neutral) =>
    tool({
      name: neutral.name,
      description: neutral.description,
      parameters: neutral.parameters,
      execute: (args, context) => neutral.execute(args, { signal: context.signal }),
      cache: neutral.idempotent ? { ttlMs: TOOL_CACHE_TTL_MS } : false,
      readOnly: neutral.readOnly,
      ...(SUPPORT_DESK_VIEWS[neutral.name] && { modelView: SUPPORT_DESK_VIEWS[neutral.name] }),
      ...(neutral.name === 'get_product_recommendations' && {
        timeoutMs: RECOMMENDATIONS_TIMEOUT_MS * latencyScale,
        fallback: RECOMMENDATIONS_FALLBACK,
      }),
    }),
  );
}

const CUSTOMER_ID = /\bC-\d{4}\b/g;
const ORDER_ID = /\bO-\d{4}\b/g;

/** Every distinct id `pattern` finds in `input`, in order. */
const idsIn = (input: string, pattern: RegExp): string[] => [...new Set(input.match(pattern) ?? [])];

type Fields = Record<string, unknown>;
const fields = (value: unknown): Fields => (typeof value === 'object' && value !== null ? (value as Fields) : {});
const idCall = (tool: string, key: string, id: unknown): PrefetchCall[] => (typeof id === 'string' ? [{ tool, arguments: { [key]: id } }] : []);

/**
 * The chains of the support desk, as follow-up prefetches: each starts the lookup the next step of a chain needs the
 * moment the record naming it arrives, under the model call that will ask for it.
 * - a customer's profile leads to their orders and tickets (nearly every question about a customer goes on to one);
 * - an order names its shipment (tracking: order → shipment);
 * - a customer's order list names their latest order (customer → latest order → shipment);
 * - a customer search with one match names the customer whose orders come next (name → customer → orders);
 * - a ticket names its related order.
 */
export const SUPPORT_DESK_FOLLOW_UPS: Readonly<Record<string, (result: unknown) => PrefetchCall[]>> = {
  get_customer: (customer) => [
    ...idCall('list_orders', 'customerId', fields(customer).id),
    ...idCall('list_tickets', 'customerId', fields(customer).id),
  ],
  get_order: (order) => idCall('get_shipment', 'shipmentId', fields(order).shipmentId),
  list_orders: (result) => {
    const orders = Array.isArray(fields(result).orders) ? (fields(result).orders as unknown[]).map(fields) : [];
    const latest = orders.reduce<Fields | undefined>((best, order) => (String(order.placedAt) > String(best?.placedAt ?? '') ? order : best), undefined);
    return idCall('get_order', 'orderId', latest?.id);
  },
  find_customer: (result) => {
    const matches = fields(result).customers;
    return Array.isArray(matches) && matches.length === 1 ? idCall('list_orders', 'customerId', fields(matches[0]).id) : [];
  },
  get_ticket: (ticket) => idCall('get_order', 'orderId', fields(ticket).relatedOrderId),
};

/** Whether this turn's question uses one of the word stems or id prefixes the desk uses for a kind of record. */
const asksAbout = (...patterns: RegExp[]) => ({ input }: ToolSelectionContext): boolean => patterns.some((pattern) => pattern.test(input));

/** Questions about a customer's whole account: a team's "overview", "briefing" or "account" covers orders and tickets. */
const WHOLE_ACCOUNT = /\b(overview|briefing|account|everything about)\b/i;

/**
 * Tool selection: which of the desk's services a question needs, from the words and ids support agents use. Customer
 * lookups (`get_customer`, `find_customer`) are in no group, so they are always offered: nearly every question is
 * about a customer, named by id, by name, or by "they" from an earlier turn. The rest is offered when the question
 * (this turn's, never the answer key) talks about it:
 * - orders: an order id, or order / purchase / bought / item / total / paid, and refunds or returns (they are
 *   computed from an order), and whole-account questions;
 * - shipments: a shipment id, or where / ship / deliver / track / carrier / arrive / parcel — with `get_order`,
 *   since a shipment is found through its order;
 * - tickets: a ticket id, or ticket / complaint / case / issue / escalate, and whole-account questions;
 * - escalation (a write): only when the question asks to escalate or hand over to the returns team;
 * - the refund policy: refund / return / policy / damaged / broken / send back / eligible / warranty;
 * - the knowledge base: knowledge base / article / help centre / FAQ / how to / how do / how can;
 * - recommendations: recommend / suggest / upsell.
 */
export const SUPPORT_DESK_TOOL_GROUPS: ToolGroup[] = [
  {
    name: 'orders',
    tools: ['list_orders', 'get_order'],
    when: asksAbout(/\bO-\d|\border|\bpurchase|\bbought|\bitems?\b|\btotal\b|\bpaid\b|\brefund|\breturn|\bsend (it |them |everything )?back/i, WHOLE_ACCOUNT),
  },
  {
    name: 'shipments',
    tools: ['get_order', 'get_shipment'],
    when: asksAbout(/\bS-\d|\bwhere\b|\bship|\bdeliver|\btrack|\bcarrier|\barriv|\bparcel|\bpackage/i),
  },
  {
    name: 'tickets',
    tools: ['list_tickets', 'get_ticket'],
    when: asksAbout(/\bT-\d|\bticket|\bcomplain|\bcase\b|\bissue|\bescalat/i, WHOLE_ACCOUNT),
  },
  {
    name: 'escalation',
    tools: ['escalate_ticket'],
    when: asksAbout(/\bescalat|\bhand (it |this )?over|\breturns team/i),
  },
  {
    name: 'refund-policy',
    tools: ['get_refund_policy'],
    when: asksAbout(/\brefund|\breturn|\bpolic|\bdamaged|\bbroken|\bsend (it |them |everything )?back|\beligib|\bwarrant/i),
  },
  {
    name: 'knowledge-base',
    tools: ['search_knowledge_base'],
    when: asksAbout(/\bknowledge|\barticle|\bhelp.?cent|\bfaq\b|\bhow (to|do|can)\b/i),
  },
  {
    name: 'recommendations',
    tools: ['get_product_recommendations'],
    when: asksAbout(/\brecommend|\bsuggest|\bupsell/i),
  },
];

/**
 * The support-desk agent for Hotpath. The records a question names are prefetched: nearly every question naming a
 * customer starts with their profile, and every question naming an order with that order, so those lookups
 * overlap the first model call instead of following it. The chains' next lookups follow (SUPPORT_DESK_FOLLOW_UPS).
 *
 * @example
 * const agent = supportDeskAgent(createSupportDeskTools());
 * await new Runner({ provider, optimizations: { history: SUPPORT_DESK_HISTORY } }).run(agent, 'Where is order O-5002?');
 */
export function supportDeskAgent(tools: readonly SupportDeskTool[], options: SupportDeskAgentOptions = {}): Agent {
  return new Agent({
    name: 'support-desk',
    description: 'Answers support agents\' questions about customers, orders, shipments and tickets.',
    instructions: SUPPORT_DESK_INSTRUCTIONS,
    model: supportDeskRouter(options.models),
    tools: hotpathSupportDeskTools(tools, options),
    guardrails: [supportDeskGuardrail(options.models?.small ?? SMALL_MODEL)],
    toolGroups: SUPPORT_DESK_TOOL_GROUPS,
    prefetch: {
      atStart: (input) => [
        ...idsIn(input, CUSTOMER_ID).map((customerId) => ({ tool: 'get_customer', arguments: { customerId } })),
        ...idsIn(input, ORDER_ID).map((orderId) => ({ tool: 'get_order', arguments: { orderId } })),
      ],
      after: SUPPORT_DESK_FOLLOW_UPS,
    },
  });
}
