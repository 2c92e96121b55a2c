// The benchmark's printout: per suite, the variants table (one column per variant), the headline ratios, the
// per-category p50s, the ablation and the answers lost; then the measurement's health and the floor checks. All from
// one BenchReport.
import type { BenchReport } from './bench-report.ts';
import type { FloorCheck } from './floors.ts';
import { BASELINE, BASELINE_KEEPALIVE, comparisonOf, OPENAI_AGENTS, OPTIMIZED, USER_CONFIG } from './suite-report.ts';
import type { ServerFigures, SuiteReport } from './suite-report.ts';
import { textTable } from './text-table.ts';
import { VARIANT_LABELS } from './variants.ts';
import type { MainVariant } from './variants.ts';
import type { VariantSummary } from './variant-summary.ts';

const milliseconds = (value: number) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString('en-US')} ms` : 'n/a');
const seconds = (value: number) => `${(value / 1000).toFixed(1)} s`;
const count = (value: number) => value.toLocaleString('en-US');
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');
const tokens = (value: number) => (Number.isFinite(value) ? value.toFixed(2) : 'n/a');

/**
 * The main comparison table: one column per variant that ran. `server` adds the model server's figures (time spent on
 * each variant's requests, requests cancelled); a plain number per variant is its model time.
 *
 * @example
 * console.log(variantTable([baseline, optimized]));
 */
export function variantTable(summaries: readonly VariantSummary[], server: Record<string, ServerFigures | number> = {}): string {
  const figures = (variant: string): ServerFigures | undefined => {
    const value = server[variant];
    return typeof value === 'number' ? { modelMs: value, cancelledRequests: 0, cancelledInputTokens: 0 } : value;
  };
  const models = [...new Set(summaries.flatMap((summary) => Object.keys(summary.usage.requestsByModel)))].sort();
  const row = (label: string, cell: (summary: VariantSummary) => string) => [label, ...summaries.map(cell)];
  const anyServer = summaries.some((s) => figures(s.variant) !== undefined);
  return textTable(
    ['', ...summaries.map((summary) => summary.variant)],
    [
      row('wall-clock p50 per task', (s) => milliseconds(s.wallMs.p50)),
      row('wall-clock p95 per task', (s) => milliseconds(s.wallMs.p95)),
      row('wall-clock total', (s) => seconds(s.wallMs.total)),
      row('wall-clock per pass over the suite', (s) => seconds(s.batchTotalMs)),
      ...(anyServer
        ? [
            row('of which waiting on the model server', (s) => {
              const ms = figures(s.variant)?.modelMs;
              return ms === undefined ? 'n/a' : `${seconds(ms)} (${((ms / s.wallMs.total) * 100).toFixed(0)}%)`;
            }),
          ]
        : []),
      ...(summaries.some((s) => figures(s.variant)?.largeAnswerMs !== undefined)
        ? [
            row('of which final answers on the large model', (s) => {
              const ms = figures(s.variant)?.largeAnswerMs;
              return ms === undefined ? 'n/a' : `${seconds(ms)} (${((ms / s.wallMs.total) * 100).toFixed(0)}%)`;
            }),
          ]
        : []),
      row('tokens in (incl. cached)', (s) => count(s.usage.inputTokens)),
      row('tokens cached', (s) => count(s.usage.cachedInputTokens)),
      row('tokens out', (s) => count(s.usage.outputTokens)),
      ...models.map((model) => row(`requests ${model}`, (s) => count(s.usage.requestsByModel[model] ?? 0))),
      ...(summaries.some((s) => (figures(s.variant)?.cancelledRequests ?? 0) > 0)
        ? [
            row('requests cancelled (their input tokens)', (s) => {
              const server = figures(s.variant);
              return server ? `${count(server.cancelledRequests)} (${count(server.cancelledInputTokens)})` : 'n/a';
            }),
          ]
        : []),
      ...(summaries.some((s) => s.speculation.started > 0)
        ? [row('speculative tool calls: used / wasted', (s) => (s.speculation.started > 0 ? `${count(s.speculation.used)} / ${count(s.speculation.wasted)}` : '-'))]
        : []),
      row('correct answers', (s) => `${s.correct}/${s.total}`),
      row('turn outcomes', (s) => Object.entries(s.outcomes).map(([outcome, n]) => `${outcome} ${n}`).join(', ') || '-'),
    ],
  );
}

/**
 * Per-category p50 wall-clock per variant: where the time goes and where a technique does (not) help.
 *
 * @example
 * console.log(categoryTable(report.suites[0]));
 */
export function categoryTable(suite: SuiteReport, candidate = USER_CONFIG): string {
  const variants = [...new Set(suite.categories.flatMap((entry) => Object.keys(entry.p50ByVariant)))];
  const reference = variants.includes(OPENAI_AGENTS) ? OPENAI_AGENTS : BASELINE;
  return textTable(
    ['category (p50 per task)', ...variants, `${reference} ÷ ${candidate}`],
    suite.categories.map((entry) => {
      const slow = entry.p50ByVariant[reference];
      const fast = entry.p50ByVariant[candidate];
      return [
        entry.category,
        ...variants.map((variant) => {
          const correct = entry.correctByVariant[variant]!;
          return `${milliseconds(entry.p50ByVariant[variant]!)} (${correct.correct}/${correct.total})`;
        }),
        slow !== undefined && fast !== undefined && fast > 0 ? times(slow / fast) : 'n/a',
      ];
    }),
  );
}

/**
 * The ablation: the user-config agent with each technique switched off in turn.
 *
 * @example
 * console.log(ablationTable(report.suites[0]));
 */
export function ablationTable(suite: SuiteReport): string {
  return textTable(
    ['switched off', 'per pass', 'speedup_total vs baseline', 'slower than user-config by', 'tokens ÷ baseline', 'speculation used / wasted', 'correct'],
    suite.ablation.map((entry) => [
      entry.technique,
      seconds(entry.summary.batchTotalMs),
      times(entry.vsBaseline.speedupTotal),
      Number.isFinite(entry.slowdownVsCandidate) ? `${((entry.slowdownVsCandidate - 1) * 100).toFixed(0)}%` : 'n/a',
      tokens(entry.vsBaseline.tokenRatio),
      `${entry.summary.speculation.used} / ${entry.summary.speculation.wasted}`,
      `${entry.summary.correct}/${entry.summary.total}`,
    ]),
  );
}

/**
 * One line per floor: met or MISSED (goals: reached or not yet), with the measured figure.
 *
 * @example
 * console.log(floorLines(report.floors));
 */
export function floorLines(floors: readonly FloorCheck[]): string {
  return floors
    .map((floor) => {
      const actual = floor.actual === null ? 'not measured' : Number.isInteger(floor.actual) ? String(floor.actual) : floor.actual.toFixed(2);
      const mark = floor.goal ? (floor.met ? '  goal ✓' : '  goal  ') : floor.met ? '  met   ' : '  MISSED';
      return `${mark}  ${floor.name}: ${actual} (${floor.goal ? 'goal' : 'floor'} ${floor.target})`;
    })
    .join('\n');
}

/** The headline ratios of one candidate against every reference that ran. */
function ratioLines(suite: SuiteReport, candidate: string): string[] {
  const labels: Record<string, string> = {
    [BASELINE]: 'vs the naive loop',
    [BASELINE_KEEPALIVE]: 'vs the naive loop with keep-alive',
    [OPENAI_AGENTS]: 'vs @openai/agents',
  };
  return [BASELINE, BASELINE_KEEPALIVE, OPENAI_AGENTS].flatMap((reference) => {
    const entry = comparisonOf(suite, candidate, reference);
    if (!entry) return [];
    const { speedupTotal, speedupP50, tokenRatio } = entry.comparison;
    return [`${candidate} ${labels[reference]}: speedup_total ${times(speedupTotal)}   speedup_p50 ${times(speedupP50)}   token_ratio ${tokens(tokenRatio)}`];
  });
}

/**
 * How far a runner whose answers are all written by the large model (the cascade's rule) can get ahead of
 * @openai/agents: no further than the peer's whole time over the time its own answers took on that model (the same
 * answers, from about the same prompts).
 */
function answerBound(suite: SuiteReport): string[] {
  const peer = suite.variants.find((summary) => summary.variant === OPENAI_AGENTS);
  const answerMs = suite.server[OPENAI_AGENTS]?.largeAnswerMs;
  if (!peer || !answerMs) return [];
  const perPass = answerMs / peer.batches;
  return [
    `bound: @openai/agents spent ${seconds(perPass)} of its ${seconds(peer.batchTotalMs)} per pass writing final answers on the large model; ` +
      `a runner whose answers are all written there is at most ${times(peer.batchTotalMs / perPass)} faster than it`,
  ];
}

/**
 * The printout of one suite.
 *
 * @example
 * console.log(suiteSection(report.suites[0], report.config));
 */
export function suiteSection(suite: SuiteReport, config: BenchReport['config']): string {
  const header =
    `${suite.title}${suite.fingerprint ? `\nfingerprint ${suite.fingerprint}` : ''}\n` +
    `${suite.tasks} tasks × ${config.repetitions} repetitions per variant, latency scale ${config.latencyScale}\n` +
    suite.variants.map((summary) => `  ${summary.variant}: ${VARIANT_LABELS[summary.variant as MainVariant] ?? ''}`).join('\n');
  const candidates = [USER_CONFIG, OPTIMIZED].filter((candidate) => suite.variants.some((summary) => summary.variant === candidate));
  const lost = suite.comparisons
    .filter((entry) => entry.lostAnswers.length > 0 && entry.reference !== OPENAI_AGENTS)
    .map((entry) => `${entry.candidate} lost against ${entry.reference}: ${entry.lostAnswers.join(', ')}`);
  const sections = [
    header,
    variantTable(suite.variants, suite.server),
    [...candidates.flatMap((candidate) => ratioLines(suite, candidate)), ...answerBound(suite)].join('\n'),
    categoryTable(suite, candidates[0]),
    lost.length > 0 ? `Answers lost (task#batch right in the reference, wrong in the candidate):\n  ${lost.join('\n  ')}` : 'Answers lost against the naive loop: none.',
  ];
  if (suite.promptAb) {
    const ab = suite.promptAb;
    const saved = ab.tokensSavedPerRequest === undefined ? '' : `, −${count(ab.tokensSavedPerRequest)} tokens per request`;
    const userConfig = suite.variants.find((summary) => summary.variant === USER_CONFIG);
    sections.push(
      `Prompt A/B (user-config with its prompt compressed aggressively: compressAgent(agent, 'aggressive')${saved}): ` +
        `same correctness on ${ab.sameCorrectness}/${ab.compared} task runs, identical answer text on ${ab.sameText}/${ab.compared}, ` +
        `${ab.summary.correct}/${ab.summary.total} correct (user-config ${userConfig ? `${userConfig.correct}/${userConfig.total}` : 'n/a'}); ` +
        `per pass ${seconds(ab.summary.batchTotalMs)}${userConfig ? ` against ${seconds(userConfig.batchTotalMs)}` : ''}` +
        `${ab.lost.length > 0 ? `; lost: ${ab.lost.join(', ')}` : ''}.`,
    );
  }
  if (suite.ablation.length > 0) {
    sections.push(
      `Ablation: user-config with one technique switched off, then groups that cover for each other (${config.ablationRepetitions} pass${config.ablationRepetitions === 1 ? '' : 'es'} each)`,
      ablationTable(suite),
    );
  }
  return sections.join('\n\n');
}

/**
 * The whole printout of a benchmark run.
 *
 * @example
 * console.log(formatReport(report));
 */
export function formatReport(report: BenchReport): string {
  const sections = report.suites.map((suite) => suiteSection(suite, report.config));
  if (report.load) {
    const { cpuShare, eventLoopDelayP99Ms, eventLoopDelayMaxMs, wallMs } = report.load;
    sections.push(
      `Measurement health: ${seconds(wallMs)} of measuring used ${(cpuShare * 100).toFixed(1)}% of one core; ` +
        `event-loop delay p99 ${eventLoopDelayP99Ms.toFixed(1)} ms, max ${eventLoopDelayMaxMs.toFixed(1)} ms.`,
    );
  }
  sections.push(`Floors (issues 5 and 10):\n${floorLines(report.floors)}`);
  return sections.join('\n\n');
}
