// The contract between the run loop and model routing: an Agent's `model` is either a model name or a ModelRouter.
// With routing on, the loop asks the router for each step's model and, after each response, whether to escalate.
// With routing off (baseline), the loop always uses `defaultModel`.
import type { AssistantMessage, Message } from '../messages.ts';
import type { RoutingDecision } from '../runner/run-events.ts';

export interface RouteContext {
  agentName: string;
  /** 0-based step index within the run. */
  step: number;
  /** `first`: no tool results yet in this turn; `after-tools`: the step follows tool results; `final`: tools are off. */
  stepKind: 'first' | 'after-tools' | 'final';
  /** The user's latest input. */
  input: string;
  messages: Message[];
  estimatedInputTokens: number;
  toolNames: string[];
}

/** How a step tries its draft model before the answer model (see draft-settings.ts). */
export interface DraftSettings {
  /** The cheap model that serves steps ending in tool calls. */
  model: string;
  /**
   * When the answer model is asked: `auto` (default) at the same time as the draft on the steps where the answer model
   * has mostly been needed so far (learned per agent and step of a run), else as `on-text`; `on-text` as soon as the
   * draft starts writing text instead of tool calls, beside it; `always` at the same time as the draft; `never` only
   * once the draft's response is complete.
   */
  race: 'auto' | 'on-text' | 'always' | 'never';
  /** A draft asking for a tool that is not `readOnly` is escalated: the answer model decides side effects (default true). */
  escalateWrites: boolean;
  /**
   * After this many kept draft steps in a row that each call the same single tool (paging on, rewording a search,
   * walking dates — how small models go round in circles), the answer model serves the rest of the run (default 3;
   * `false`: never).
   */
  sameToolSteps: number | false;
}

export interface ModelRouter {
  readonly kind: 'router';
  /** Every model this router may choose, cheapest first. */
  readonly models: string[];
  /** The model used when routing is switched off (baseline): normally the strongest. */
  readonly defaultModel: string;
  /**
   * A draft model: each step whose routed model is another one is first served by the draft; a draft response made
   * of valid tool calls is kept, anything else (a final answer, an invalid call) is answered by the routed model.
   */
  readonly draft?: DraftSettings;
  route(context: RouteContext): RoutingDecision | Promise<RoutingDecision>;
  /**
   * Called after a response from `decision.model`. Returning a new decision discards the response and repeats the
   * step with that model (a cascade escalating when a check on the cheap model's output fails); null keeps it.
   */
  escalate?(
    output: AssistantMessage,
    context: RouteContext,
    decision: RoutingDecision,
  ): RoutingDecision | null | Promise<RoutingDecision | null>;
}
