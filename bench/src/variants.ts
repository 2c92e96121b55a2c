// The variants the benchmark compares on each suite, built from the suite's one definition:
// - `baseline`: Hotpath's naive loop, every technique off (one model, a fresh connection per call, sequential tools);
// - `baseline-keepalive`: the same with pooled keep-alive connections, as every real SDK does (the fair baseline);
// - `optimized`: the fitted agent with the default switches (only on the suite it was tuned on; labelled "fitted");
// - `user-config`: the agent a user writes from the README (bench-suite.ts) with the default switches;
// - `user-config-without-<technique>` (or `<a+b>`): the ablation, one technique or a group off;
// - `openai-agents`: the peer SDK with its defaults, one model.
import { ablationVariant, PROMPT_AB } from './suite-report.ts';
import type { BenchSuite, ModelNames, SuiteTool } from './bench-suite.ts';
import { userConfigAgent } from './bench-suite.ts';
import { hotpathExecutor } from './hotpath-executor.ts';
import { openaiAgentsExecutor } from './openai-agents-executor.ts';
import type { TurnWrapper } from './openai-agents-executor.ts';
import { compressAgent, OPTIMIZATION_NAMES } from './sdk.ts';
import type { Budgets, OptimizationName, OptimizationsOption, Pricing, Runner } from './sdk.ts';
import { LARGE_MODEL, SMALL_MODEL } from './support-agent.ts';
import type { TaskExecutor } from './task-executor.ts';
import type { TaskLike } from './task-run.ts';

/** The variants a run shows as columns, in order. */
export const MAIN_VARIANTS = ['baseline', 'baseline-keepalive', 'optimized', 'user-config', 'openai-agents'] as const;
export type MainVariant = (typeof MAIN_VARIANTS)[number];

/** The prompt A/B: the user-config agent with its prompt compressed aggressively (`compressAgent`), beside the plain one. */
export const PROMPT_AB_VARIANT = PROMPT_AB;

/** What each variant is, in a few words, for the printout. */
export const VARIANT_LABELS: Readonly<Record<MainVariant, string>> = {
  baseline: 'naive loop: every technique off, one model, a new connection per call',
  'baseline-keepalive': 'the naive loop with keep-alive connections (the fair baseline)',
  optimized: 'FITTED: the agent tuned on this suite (router rules, prefetch lists, tool groups, views, history policy)',
  'user-config': 'what a user writes from the README: cascade({ draft, answer }), tools marked readOnly / cache / timeoutMs',
  'openai-agents': '@openai/agents 0.20.0 with its defaults, one model',
};

/**
 * Steps per run for every Hotpath variant: @openai/agents' default `maxTurns` (10), so no variant gets more
 * attempts than another before it must stop.
 */
export const MAX_STEPS = 10;

/** Guard rails that never bind on these workloads' answers; with `budgets` off they are not enforced. */
export const BUDGETS: Budgets = { maxOutputTokensPerCall: 1_024, maxWallTimeMs: 60_000 };

/** USD per million tokens of the simulated models (docs/architecture.md, after OpenAI's list prices). */
export const SIMULATED_PRICING: Pricing = {
  'sim-large': { input: 2, cachedInput: 0.5, output: 8 },
  'sim-small': { input: 0.4, cachedInput: 0.1, output: 1.6 },
};

export type { ModelNames };

export interface VariantContext {
  baseURL: string;
  /** Default `sk-hotpath-simulated` (the simulated server ignores it). */
  apiKey?: string;
  /** Default `{ small: 'sim-small', large: 'sim-large' }`; a real endpoint's names for the draft, guardrail and peer. */
  models?: ModelNames;
  tools: readonly SuiteTool[];
  /** A fresh tool set, for a suite whose tools keep state (`freshToolsPerTask`): called once per task run. */
  createTools?: () => readonly SuiteTool[];
  /** The latency scale of the server and the tools (default 1); Hotpath's tool timeouts follow it. */
  latencyScale?: number;
  /** Called with each new Hotpath Runner (one per batch), e.g. to instrument() it. */
  onRunner?: (runner: Runner) => void;
  /** Wraps each @openai/agents turn, e.g. in an instrumented function carrying the task's attributes. */
  wrapTurn?: TurnWrapper;
  /** @openai/agents' own tracing was set up (`CollectorExport.instrumentOpenAIAgents()`): leave it on. */
  traceOpenAIAgents?: boolean;
}

/** Every technique, for the ablation. */
export const ABLATION_TECHNIQUES: readonly OptimizationName[] = OPTIMIZATION_NAMES;

/**
 * Techniques that cover for each other, switched off together as extra ablation rows: a one-at-a-time ablation
 * shows ≈ 0 % for each of them, because the other still does the job.
 * - `parallelTools+eagerTools`: either one overlaps the tool calls of a turn;
 * - `parallelTools+streaming`: streaming off also stops eager start (it needs the stream);
 * - `learnedPrefetch+draftSpeculation`: both start lookups before the model asks for them.
 */
export const ABLATION_GROUPS: readonly string[] = ['parallelTools+eagerTools', 'parallelTools+streaming', 'learnedPrefetch+draftSpeculation'];

/**
 * The techniques an ablation entry switches off (`toolCache`, or a group `parallelTools+eagerTools`), or undefined
 * when it names something that is not a technique.
 *
 * @example
 * ablatedTechniques('parallelTools+eagerTools'); // ['parallelTools', 'eagerTools']
 */
export function ablatedTechniques(entry: string): OptimizationName[] | undefined {
  const names = entry.split('+');
  const known = (name: string): name is OptimizationName => (ABLATION_TECHNIQUES as readonly string[]).includes(name);
  return names.length > 0 && names.every(known) && new Set(names).size === names.length ? names : undefined;
}

/** Every technique off but connection reuse. */
const KEEPALIVE_ONLY = Object.fromEntries(OPTIMIZATION_NAMES.map((name) => [name, name === 'connectionReuse'])) as OptimizationsOption;

/**
 * The Runner `optimizations` of a Hotpath variant (the fitted ones for `optimized`), or undefined for a variant that
 * is not Hotpath's.
 *
 * @example
 * optimizationsFor('user-config-without-toolCache'); // { toolCache: false }
 * optimizationsFor('user-config-without-parallelTools+eagerTools'); // { parallelTools: false, eagerTools: false }
 */
export function optimizationsFor(variant: string, fitted: Record<string, unknown> = {}): OptimizationsOption | undefined {
  if (variant === 'baseline') return 'baseline';
  if (variant === 'baseline-keepalive') return KEEPALIVE_ONLY;
  if (variant === 'user-config' || variant === PROMPT_AB_VARIANT) return 'optimized';
  if (variant === 'optimized') return fitted as OptimizationsOption;
  const prefix = ablationVariant('');
  if (!variant.startsWith(prefix)) return undefined;
  const techniques = ablatedTechniques(variant.slice(prefix.length));
  if (techniques === undefined) return undefined;
  return Object.fromEntries(techniques.map((name) => [name, false])) as OptimizationsOption;
}

/**
 * The executor of a named variant on a suite.
 *
 * @example
 * const executors = ['baseline', 'user-config', 'openai-agents'].map((name) => createVariantExecutor(name, supportDeskSuite, { baseURL, tools }));
 */
export function createVariantExecutor<Task extends TaskLike>(variant: string, suite: BenchSuite<Task>, context: VariantContext): TaskExecutor<Task> {
  const models = context.models ?? { small: SMALL_MODEL, large: LARGE_MODEL };
  const latencyScale = context.latencyScale ?? 1;
  const fresh = suite.freshToolsPerTask ? (context.createTools ?? (() => suite.createTools(latencyScale))) : undefined;
  if (variant === 'openai-agents') {
    return openaiAgentsExecutor({
      baseURL: context.baseURL,
      ...(context.apiKey && { apiKey: context.apiKey }),
      name: suite.agentName,
      instructions: suite.instructions,
      tools: fresh ?? context.tools,
      model: models.large,
      guardrailModel: suite.guardrail ? models.small : false,
      suite: suite.id,
      ...(context.wrapTurn && { wrapTurn: context.wrapTurn }),
      ...(context.traceOpenAIAgents && { traced: true }),
    });
  }
  const optimizations = optimizationsFor(variant, suite.fitted?.optimizations);
  if (optimizations === undefined || (variant === 'optimized' && !suite.fitted)) {
    const known = ['baseline', 'baseline-keepalive', ...(suite.fitted ? ['optimized'] : []), 'user-config', 'openai-agents'];
    throw new TypeError(`Unknown variant "${variant}" for the ${suite.id} suite (known: ${known.join(', ')}, or ${ablationVariant('a+b')} for any techniques)`);
  }
  const agentWith = (tools: readonly SuiteTool[]) => {
    const build = { tools, models, latencyScale };
    if (variant === 'optimized') return suite.fitted!.agent(build);
    const agent = userConfigAgent(suite, build);
    return variant === PROMPT_AB_VARIANT ? compressAgent(agent, 'aggressive') : agent;
  };
  return hotpathExecutor({
    variant,
    suite: suite.id,
    baseURL: context.baseURL,
    ...(context.apiKey && { apiKey: context.apiKey }),
    agent: fresh ? () => agentWith(fresh()) : agentWith(context.tools),
    optimizations,
    maxSteps: MAX_STEPS,
    budgets: BUDGETS,
    pricing: SIMULATED_PRICING,
    ...(context.onRunner && { onRunner: context.onRunner }),
  });
}
