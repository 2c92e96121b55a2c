// The benchmark's printout: the main table (one column per variant), the headline ratios, the per-category p50s,
// the ablation and the floor checks, all from one BenchReport.
import type { BenchReport } from './bench-report.ts';
import type { FloorCheck } from './floors.ts';
import { textTable } from './text-table.ts';
import type { VariantSummary } from './variant-summary.ts';

const milliseconds = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')} ms` : 'n/a');
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const count = (value: number) => value.toLocaleString('en-US');
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

/**
 * The main comparison table: one column per variant that ran.
 *
 * @example
 * console.log(variantTable([report.baseline, report.optimized]));
 */
export function variantTable(summaries: readonly VariantSummary[], modelTimeMs: Record<string, number> = {}): string {
  const models = [...new Set(summaries.flatMap((summary) => Object.keys(summary.usage.requestsByModel)))].sort();
  const row = (label: string, cell: (summary: VariantSummary) => string) => [label, ...summaries.map(cell)];
  return textTable(
    ['', ...summaries.map((summary) => summary.variant)],
    [
      row('wall-clock p50 per task', (s) => milliseconds(s.wallMs.p50)),
      row('wall-clock p95 per task', (s) => milliseconds(s.wallMs.p95)),
      row('wall-clock total', (s) => seconds(s.wallMs.total)),
      row('wall-clock per pass over the suite', (s) => seconds(s.batchTotalMs)),
      ...(summaries.some((s) => modelTimeMs[s.variant] !== undefined)
        ? [
            row('of which waiting on the model server', (s) => {
              const ms = modelTimeMs[s.variant];
              return ms === undefined ? 'n/a' : `${seconds(ms)} (${((ms / s.wallMs.total) * 100).toFixed(0)}%)`;
            }),
          ]
        : []),
      row('tokens in (incl. cached)', (s) => count(s.usage.inputTokens)),
      row('tokens cached', (s) => count(s.usage.cachedInputTokens)),
      row('tokens out', (s) => count(s.usage.outputTokens)),
      ...models.map((model) => row(`requests ${model}`, (s) => count(s.usage.requestsByModel[model] ?? 0))),
      row('correct answers', (s) => `${s.correct}/${s.total}`),
      row('turn outcomes', (s) => Object.entries(s.outcomes).map(([outcome, n]) => `${outcome} ${n}`).join(', ') || '-'),
    ],
  );
}

/**
 * Per-category p50 wall-clock per variant: where the time goes and where a technique does (not) help.
 *
 * @example
 * console.log(categoryTable(report));
 */
export function categoryTable(report: BenchReport): string {
  const variants = [...new Set(report.categories.flatMap((entry) => Object.keys(entry.p50ByVariant)))];
  return textTable(
    ['category (p50 per task)', ...variants, 'baseline ÷ optimized'],
    report.categories.map((entry) => {
      const baseline = entry.p50ByVariant['baseline'];
      const optimized = entry.p50ByVariant['optimized'];
      return [
        entry.category,
        ...variants.map((variant) => {
          const correct = entry.correctByVariant[variant]!;
          return `${milliseconds(entry.p50ByVariant[variant]!)} (${correct.correct}/${correct.total})`;
        }),
        baseline !== undefined && optimized !== undefined && optimized > 0 ? times(baseline / optimized) : 'n/a',
      ];
    }),
  );
}

/**
 * The ablation: the optimized runner with each technique switched off in turn.
 *
 * @example
 * console.log(ablationTable(report));
 */
export function ablationTable(report: BenchReport): string {
  return textTable(
    ['switched off', 'per pass', 'speedup_total vs baseline', 'slower than optimized by', 'tokens ÷ baseline', 'correct'],
    report.ablation.map((entry) => [
      entry.technique,
      seconds(entry.summary.batchTotalMs),
      times(entry.vsBaseline.speedupTotal),
      Number.isFinite(entry.slowdownVsOptimized) ? `${((entry.slowdownVsOptimized - 1) * 100).toFixed(0)}%` : 'n/a',
      Number.isFinite(entry.vsBaseline.tokenRatio) ? entry.vsBaseline.tokenRatio.toFixed(2) : 'n/a',
      `${entry.summary.correct}/${entry.summary.total}`,
    ]),
  );
}

/**
 * One line per floor: met or MISSED, with the measured figure.
 *
 * @example
 * console.log(floorLines(report.floors));
 */
export function floorLines(floors: readonly FloorCheck[]): string {
  return floors
    .map((floor) => {
      const actual = floor.actual === null ? 'not measured' : Number.isInteger(floor.actual) ? String(floor.actual) : floor.actual.toFixed(2);
      return `${floor.met ? '  met   ' : '  MISSED'}  ${floor.name}: ${actual} (floor ${floor.target})`;
    })
    .join('\n');
}

/**
 * The whole printout of a benchmark run.
 *
 * @example
 * console.log(formatReport(report));
 */
export function formatReport(report: BenchReport): string {
  const summaries = [report.baseline, report.optimized, ...(report.openaiAgents ? [report.openaiAgents] : [])];
  const sections = [
    `Support-desk suite: ${report.config.tasks} tasks × ${report.config.repetitions} repetitions per variant, latency scale ${report.config.latencyScale}`,
    variantTable(summaries, report.modelTimeMs),
    [
      `speedup_total ${times(report.ours.speedupTotal)}   speedup_p50 ${times(report.ours.speedupP50)}   token_ratio ${report.ours.tokenRatio.toFixed(2)}   (baseline ÷ optimized; tokens optimized ÷ baseline)`,
      ...(report.vsOpenaiAgents
        ? [
            `vs @openai/agents: speedup_total ${times(report.vsOpenaiAgents.speedupTotal)}   speedup_p50 ${times(report.vsOpenaiAgents.speedupP50)}   token_ratio ${report.vsOpenaiAgents.tokenRatio.toFixed(2)}`,
          ]
        : []),
    ].join('\n'),
    categoryTable(report),
  ];
  if (report.ablation.length > 0) {
    sections.push(
      `Ablation: optimized with one technique switched off, then groups that cover for each other (${report.config.ablationRepetitions} pass${report.config.ablationRepetitions === 1 ? '' : 'es'} each)`,
      ablationTable(report),
    );
  }
  if (report.load) {
    const { cpuShare, eventLoopDelayP99Ms, eventLoopDelayMaxMs, wallMs } = report.load;
    sections.push(
      `Measurement health: ${seconds(wallMs)} of measuring used ${(cpuShare * 100).toFixed(1)}% of one core; ` +
        `event-loop delay p99 ${eventLoopDelayP99Ms.toFixed(1)} ms, max ${eventLoopDelayMaxMs.toFixed(1)} ms.`,
    );
  }
  sections.push(`Floors (issue 5):\n${floorLines(report.floors)}`);
  return sections.join('\n\n');
}
