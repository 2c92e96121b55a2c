// A tool outcome with the moment it was reached, so events emitted later (prefetch hand-over) carry true times.
import type { ToolCall } from '../messages.ts';
import type { ToolOutcome } from './invoke-tool.ts';
import { now, type PendingRunEvent } from './run-context.ts';

export interface TimedOutcome {
  outcome: ToolOutcome;
  endTime: number;
}

/** Stamps the time `outcome` settles. */
export async function withEndTime(outcome: Promise<ToolOutcome>): Promise<TimedOutcome> {
  const value = await outcome;
  return { outcome: value, endTime: now() };
}

/** The `tool-call-end` event reporting `timed`, whichever way the call ran (asked for, prefetched, followed up). */
export function toolCallEndEvent(callId: string, toolCall: ToolCall, { outcome, endTime }: TimedOutcome): PendingRunEvent {
  return {
    type: 'tool-call-end',
    time: endTime,
    callId,
    toolCall,
    cache: outcome.cache,
    result: outcome.content,
    isError: outcome.isError,
    timedOut: outcome.timedOut,
    fallbackUsed: outcome.fallbackUsed,
    worker: outcome.worker,
    ...(outcome.savedMs === undefined ? {} : { savedMs: outcome.savedMs }),
    ...(outcome.resultTokensSaved === undefined ? {} : { resultTokensSaved: outcome.resultTokensSaved }),
    ...(outcome.error ? { error: outcome.error } : {}),
  };
}
