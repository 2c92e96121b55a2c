// The floor issue 5 sets for the benchmark, checked on the figures of one run. A floor whose figure could not be
// measured (a variant skipped, a ratio over zero) is reported as not met, never as passed.
import { compareVariants } from './variant-summary.ts';
import type { Comparison, VariantSummary } from './variant-summary.ts';

export interface FloorCheck {
  name: string;
  /** How the floor reads, e.g. `≥ 3`. */
  target: string;
  /** The measured figure, or null when it was not measured. */
  actual: number | null;
  met: boolean;
}

export interface FloorInput {
  baseline: VariantSummary;
  optimized: VariantSummary;
  /** Absent when the @openai/agents variant was not run. */
  openaiAgents?: VariantSummary;
}

/**
 * Checks every floor of issue 5 that the suite run measures (the per-turn overhead floor is `overhead.ts`'s).
 *
 * @example
 * for (const floor of checkFloors({ baseline, optimized, openaiAgents })) console.log(floor.name, floor.met);
 */
export function checkFloors(input: FloorInput): FloorCheck[] {
  const { baseline, optimized, openaiAgents } = input;
  const ours = compareVariants(baseline, optimized);
  const peer: Comparison | undefined = openaiAgents && compareVariants(openaiAgents, optimized);
  return [
    atLeast('speedup_total (baseline ÷ optimized)', ours.speedupTotal, 3),
    atLeast('speedup_p50 (baseline ÷ optimized)', ours.speedupP50, 3),
    atLeast('optimized correct − baseline correct', optimized.correct - baseline.correct, 0),
    atMost('token_ratio (optimized ÷ baseline)', ours.tokenRatio, 0.7),
    atLeast('speedup_total vs @openai/agents', peer?.speedupTotal, 1.5),
    atLeast('optimized correct − @openai/agents correct', openaiAgents && optimized.correct - openaiAgents.correct, 0),
  ];
}

function atLeast(name: string, actual: number | undefined, floor: number): FloorCheck {
  const measured = actual !== undefined && Number.isFinite(actual) ? actual : null;
  return { name, target: `≥ ${floor}`, actual: measured, met: measured !== null && measured >= floor };
}

function atMost(name: string, actual: number | undefined, ceiling: number): FloorCheck {
  const measured = actual !== undefined && Number.isFinite(actual) ? actual : null;
  return { name, target: `≤ ${ceiling}`, actual: measured, met: measured !== null && measured <= ceiling };
}
