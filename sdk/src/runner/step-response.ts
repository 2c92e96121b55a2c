// What a step's model call hands the loop, and the bookkeeping of the responses a step produced: each response owns
// the calls its stream started eagerly; a discarded response's calls stay as speculation for the next one (the
// `draftSpeculation` switch) or are cancelled at once; what nobody claimed is cancelled when the step is over.
import type { ToolCall } from '../messages.ts';
import type { ModelCall, ModelResponse } from './call-model.ts';
import type { RunContext } from './run-context.ts';
import type { RoutingDecision } from './run-events.ts';

export interface StepResponse {
  response: ModelResponse;
  routing?: RoutingDecision;
  /** The kept response: its tool calls claim the calls its stream started. */
  owner: string;
  /** Cancels and reports what was started for this step and not used (call after the step's tools have run). */
  release(): Promise<void>;
}

/** A name for the response of one attempt at a step, unique within the run. */
export function responseOwner(step: number, attempt: number | string): string {
  return `step:${step}:${attempt}`;
}

/** The `onToolCall` hook that starts a response's read-only calls eagerly, when the switch is on. */
export function eagerStart(run: RunContext, owner: string): Pick<ModelCall, 'onToolCall'> {
  if (!run.settings.eagerTools) return {};
  return {
    onToolCall: (toolCall: ToolCall) => {
      let args: unknown;
      try {
        args = JSON.parse(toolCall.arguments.trim() === '' ? '{}' : toolCall.arguments);
      } catch {
        return; // the call will be reported as invalid when the step's tools run
      }
      if (typeof args === 'object' && args !== null && !Array.isArray(args)) {
        run.prefetch.launch(run, { tool: toolCall.name, arguments: args as Record<string, unknown> }, { source: 'eager', owner });
      }
    },
  };
}

/** A discarded response's calls stay as speculation for the next response, or are cancelled at once when that is off. */
export async function discard(run: RunContext, owner: string, discarded: string[]): Promise<void> {
  if (run.settings.draftSpeculation) discarded.push(owner);
  else await run.prefetch.release(run, owner);
}

export async function releaseAll(run: RunContext, owners: readonly string[]): Promise<void> {
  for (const owner of owners) await run.prefetch.release(run, owner);
}
