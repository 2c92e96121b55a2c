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

export interface ModelRouter {
  readonly kind: 'router';
  /** Every model this router may choose, cheapest first. */
  readonly models: string[];
  /** The model used when routing is switched off (baseline): normally the strongest. */
  readonly defaultModel: string;
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
