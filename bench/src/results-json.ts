// `bench/results/latest.json`: the report in a stable snake_case shape. At the top, the support desk with the fitted
// agent, in the shape issue 5 named (speedup_p50, speedup_total, token_ratio, baseline / optimized / openai_agents,
// vs_openai_agents, categories); then `user_config` (the support desk with the user-config agent) and `heldout` (the
// held-out suite with the user-config agent), each with the same fields plus the fair baseline, the ablation and the
// answers lost; then every floor. Figures that could not be measured are null (JSON has no NaN).
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { BenchReport } from './bench-report.ts';
import { BASELINE, BASELINE_KEEPALIVE, comparisonOf, OPENAI_AGENTS, OPTIMIZED, USER_CONFIG, variantOf } from './suite-report.ts';
import type { ServerFigures, SuiteReport } from './suite-report.ts';
import type { Comparison, VariantSummary } from './variant-summary.ts';

/** Rounds a ratio for storage; null when it was not measured. */
function figure(value: number, digits = 3): number | null {
  if (!Number.isFinite(value)) return null;
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

function variantJson(summary: VariantSummary, server: ServerFigures | undefined) {
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
      ...(server && { model_server: figure(server.modelMs, 1) }),
      ...(server?.largeAnswerMs !== undefined && { large_model_answers: figure(server.largeAnswerMs, 1) }),
    },
    tokens: {
      input: summary.usage.inputTokens,
      output: summary.usage.outputTokens,
      cached_input: summary.usage.cachedInputTokens,
    },
    requests: summary.usage.requests,
    requests_by_model: summary.usage.requestsByModel,
    ...(server && { cancelled_requests: server.cancelledRequests, cancelled_input_tokens: server.cancelledInputTokens }),
    speculation: summary.speculation,
    outcomes: summary.outcomes,
  };
}

function ratios(comparison: Comparison | undefined) {
  return {
    speedup_total: figure(comparison?.speedupTotal ?? Number.NaN),
    speedup_p50: figure(comparison?.speedupP50 ?? Number.NaN),
    token_ratio: figure(comparison?.tokenRatio ?? Number.NaN),
  };
}

export type VariantJson = ReturnType<typeof variantJson>;
export type RatiosJson = ReturnType<typeof ratios>;
type VariantKey = 'baseline' | 'baseline_keepalive' | 'optimized' | 'user_config' | 'openai_agents';
type CategoriesJson = Record<string, { p50_ms: Record<string, number | null>; correct: Record<string, { correct: number; total: number }> }>;

/** One suite with one Hotpath candidate (`user_config`, `heldout`). */
export interface SectionJson extends RatiosJson, Partial<Record<VariantKey, VariantJson>> {
  suite: string;
  title: string;
  fingerprint?: string;
  tasks: number;
  candidate: string;
  vs_baseline_keepalive?: RatiosJson;
  vs_openai_agents?: RatiosJson & { correct: number; total: number };
  ablation: Record<string, RatiosJson & { slowdown_vs_user_config: number | null; correct: number; total: number; speculation: VariantSummary['speculation'] }>;
  categories: CategoriesJson;
  /** By reference (`vs_baseline`, …): `task#batch` answered right by the reference and wrong by the candidate. */
  answers_lost: Record<string, string[]>;
  /** The prompt A/B: the candidate with an aggressively compressed prompt. */
  prompt_ab?: { tokens_saved_per_request: number | null; compared: number; same_correctness: number; same_text: number; correct: number; total: number; per_batch_ms: number | null; lost: string[] };
}

/** The whole document. */
export interface LatestJson extends Partial<RatiosJson>, Partial<Record<Exclude<VariantKey, 'user_config'>, VariantJson>> {
  generated_at: string;
  config: { repetitions: number; ablation_repetitions: number; latency_scale: number; tasks: Record<string, number>; command: string };
  ablation?: Record<string, never>;
  vs_openai_agents?: RatiosJson & { correct: number; total: number };
  categories?: CategoriesJson;
  user_config?: SectionJson;
  heldout?: SectionJson;
  floors: { name: string; target: string; actual: number | null; met: boolean; goal?: true }[];
  traces: BenchReport['traces'];
  load?: { wall_ms: number | null; cpu_ms: number | null; cpu_share: number | null; event_loop_delay_p99_ms: number | null; event_loop_delay_max_ms: number | null };
}

const jsonKey = (variant: string) => variant.replaceAll('-', '_') as VariantKey;

/** The main variants of a suite, keyed `baseline`, `baseline_keepalive`, `optimized`, `user_config`, `openai_agents`. */
function variantsJson(suite: SuiteReport): Partial<Record<VariantKey, VariantJson>> {
  return Object.fromEntries(suite.variants.map((summary) => [jsonKey(summary.variant), variantJson(summary, suite.server[summary.variant])]));
}

function categoriesJson(suite: SuiteReport): CategoriesJson {
  return Object.fromEntries(
    suite.categories.map((entry) => [
      entry.category,
      {
        p50_ms: Object.fromEntries(Object.entries(entry.p50ByVariant).map(([variant, ms]) => [variant, figure(ms, 1)])),
        correct: entry.correctByVariant,
      },
    ]),
  );
}

function peerJson(suite: SuiteReport, candidate: string): Pick<SectionJson, 'vs_openai_agents'> {
  const peer = variantOf(suite, OPENAI_AGENTS);
  const comparison = comparisonOf(suite, candidate, OPENAI_AGENTS);
  return peer && comparison ? { vs_openai_agents: { ...ratios(comparison.comparison), correct: peer.correct, total: peer.total } } : {};
}

/** A suite with one Hotpath candidate: ratios against the naive loop at the top, then the rest. */
function candidateSection(suite: SuiteReport, candidate: string): SectionJson {
  const keepalive = comparisonOf(suite, candidate, BASELINE_KEEPALIVE);
  return {
    suite: suite.suite,
    title: suite.title,
    ...(suite.fingerprint !== undefined && { fingerprint: suite.fingerprint }),
    tasks: suite.tasks,
    candidate,
    ...ratios(comparisonOf(suite, candidate, BASELINE)?.comparison),
    ...(keepalive && { vs_baseline_keepalive: ratios(keepalive.comparison) }),
    ...peerJson(suite, candidate),
    ...variantsJson(suite),
    ablation: Object.fromEntries(
      suite.ablation.map((entry) => [
        entry.technique,
        {
          ...ratios(entry.vsBaseline),
          slowdown_vs_user_config: figure(entry.slowdownVsCandidate),
          correct: entry.summary.correct,
          total: entry.summary.total,
          speculation: entry.summary.speculation,
        },
      ]),
    ),
    categories: categoriesJson(suite),
    ...(suite.promptAb && {
      prompt_ab: {
        tokens_saved_per_request: suite.promptAb.tokensSavedPerRequest ?? null,
        compared: suite.promptAb.compared,
        same_correctness: suite.promptAb.sameCorrectness,
        same_text: suite.promptAb.sameText,
        correct: suite.promptAb.summary.correct,
        total: suite.promptAb.summary.total,
        per_batch_ms: figure(suite.promptAb.summary.batchTotalMs, 1),
        lost: suite.promptAb.lost,
      },
    }),
    answers_lost: Object.fromEntries(
      suite.comparisons.filter((entry) => entry.candidate === candidate).map((entry) => [`vs_${jsonKey(entry.reference)}`, entry.lostAnswers]),
    ),
  };
}

function withoutUserConfig({ user_config: _userConfig, ...rest }: Partial<Record<VariantKey, VariantJson>>) {
  return rest;
}

/** The support desk with the fitted agent, in issue 5's shape. */
function fittedSection(suite: SuiteReport): Partial<LatestJson> {
  const optimized = variantOf(suite, OPTIMIZED);
  if (!optimized) return {};
  return {
    ...ratios(comparisonOf(suite, OPTIMIZED, BASELINE)?.comparison),
    // user_config is the key of the user-config section, below.
    ...withoutUserConfig(variantsJson(suite)),
    // The ablation now switches techniques off the user-config agent: see user_config.ablation.
    ablation: {},
    ...peerJson(suite, OPTIMIZED),
    categories: categoriesJson(suite),
  };
}

/**
 * The JSON document for a report.
 *
 * @example
 * const json = latestJson(report); json.heldout?.vs_openai_agents.speedup_total; // e.g. 2.3
 */
export function latestJson(report: BenchReport): LatestJson {
  const desk = report.suites.find((suite) => suite.suite === 'support-desk');
  const heldOut = report.suites.find((suite) => suite.suite === 'held-out');
  return {
    generated_at: report.generatedAt,
    config: {
      repetitions: report.config.repetitions,
      ablation_repetitions: report.config.ablationRepetitions,
      latency_scale: report.config.latencyScale,
      tasks: report.config.tasks,
      command: report.config.command,
    },
    ...(desk && fittedSection(desk)),
    ...(desk && variantOf(desk, USER_CONFIG) && { user_config: candidateSection(desk, USER_CONFIG) }),
    ...(heldOut && { heldout: candidateSection(heldOut, USER_CONFIG) }),
    floors: report.floors.map((floor) => ({
      name: floor.name,
      target: floor.target,
      actual: floor.actual === null ? null : figure(floor.actual),
      met: floor.met,
      ...(floor.goal && { goal: true }),
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
