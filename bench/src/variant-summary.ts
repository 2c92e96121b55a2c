// Folds a variant's task runs into the figures the table and latest.json show, and compares two variants.
import { distribution } from './statistics.ts';
import type { Distribution } from './statistics.ts';
import { addUsage, emptyUsage } from './task-run.ts';
import type { TaskRun, TaskUsage } from './task-run.ts';

export interface VariantSummary {
  variant: string;
  /** Number of batches (passes over the suite). */
  batches: number;
  /** Per task run, milliseconds; `total` adds up every batch. */
  wallMs: Distribution;
  /** Mean wall-clock time of one pass over the suite: comparable between variants run a different number of times. */
  batchTotalMs: number;
  usage: TaskUsage;
  /** Correct answers over all task runs. */
  correct: number;
  total: number;
  /** Task runs that threw (counted as wrong). */
  errors: number;
  /** How many turns ended with each run outcome. */
  outcomes: Record<string, number>;
  /** Tool calls started ahead of the model over all task runs: used, and cancelled unused (wasted). */
  speculation: { started: number; used: number; wasted: number };
}

/**
 * Summarises the runs of one variant.
 *
 * @example
 * const optimized = summarizeVariant('optimized', runs.filter((run) => run.variant === 'optimized'));
 */
export function summarizeVariant(variant: string, runs: readonly TaskRun[]): VariantSummary {
  const usage = emptyUsage();
  const outcomes: Record<string, number> = {};
  const speculation = { started: 0, used: 0, wasted: 0 };
  for (const run of runs) {
    addUsage(usage, run.usage);
    for (const outcome of run.outcomes) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
    speculation.started += run.speculation?.started ?? 0;
    speculation.used += run.speculation?.used ?? 0;
    speculation.wasted += run.speculation?.wasted ?? 0;
  }
  const wallMs = distribution(runs.map((run) => run.wallMs));
  const batches = new Set(runs.map((run) => run.batch)).size;
  return {
    variant,
    batches,
    wallMs,
    batchTotalMs: batches === 0 ? 0 : wallMs.total / batches,
    usage,
    correct: runs.filter((run) => run.correct).length,
    total: runs.length,
    errors: runs.filter((run) => run.error !== undefined).length,
    outcomes,
    speculation,
  };
}

/** Input plus output tokens per pass over the suite (cached input tokens are input tokens too). */
export function tokensPerBatch(summary: VariantSummary): number {
  return summary.batches === 0 ? 0 : (summary.usage.inputTokens + summary.usage.outputTokens) / summary.batches;
}

export interface Comparison {
  /** reference p50 / candidate p50: how many times faster the typical task is. */
  speedupP50: number;
  /** reference time per pass / candidate time per pass. */
  speedupTotal: number;
  /** candidate tokens per pass / reference tokens per pass (lower is better). */
  tokenRatio: number;
}

/**
 * How `candidate` fares against `reference` (both from the same run). A ratio with a zero denominator is NaN,
 * which the floors report as not met.
 *
 * @example
 * compareVariants(baseline, optimized).speedupTotal; // e.g. 3.4
 */
export function compareVariants(reference: VariantSummary, candidate: VariantSummary): Comparison {
  return {
    speedupP50: ratio(reference.wallMs.p50, candidate.wallMs.p50),
    speedupTotal: ratio(reference.batchTotalMs, candidate.batchTotalMs),
    tokenRatio: ratio(tokensPerBatch(candidate), tokensPerBatch(reference)),
  };
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : Number.NaN;
}
