// Typed errors a run can end with. Each carries the run's state at the moment it ended, so a caller can inspect
// or continue what was done (history, usage, steps) instead of losing it.
import { HotpathError } from '../errors.ts';
import type { Message } from '../messages.ts';
import type { RunUsage } from './run-events.ts';

/** What a run had done when it ended. */
export interface RunState {
  runId: string;
  agentName: string;
  /** The conversation so far, without the system message; valid to pass as `history` to a next run. */
  history: Message[];
  usage: RunUsage;
  /** Completed steps. */
  steps: number;
}

/** A run that ended in failure: a provider error, a cut-off stream, a tripped guardrail… `cause` says which. */
export class RunError extends HotpathError {
  readonly state: RunState;

  constructor(message: string, state: RunState, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, options);
    this.name = 'RunError';
    this.state = state;
  }
}

/** The run was aborted through its `signal` (or the stream's consumer stopped reading). */
export class AbortError extends RunError {
  constructor(state: RunState, options: { cause?: unknown } = {}) {
    super('The run was aborted.', state, options);
    this.name = 'AbortError';
  }
}

/** A guardrail of the agent tripped: the input is refused and the run stops. */
export class GuardrailTrippedError extends RunError {
  readonly guardrail: string;
  readonly reason: string;

  constructor(guardrail: string, reason: string, state: RunState) {
    super(`Guardrail "${guardrail}" tripped: ${reason}`, state);
    this.name = 'GuardrailTrippedError';
    this.guardrail = guardrail;
    this.reason = reason;
  }
}

/** The arguments of `run()` / `stream()` were invalid (nothing was run). */
export class RunInputError extends HotpathError {
  constructor(message: string) {
    super(message);
    this.name = 'RunInputError';
  }
}

/** The provider's response could not be used: its stream ended before `finish`, or events came out of order. */
export class ModelResponseError extends HotpathError {
  constructor(message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, options);
    this.name = 'ModelResponseError';
  }
}

/** The `error` field of run events: the error's class name (or HTTP status) and its message. */
export function describeError(error: unknown): { type: string; message: string } {
  if (error instanceof Error) {
    const status = (error as { status?: unknown }).status;
    const type = typeof status === 'number' ? String(status) : error.name || 'Error';
    return { type, message: error.message };
  }
  return { type: 'Error', message: String(error) };
}
