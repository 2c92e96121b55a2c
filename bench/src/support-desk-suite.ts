// The support desk as a benchmark suite: the project's own workload, the one its fitted agent (router rules, prefetch
// lists, tool groups, result views, history policy; support-agent.ts) was tuned on. Its user-config settings are
// what each tool's description says, read the way a user would read them.
import type { BenchSuite, UserToolSettings } from './bench-suite.ts';
import { checkAnswer, createSupportDeskTools, supportDeskTasks } from './sdk.ts';
import type { SupportDeskTask } from './sdk.ts';
import { SUPPORT_DESK_HISTORY, SUPPORT_DESK_INSTRUCTIONS, supportDeskAgent } from './support-agent.ts';
import { supportDeskGuardrail } from './support-desk-guardrail.ts';

const lookup: UserToolSettings = { readOnly: true, cache: true };

/**
 * What a user marks after reading the support desk's tool descriptions: every look-up of stored records ("look up /
 * find / list / get / search") is read-only and cacheable; tracking with the carrier is live data, read-only but not
 * cached; the recommendation service says it is slow and its result is an extra, so it gets a 2 s budget and a
 * fallback; `escalate_ticket` "creates an escalation: not safe to repeat", so nothing. The held-out suite's settings
 * follow the same rules (held-out-suite.ts).
 */
export const SUPPORT_DESK_USER_TOOL_SETTINGS: Readonly<Record<string, UserToolSettings>> = {
  get_customer: lookup,
  find_customer: lookup,
  list_orders: lookup,
  get_order: lookup,
  get_shipment: { readOnly: true }, // "Track a shipment with the carrier": live status
  list_tickets: lookup,
  get_ticket: lookup,
  get_refund_policy: lookup,
  search_knowledge_base: lookup,
  get_product_recommendations: {
    ...lookup,
    timeoutMs: 2_000,
    fallback: { available: false, note: 'The recommendation service did not answer in time.' },
  },
};

/** The support-desk suite (27 tasks, `simulator/src/support-desk/`). */
export const supportDeskSuite: BenchSuite<SupportDeskTask> = {
  id: 'support-desk',
  title: 'Support-desk suite (own workload; the fitted agent was tuned on it)',
  agentName: 'support-desk',
  instructions: SUPPORT_DESK_INSTRUCTIONS,
  tasks: supportDeskTasks,
  createTools: (latencyScale) => createSupportDeskTools({ latencyScale }),
  check: (task, answer) => checkAnswer(task, answer).correct,
  guardrail: { hotpath: supportDeskGuardrail },
  userToolSettings: SUPPORT_DESK_USER_TOOL_SETTINGS,
  fitted: {
    agent: ({ tools, models, latencyScale }) => supportDeskAgent(tools as never, { latencyScale, models }),
    optimizations: { history: SUPPORT_DESK_HISTORY },
  },
};
