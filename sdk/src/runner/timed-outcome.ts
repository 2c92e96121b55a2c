// A tool outcome with the moment it was reached, so events emitted later (prefetch hand-over) carry true times.
import type { ToolOutcome } from './invoke-tool.ts';
import { now } from './run-context.ts';

export interface TimedOutcome {
  outcome: ToolOutcome;
  endTime: number;
}

/** Stamps the time `outcome` settles. */
export async function withEndTime(outcome: Promise<ToolOutcome>): Promise<TimedOutcome> {
  const value = await outcome;
  return { outcome: value, endTime: now() };
}
