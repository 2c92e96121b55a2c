// Guardrails: checks on a run's input that run alongside the first model call (the `parallelModelWork` switch) or
// before it. A guardrail may make its own model call through `context.callModel`, traced as a `guardrail` call.
import type { Message } from '../messages.ts';

export interface GuardrailContext {
  signal: AbortSignal;
  runId: string;
  /** Makes a side model call (purpose `guardrail` in spans) and returns its text. */
  callModel(request: { model: string; messages: Message[]; maxOutputTokens?: number }): Promise<string>;
}

export interface GuardrailVerdict {
  /** True refuses the input: the run ends with a GuardrailTrippedError. */
  tripwire: boolean;
  reason?: string;
}

/**
 * A check on the input of a run.
 *
 * @example
 * const noSecrets: Guardrail = {
 *   name: 'no-secrets',
 *   check: (input) => ({ tripwire: /api[_-]?key/i.test(input), reason: 'asks for credentials' }),
 * };
 */
export interface Guardrail {
  name: string;
  check(input: string, context: GuardrailContext): GuardrailVerdict | Promise<GuardrailVerdict>;
}
