// `bench/results/latest.json`: the report in the stable snake_case shape issue 5 names (speedup_p50,
// speedup_total, token_ratio, baseline/optimized correct and total, ablation, vs_openai_agents), plus detail.
// Figures that could not be measured are null (JSON has no NaN).
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BenchReport } from './bench-report.ts';
import type { VariantSummary } from './variant-summary.ts';

/** Rounds a ratio for storage; null when it was not measured. */
function figure(value: number, digits = 3): number | null {
  if (!Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function variantJson(summary: VariantSummary, modelTimeMs: number | undefined) {
  return {
    correct: summary.correct,
    total: summary.total,
    errors: summary.errors,
    batches: summary.batches,
    wall_ms: {
      p50: figure(summary.wallMs.p50, 1),
      p95: figure(summary.wallMs.p95, 1),
      total: figure(summary.wallMs.total, 1),
      per_batch: figure(summary.batchTotalMs, 1),
      ...(modelTimeMs !== undefined && { model_server: figure(modelTimeMs, 1) }),
    },
    tokens: {
      input: summary.usage.inputTokens,
      output: summary.usage.outputTokens,
      cached_input: summary.usage.cachedInputTokens,
    },
    requests: summary.usage.requests,
    requests_by_model: summary.usage.requestsByModel,
    outcomes: summary.outcomes,
  };
}

/**
 * The JSON document for a report.
 *
 * @example
 * const json = latestJson(report); json.speedup_total; // e.g. 3.41
 */
export function latestJson(report: BenchReport) {
  const { ours, vsOpenaiAgents, openaiAgents } = report;
  return {
    generated_at: report.generatedAt,
    config: {
      repetitions: report.config.repetitions,
      ablation_repetitions: report.config.ablationRepetitions,
      latency_scale: report.config.latencyScale,
      tasks: report.config.tasks,
      command: report.config.command,
    },
    speedup_p50: figure(ours.speedupP50),
    speedup_total: figure(ours.speedupTotal),
    token_ratio: figure(ours.tokenRatio),
    baseline: variantJson(report.baseline, report.modelTimeMs?.[report.baseline.variant]),
    optimized: variantJson(report.optimized, report.modelTimeMs?.[report.optimized.variant]),
    ...(openaiAgents && { openai_agents: variantJson(openaiAgents, report.modelTimeMs?.[openaiAgents.variant]) }),
    ablation: Object.fromEntries(
      report.ablation.map((entry) => [
        entry.technique,
        {
          speedup_total: figure(entry.vsBaseline.speedupTotal),
          speedup_p50: figure(entry.vsBaseline.speedupP50),
          token_ratio: figure(entry.vsBaseline.tokenRatio),
          slowdown_vs_optimized: figure(entry.slowdownVsOptimized),
          correct: entry.summary.correct,
          total: entry.summary.total,
        },
      ]),
    ),
    ...(openaiAgents &&
      vsOpenaiAgents && {
        vs_openai_agents: {
          speedup_total: figure(vsOpenaiAgents.speedupTotal),
          speedup_p50: figure(vsOpenaiAgents.speedupP50),
          token_ratio: figure(vsOpenaiAgents.tokenRatio),
          correct: openaiAgents.correct,
          total: openaiAgents.total,
        },
      }),
    categories: Object.fromEntries(
      report.categories.map((entry) => [
        entry.category,
        {
          p50_ms: Object.fromEntries(Object.entries(entry.p50ByVariant).map(([variant, ms]) => [variant, figure(ms, 1)])),
          correct: entry.correctByVariant,
        },
      ]),
    ),
    floors: report.floors.map((floor) => ({
      name: floor.name,
      target: floor.target,
      actual: floor.actual === null ? null : figure(floor.actual),
      met: floor.met,
    })),
    traces: report.traces,
    ...(report.load && {
      load: {
        wall_ms: figure(report.load.wallMs, 0),
        cpu_ms: figure(report.load.cpuMs, 0),
        cpu_share: figure(report.load.cpuShare),
        event_loop_delay_p99_ms: figure(report.load.eventLoopDelayP99Ms, 1),
        event_loop_delay_max_ms: figure(report.load.eventLoopDelayMaxMs, 1),
      },
    }),
  };
}

/**
 * Writes the report's JSON to `path` (through a temporary file, so a reader never sees half a document).
 *
 * @example
 * await writeLatestJson('bench/results/latest.json', report);
 */
export async function writeLatestJson(path: string, report: BenchReport): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, `${JSON.stringify(latestJson(report), null, 2)}\n`);
  await rename(temporary, path);
}
