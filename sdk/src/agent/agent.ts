// An agent: instructions, a model (or a router that picks one per step), tools, and what the runner may do ahead of
// time for it (prefetch), beside it (guardrails) or below it (sub-agents exposed as tools).
import { HotpathError } from '../errors.ts';
import type { Message } from '../messages.ts';
import type { ModelRouter } from '../routing/model-router.ts';
import type { Tool } from '../tools/tool.ts';
import type { Guardrail } from './guardrail.ts';

export interface ModelSettings {
  temperature?: number;
  maxOutputTokens?: number;
  /** Let the model ask for several tool calls in one response (provider default: yes). */
  parallelToolCalls?: boolean;
  toolChoice?: 'auto' | 'none' | 'required';
}

/** A tool call the runner starts at the beginning of a run, before the model asks for it. */
export interface PrefetchCall {
  tool: string;
  arguments: Record<string, unknown>;
}

/**
 * Follow-up prefetch: calls to start speculatively the moment a tool's result arrives, because the model will most
 * likely ask for them next (an order's result names its shipment). `result` is what the tool returned (parsed from
 * JSON when the tool returned text), `args` the arguments it ran with. Called only for successful results.
 */
export type FollowUpPrefetch = (result: unknown, args: Record<string, unknown>) => PrefetchCall[];

/** Calls to start at run start, and follow-ups to start when a named tool's result arrives. */
export interface PrefetchPlan {
  atStart?: PrefetchCall[] | ((input: string) => PrefetchCall[]);
  /** Keyed by the tool whose result triggers the follow-ups. */
  after?: Record<string, FollowUpPrefetch>;
}

/** What a tool group's `when` sees: the run's input and the conversation before it. */
export interface ToolSelectionContext {
  /** The user's latest input (this run's). */
  input: string;
  /** The conversation before this input (the run's `history`, without the system message). */
  history: readonly Message[];
}

/**
 * Tools offered together, only to runs whose input (or conversation) needs them. With the `toolSelection` switch on,
 * a run offers the tools of every group whose `when` holds, plus every tool that is in no group.
 */
export interface ToolGroup {
  /** Names the group in errors. */
  name: string;
  /** Tool (or sub-agent) names of the agent; a tool may belong to several groups. */
  tools: string[];
  /** Whether a run needs the group, decided once at run start. */
  when: (context: ToolSelectionContext) => boolean;
}

export interface AgentOptions {
  /** Also the tool name when this agent is another agent's sub-agent: letters, digits, `_`, `-`. */
  name: string;
  description?: string;
  /** Stable instructions: the system message, first in every request. */
  instructions: string;
  /**
   * Facts that change from run to run (today's date, the user's plan…). With the `promptCacheLayout` switch on they
   * go with the run's input, after the stable prefix; off, into the system message.
   */
  context?: string | ((input: string) => string);
  model: string | ModelRouter;
  tools?: Tool[];
  modelSettings?: ModelSettings;
  /**
   * Calls of `readOnly` tools to start ahead of the model: at run start (a list, a function of the input, or a plan's
   * `atStart`) and, with a plan's `after`, when a tool's result arrives. Results are handed over when the model asks
   * for the identical call; unused ones are dropped. The model never sees anything it did not ask for.
   */
  prefetch?: PrefetchCall[] | ((input: string) => PrefetchCall[]) | PrefetchPlan;
  guardrails?: Guardrail[];
  /** Agents this one can hand work to; each becomes a tool `{ input: string }` running a nested run. */
  subAgents?: Agent[];
  /**
   * Tool selection (the `toolSelection` switch): groups of tools offered only when a run needs them, so every
   * request carries fewer schemas. Tools in no group are always offered.
   */
  toolGroups?: ToolGroup[];
}

/** An Agent was configured wrongly (duplicate tool names, prefetch of an unknown tool…). */
export class AgentDefinitionError extends HotpathError {
  constructor(message: string) {
    super(message);
    this.name = 'AgentDefinitionError';
  }
}

/** Checks tool groups against the agent's tool names and returns frozen copies. */
function checkToolGroups(agentName: string, groups: readonly ToolGroup[], toolNames: string[]): ToolGroup[] {
  if (!Array.isArray(groups)) throw new AgentDefinitionError(`Agent "${agentName}": toolGroups must be an array.`);
  const seen = new Set<string>();
  return groups.map((group) => {
    if (typeof group?.name !== 'string' || group.name.length === 0) {
      throw new AgentDefinitionError(`Agent "${agentName}": every tool group needs a name.`);
    }
    const label = `Agent "${agentName}": tool group "${group.name}"`;
    if (seen.has(group.name)) throw new AgentDefinitionError(`${label} is declared twice.`);
    seen.add(group.name);
    if (typeof group.when !== 'function') throw new AgentDefinitionError(`${label}: when must be a function (context) => boolean.`);
    if (!Array.isArray(group.tools) || group.tools.length === 0) throw new AgentDefinitionError(`${label} needs a non-empty list of tools.`);
    const unknown = (group.tools as unknown[]).find((name) => typeof name !== 'string' || !toolNames.includes(name));
    if (unknown !== undefined) throw new AgentDefinitionError(`${label} names unknown tool "${String(unknown)}".`);
    return Object.freeze({ name: group.name, tools: Object.freeze([...group.tools]) as string[], when: group.when });
  });
}

const NAME_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * An agent definition, immutable and reusable across runs and runners.
 *
 * @example
 * const support = new Agent({
 *   name: 'support',
 *   instructions: 'You answer customer questions using the tools.',
 *   model: 'gpt-4.1-mini',
 *   tools: [getOrder, getShipment],
 *   prefetch: [{ tool: 'get_profile', arguments: { userId: 'u1' } }],
 * });
 */
export class Agent {
  readonly name: string;
  readonly description: string | undefined;
  readonly instructions: string;
  readonly context: AgentOptions['context'];
  readonly model: string | ModelRouter;
  readonly tools: readonly Tool[];
  readonly modelSettings: Readonly<ModelSettings>;
  readonly prefetch: AgentOptions['prefetch'];
  readonly guardrails: readonly Guardrail[];
  readonly subAgents: readonly Agent[];
  readonly toolGroups: readonly ToolGroup[];

  constructor(options: AgentOptions) {
    if (!NAME_PATTERN.test(options.name ?? '')) {
      throw new AgentDefinitionError(`Agent name "${options.name}" must be 1–64 letters, digits, "_" or "-".`);
    }
    if (typeof options.instructions !== 'string') {
      throw new AgentDefinitionError(`Agent "${options.name}": instructions must be a string.`);
    }
    const model = options.model;
    if (typeof model === 'string' ? model.length === 0 : model?.kind !== 'router') {
      throw new AgentDefinitionError(`Agent "${options.name}": model must be a model name or a ModelRouter.`);
    }
    this.name = options.name;
    this.description = options.description;
    this.instructions = options.instructions;
    this.context = options.context;
    this.model = model;
    this.tools = Object.freeze([...(options.tools ?? [])]);
    this.modelSettings = Object.freeze({ ...options.modelSettings });
    this.prefetch = options.prefetch;
    this.guardrails = Object.freeze([...(options.guardrails ?? [])]);
    this.subAgents = Object.freeze([...(options.subAgents ?? [])]);

    const names = [...this.tools.map((t) => t.name), ...this.subAgents.map((a) => a.name)];
    const duplicate = names.find((name, index) => names.indexOf(name) !== index);
    if (duplicate) throw new AgentDefinitionError(`Agent "${this.name}": two tools are named "${duplicate}".`);
    this.toolGroups = Object.freeze(checkToolGroups(this.name, options.toolGroups ?? [], names));
    const atStart = this.#atStart;
    if (Array.isArray(atStart)) this.checkPrefetch(atStart);
    for (const trigger of Object.keys(this.#after)) {
      if (!this.tools.some((t) => t.name === trigger)) {
        throw new AgentDefinitionError(`Agent "${this.name}": prefetch.after names unknown tool "${trigger}".`);
      }
      if (typeof this.#after[trigger] !== 'function') {
        throw new AgentDefinitionError(`Agent "${this.name}": prefetch.after.${trigger} must be a function (result, args) => calls.`);
      }
    }
  }

  get #atStart(): PrefetchPlan['atStart'] {
    const plan = this.prefetch;
    return typeof plan === 'function' || Array.isArray(plan) ? plan : plan?.atStart;
  }

  get #after(): Record<string, FollowUpPrefetch> {
    const plan = this.prefetch;
    return plan && typeof plan === 'object' && !Array.isArray(plan) ? (plan.after ?? {}) : {};
  }

  /** True when some tool's result triggers follow-up prefetches. */
  get hasFollowUps(): boolean {
    return Object.keys(this.#after).length > 0;
  }

  /** The model used when routing is off: the model itself, or the router's default. */
  get defaultModel(): string {
    return typeof this.model === 'string' ? this.model : this.model.defaultModel;
  }

  /** The prefetch calls for one input, checked against the tools (an unknown or non-readOnly tool is an error). */
  prefetchFor(input: string): PrefetchCall[] {
    const atStart = this.#atStart;
    if (!atStart) return [];
    const calls = typeof atStart === 'function' ? atStart(input) : atStart;
    this.checkPrefetch(calls);
    return calls;
  }

  /**
   * The follow-up calls `toolName`'s result asks for, checked like `prefetchFor` (an unknown or non-readOnly tool
   * is an AgentDefinitionError).
   *
   * @example
   * agent.followUpsFor('get_order', { shipmentId: 'S-1' }, { orderId: 'O-1' }) // [{ tool: 'get_shipment', arguments: { shipmentId: 'S-1' } }]
   */
  followUpsFor(toolName: string, result: unknown, args: Record<string, unknown>): PrefetchCall[] {
    const followUp = this.#after[toolName];
    if (!followUp) return [];
    const calls = followUp(result, args);
    if (!Array.isArray(calls)) {
      throw new AgentDefinitionError(`Agent "${this.name}": prefetch.after.${toolName} must return an array of calls.`);
    }
    this.checkPrefetch(calls);
    return calls;
  }

  /** The per-run context text, or undefined when the agent has none. */
  contextFor(input: string): string | undefined {
    const text = typeof this.context === 'function' ? this.context(input) : this.context;
    return text ? text : undefined;
  }

  private checkPrefetch(calls: PrefetchCall[]): void {
    for (const call of calls) {
      const target = this.tools.find((t) => t.name === call.tool);
      if (!target) throw new AgentDefinitionError(`Agent "${this.name}": prefetch names unknown tool "${call.tool}".`);
      if (!target.readOnly) {
        throw new AgentDefinitionError(`Agent "${this.name}": prefetch tool "${call.tool}" must be readOnly.`);
      }
    }
  }
}
