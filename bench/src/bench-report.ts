// The benchmark's result as data: every figure the table prints and `bench/results/latest.json` stores, computed
// once from the task runs of one run so the two can never disagree.
import { checkFloors } from './floors.ts';
import type { FloorCheck } from './floors.ts';
import type { LoadReport } from './load-monitor.ts';
import { distribution } from './statistics.ts';
import type { TaskRun } from './task-run.ts';
import { compareVariants, summarizeVariant } from './variant-summary.ts';
import type { Comparison, VariantSummary } from './variant-summary.ts';

export const BASELINE = 'baseline';
export const OPTIMIZED = 'optimized';
export const OPENAI_AGENTS = 'openai-agents';
const ABLATION_PREFIX = 'optimized-without-';

/**
 * The variant name of the optimized runner with one technique switched off.
 *
 * @example
 * ablationVariant('toolCache'); // 'optimized-without-toolCache'
 */
export function ablationVariant(technique: string): string {
  return `${ABLATION_PREFIX}${technique}`;
}

export interface AblationEntry {
  technique: string;
  summary: VariantSummary;
  /** Against baseline's batches that ran beside this variant. */
  vsBaseline: Comparison;
  /** This variant's time per pass ÷ optimized's in the same batches: how much slower it is without the technique. */
  slowdownVsOptimized: number;
}

export interface CategoryEntry {
  category: string;
  /** p50 wall-clock per variant, milliseconds. */
  p50ByVariant: Record<string, number>;
  correctByVariant: Record<string, { correct: number; total: number }>;
}

export interface BenchConfig {
  repetitions: number;
  ablationRepetitions: number;
  latencyScale: number;
  tasks: number;
  command: string;
}

export interface BenchReport {
  config: BenchConfig;
  generatedAt: string;
  baseline: VariantSummary;
  optimized: VariantSummary;
  openaiAgents?: VariantSummary;
  ours: Comparison;
  vsOpenaiAgents?: Comparison;
  ablation: AblationEntry[];
  categories: CategoryEntry[];
  floors: FloorCheck[];
  /** Trace ids of the batches exported to a collector, by variant and batch. */
  traces: { variant: string; batch: number; traceId: string }[];
  /** CPU use and event-loop delay of the benchmark process while it measured. */
  load?: LoadReport;
  /** Time the model server spent serving each variant's requests (all batches), milliseconds. */
  modelTimeMs?: Record<string, number>;
}

/**
 * Builds the report from every task run of one benchmark run.
 *
 * @example
 * const report = buildReport({ runs, config, techniques: ['toolCache', 'routing'] });
 */
export function buildReport(input: {
  runs: readonly TaskRun[];
  config: BenchConfig;
  /** Techniques switched off in the ablation, in display order. */
  techniques: readonly string[];
  traces?: BenchReport['traces'];
  load?: LoadReport;
  modelTimeMs?: Record<string, number>;
  now?: Date;
}): BenchReport {
  const byVariant = groupBy(input.runs, (run) => run.variant);
  const summary = (variant: string) => summarizeVariant(variant, byVariant.get(variant) ?? []);
  const baseline = summary(BASELINE);
  const optimized = summary(OPTIMIZED);
  const openaiAgents = byVariant.has(OPENAI_AGENTS) ? summary(OPENAI_AGENTS) : undefined;
  // An ablated variant is compared with baseline and optimized from the same batches only: those ran beside it,
  // under the same load, while later repetitions may have run with fewer variants side by side.
  const ablation = input.techniques
    .filter((technique) => byVariant.has(ablationVariant(technique)))
    .map((technique): AblationEntry => {
      const ablatedRuns = byVariant.get(ablationVariant(technique))!;
      const batches = new Set(ablatedRuns.map((run) => run.batch));
      const sameBatches = (variant: string) =>
        summarizeVariant(variant, (byVariant.get(variant) ?? []).filter((run) => batches.has(run.batch)));
      const ablated = summarizeVariant(ablationVariant(technique), ablatedRuns);
      const optimizedThen = sameBatches(OPTIMIZED);
      return {
        technique,
        summary: ablated,
        vsBaseline: compareVariants(sameBatches(BASELINE), ablated),
        slowdownVsOptimized: optimizedThen.batchTotalMs > 0 ? ablated.batchTotalMs / optimizedThen.batchTotalMs : Number.NaN,
      };
    });
  const mainVariants = [BASELINE, OPTIMIZED, OPENAI_AGENTS].filter((variant) => byVariant.has(variant));
  const categories = [...groupBy(input.runs, (run) => run.category)].map(([category, runs]): CategoryEntry => {
    const entry: CategoryEntry = { category, p50ByVariant: {}, correctByVariant: {} };
    for (const variant of mainVariants) {
      const mine = runs.filter((run) => run.variant === variant);
      entry.p50ByVariant[variant] = distribution(mine.map((run) => run.wallMs)).p50;
      entry.correctByVariant[variant] = { correct: mine.filter((run) => run.correct).length, total: mine.length };
    }
    return entry;
  });
  return {
    config: input.config,
    generatedAt: (input.now ?? new Date()).toISOString(),
    baseline,
    optimized,
    ...(openaiAgents && { openaiAgents, vsOpenaiAgents: compareVariants(openaiAgents, optimized) }),
    ours: compareVariants(baseline, optimized),
    ablation,
    categories,
    floors: checkFloors({ baseline, optimized, ...(openaiAgents && { openaiAgents }) }),
    traces: input.traces ?? [],
    ...(input.load && { load: input.load }),
    ...(input.modelTimeMs && { modelTimeMs: input.modelTimeMs }),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}
