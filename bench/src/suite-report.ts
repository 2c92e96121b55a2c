// One suite's section of the benchmark report: its variants, how each Hotpath variant compares with the naive loop,
// the fair baseline and @openai/agents, the ablation of the user-config agent, per-category p50s, and the answers a
// variant lost against the naive loop, task by task.
import { distribution } from './statistics.ts';
import type { TaskRun } from './task-run.ts';
import { compareVariants, summarizeVariant } from './variant-summary.ts';
import type { Comparison, VariantSummary } from './variant-summary.ts';

export const BASELINE = 'baseline';
export const BASELINE_KEEPALIVE = 'baseline-keepalive';
export const OPTIMIZED = 'optimized';
export const USER_CONFIG = 'user-config';
export const OPENAI_AGENTS = 'openai-agents';
/** The compressed user-config agent of the prompt A/B (variants.ts names it too). */
export const PROMPT_AB = 'user-config-compressed';
const MAIN_ORDER = [BASELINE, BASELINE_KEEPALIVE, OPTIMIZED, USER_CONFIG, OPENAI_AGENTS];
const ABLATION_PREFIX = `${USER_CONFIG}-without-`;

/**
 * The variant name of the user-config agent with one technique (or a `+` group) switched off.
 *
 * @example
 * ablationVariant('toolCache'); // 'user-config-without-toolCache'
 */
export function ablationVariant(technique: string): string {
  return `${ABLATION_PREFIX}${technique}`;
}

export interface AblationEntry {
  technique: string;
  summary: VariantSummary;
  /** Against the naive loop's batches that ran beside this variant. */
  vsBaseline: Comparison;
  /** This variant's time per pass ÷ user-config's in the same batches: how much slower it is without the technique. */
  slowdownVsCandidate: number;
}

export interface CategoryEntry {
  category: string;
  /** p50 wall-clock per variant, milliseconds. */
  p50ByVariant: Record<string, number>;
  correctByVariant: Record<string, { correct: number; total: number }>;
}

/** A Hotpath variant against a reference variant of the same suite and run. */
export interface VariantComparison {
  candidate: string;
  reference: string;
  comparison: Comparison;
  /** `task#batch` of the tasks the reference answered correctly and the candidate did not, in the same batch. */
  lostAnswers: string[];
}

/** What a suite's model server saw of each variant. */
export interface ServerFigures {
  /** Time spent serving the variant's requests (all batches), milliseconds. */
  modelMs: number;
  /** Requests the client cancelled before they finished (races lost, aborted runs). */
  cancelledRequests: number;
  /** Input tokens those cancelled requests carried (a hosted provider may bill them). */
  cancelledInputTokens: number;
  /**
   * Time spent writing final answers on the large model (completed requests ending in `stop`), milliseconds: what a
   * runner whose answers are all written by that model cannot go below.
   */
  largeAnswerMs?: number;
}

/** The prompt A/B: the compressed user-config agent against the plain one, task run by task run. */
export interface PromptAb {
  summary: VariantSummary;
  /** Estimated tokens the aggressive compression takes off every request's fixed prompt. */
  tokensSavedPerRequest?: number;
  /** Task runs (task × batch) both variants ran. */
  compared: number;
  /** …of which both were right or both wrong. */
  sameCorrectness: number;
  /** …of which the answer text was identical. */
  sameText: number;
  /** `task#batch` where the compressed agent was wrong and the plain one right. */
  lost: string[];
}

export interface SuiteReport {
  suite: string;
  title: string;
  fingerprint?: string;
  tasks: number;
  /** The main variants that ran, in display order. */
  variants: VariantSummary[];
  comparisons: VariantComparison[];
  ablation: AblationEntry[];
  categories: CategoryEntry[];
  server: Record<string, ServerFigures>;
  promptAb?: PromptAb;
}

export interface SuiteInput {
  suite: string;
  title: string;
  fingerprint?: string;
  tasks: number;
  /** Techniques switched off in the ablation, in display order. */
  techniques: readonly string[];
  server?: Record<string, ServerFigures>;
  /** Estimated tokens the prompt A/B's compression saves per request. */
  promptAbTokensSaved?: number;
}

/** The section of one suite. */
export function suiteReport(input: SuiteInput, runs: readonly TaskRun[]): SuiteReport {
  const byVariant = groupBy(runs, (run) => run.variant);
  const main = MAIN_ORDER.filter((variant) => byVariant.has(variant));
  const summary = (variant: string, only?: Set<number>) =>
    summarizeVariant(variant, (byVariant.get(variant) ?? []).filter((run) => !only || only.has(run.batch)));
  const comparisons: VariantComparison[] = [];
  for (const candidate of [OPTIMIZED, USER_CONFIG].filter((variant) => byVariant.has(variant))) {
    for (const reference of [BASELINE, BASELINE_KEEPALIVE, OPENAI_AGENTS].filter((variant) => byVariant.has(variant))) {
      comparisons.push({
        candidate,
        reference,
        comparison: compareVariants(summary(reference), summary(candidate)),
        lostAnswers: lostAnswers(byVariant.get(reference)!, byVariant.get(candidate)!),
      });
    }
  }
  // An ablated variant is compared with the runs of the same batches only: those ran beside it, under the same load.
  const ablation = input.techniques
    .filter((technique) => byVariant.has(ablationVariant(technique)))
    .map((technique): AblationEntry => {
      const ablatedRuns = byVariant.get(ablationVariant(technique))!;
      const batches = new Set(ablatedRuns.map((run) => run.batch));
      const ablated = summarizeVariant(ablationVariant(technique), ablatedRuns);
      const candidateThen = summary(USER_CONFIG, batches);
      return {
        technique,
        summary: ablated,
        vsBaseline: compareVariants(summary(BASELINE, batches), ablated),
        slowdownVsCandidate: candidateThen.batchTotalMs > 0 ? ablated.batchTotalMs / candidateThen.batchTotalMs : Number.NaN,
      };
    });
  const categories = [...groupBy(runs, (run) => run.category)].map(([category, inCategory]): CategoryEntry => {
    const entry: CategoryEntry = { category, p50ByVariant: {}, correctByVariant: {} };
    for (const variant of main) {
      const mine = inCategory.filter((run) => run.variant === variant);
      entry.p50ByVariant[variant] = distribution(mine.map((run) => run.wallMs)).p50;
      entry.correctByVariant[variant] = { correct: mine.filter((run) => run.correct).length, total: mine.length };
    }
    return entry;
  });
  const compressed = byVariant.get(PROMPT_AB);
  const plain = byVariant.get(USER_CONFIG);
  const promptAb = compressed && plain ? comparePrompts(plain, compressed, input.promptAbTokensSaved) : undefined;
  return {
    ...(promptAb && { promptAb }),
    suite: input.suite,
    title: input.title,
    ...(input.fingerprint !== undefined && { fingerprint: input.fingerprint }),
    tasks: input.tasks,
    variants: main.map((variant) => summary(variant)),
    comparisons,
    ablation,
    categories,
    server: input.server ?? {},
  };
}

/** The variant's summary in a suite section, if it ran. */
export function variantOf(suite: SuiteReport, variant: string): VariantSummary | undefined {
  return suite.variants.find((summary) => summary.variant === variant);
}

/** A comparison of a suite section, if both variants ran. */
export function comparisonOf(suite: SuiteReport, candidate: string, reference: string): VariantComparison | undefined {
  return suite.comparisons.find((entry) => entry.candidate === candidate && entry.reference === reference);
}

function comparePrompts(plain: readonly TaskRun[], compressed: readonly TaskRun[], tokensSavedPerRequest: number | undefined): PromptAb {
  const byKey = new Map(plain.map((run) => [`${run.taskId}#${run.batch}`, run]));
  let compared = 0;
  let sameCorrectness = 0;
  let sameText = 0;
  const lost: string[] = [];
  for (const run of compressed) {
    const key = `${run.taskId}#${run.batch}`;
    const other = byKey.get(key);
    if (!other) continue;
    compared += 1;
    if (other.correct === run.correct) sameCorrectness += 1;
    if (other.answer === run.answer) sameText += 1;
    if (other.correct && !run.correct) lost.push(key);
  }
  return {
    summary: summarizeVariant(PROMPT_AB, compressed),
    ...(tokensSavedPerRequest !== undefined && { tokensSavedPerRequest }),
    compared,
    sameCorrectness,
    sameText,
    lost,
  };
}

/** `task#batch` where the reference run was correct and the candidate's run of the same task and batch was not. */
function lostAnswers(reference: readonly TaskRun[], candidate: readonly TaskRun[]): string[] {
  const right = new Set(reference.filter((run) => run.correct).map((run) => `${run.taskId}#${run.batch}`));
  return candidate.filter((run) => !run.correct && right.has(`${run.taskId}#${run.batch}`)).map((run) => `${run.taskId}#${run.batch}`);
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
