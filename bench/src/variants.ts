// The variants the benchmark compares, built from one support-desk definition: Hotpath `baseline` (every technique
// off), `optimized` (every technique on, with the agent's history policy), `optimized-without-<technique>` for the
// ablation, and `openai-agents` (the peer SDK with its defaults).
import { ablationVariant } from './bench-report.ts';
import { hotpathExecutor } from './hotpath-executor.ts';
import { openaiAgentsExecutor } from './openai-agents-executor.ts';
import type { TurnWrapper } from './openai-agents-executor.ts';
import { OPTIMIZATION_NAMES } from './sdk.ts';
import type { Budgets, OptimizationName, OptimizationsOption, Pricing, Runner, SupportDeskTask, SupportDeskTool } from './sdk.ts';
import { LARGE_MODEL, SMALL_MODEL, SUPPORT_DESK_HISTORY, SUPPORT_DESK_INSTRUCTIONS, supportDeskAgent } from './support-agent.ts';
import type { TaskExecutor } from './task-executor.ts';

/**
 * Steps per run for every Hotpath variant: @openai/agents' default `maxTurns` (10), so no variant gets more
 * attempts than another before it must stop.
 */
export const MAX_STEPS = 10;

/** Guard rails that never bind on this workload's answers; with `budgets` off they are not enforced. */
export const BUDGETS: Budgets = { maxOutputTokensPerCall: 1_024, maxWallTimeMs: 60_000 };

/** USD per million tokens of the simulated models (docs/architecture.md, after OpenAI's list prices). */
export const SIMULATED_PRICING: Pricing = {
  'sim-large': { input: 2, cachedInput: 0.5, output: 8 },
  'sim-small': { input: 0.4, cachedInput: 0.1, output: 1.6 },
};

/** The model names of an endpoint: the cheap tier (lookups, the guardrail) and the strong one. */
export interface ModelNames {
  small: string;
  large: string;
}

export interface VariantContext {
  baseURL: string;
  /** Default `sk-hotpath-simulated` (the simulated server ignores it). */
  apiKey?: string;
  /** Default `{ small: 'sim-small', large: 'sim-large' }`; a real endpoint's names for the router, guardrail and peer. */
  models?: ModelNames;
  tools: readonly SupportDeskTool[];
  /** The latency scale of the server and the tools (default 1); Hotpath's tool timeout follows it. */
  latencyScale?: number;
  /** Called with each new Hotpath Runner (one per batch), e.g. to instrument() it. */
  onRunner?: (runner: Runner) => void;
  /** Wraps each @openai/agents turn (its own tracing is off), e.g. in an instrumented function. */
  wrapTurn?: TurnWrapper;
}

/** Every technique, for the ablation. */
export const ABLATION_TECHNIQUES: readonly OptimizationName[] = OPTIMIZATION_NAMES;

/**
 * Techniques that cover for each other, switched off together as extra ablation rows: a one-at-a-time ablation
 * shows ≈ 0 % for each of them, because the other still does the job.
 * - `parallelTools+eagerTools`: either one overlaps the tool calls of a turn;
 * - `parallelTools+streaming`: streaming off also stops eager start (it needs the stream);
 * - `prefetch+followUpPrefetch`: both start lookups before the model asks (a follow-up of a prefetched order
 *   starts its shipment; without prefetch the model's own `get_order` still triggers it);
 * - `history+toolResultViews`: both keep tool output out of the requests.
 */
export const ABLATION_GROUPS: readonly string[] = [
  'parallelTools+eagerTools',
  'parallelTools+streaming',
  'prefetch+followUpPrefetch',
  'history+toolResultViews',
];

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

/**
 * The Runner `optimizations` of a Hotpath variant, or undefined for a variant that is not Hotpath's.
 *
 * @example
 * optimizationsFor('optimized-without-toolCache'); // { history: SUPPORT_DESK_HISTORY, toolCache: false }
 * optimizationsFor('optimized-without-parallelTools+eagerTools'); // { history: …, parallelTools: false, eagerTools: false }
 */
export function optimizationsFor(variant: string): OptimizationsOption | undefined {
  if (variant === 'baseline') return 'baseline';
  if (variant === 'optimized') return { history: SUPPORT_DESK_HISTORY };
  const prefix = ablationVariant('');
  if (!variant.startsWith(prefix)) return undefined;
  const techniques = ablatedTechniques(variant.slice(prefix.length));
  if (techniques === undefined) return undefined;
  return { history: SUPPORT_DESK_HISTORY, ...Object.fromEntries(techniques.map((name) => [name, false])) };
}

/**
 * The executor of a named variant.
 *
 * @example
 * const executors = ['baseline', 'optimized', 'openai-agents'].map((name) => createVariantExecutor(name, { baseURL, tools }));
 */
export function createVariantExecutor(variant: string, context: VariantContext): TaskExecutor<SupportDeskTask> {
  const models = context.models ?? { small: SMALL_MODEL, large: LARGE_MODEL };
  if (variant === 'openai-agents') {
    return openaiAgentsExecutor({
      baseURL: context.baseURL,
      ...(context.apiKey && { apiKey: context.apiKey }),
      instructions: SUPPORT_DESK_INSTRUCTIONS,
      tools: context.tools,
      model: models.large,
      guardrailModel: models.small,
      ...(context.wrapTurn && { wrapTurn: context.wrapTurn }),
    });
  }
  const optimizations = optimizationsFor(variant);
  if (optimizations === undefined) {
    const known = ['baseline', 'optimized', 'openai-agents', ...[...ABLATION_TECHNIQUES, ...ABLATION_GROUPS].map(ablationVariant)];
    throw new TypeError(`Unknown variant "${variant}" (known: ${known.join(', ')}, or optimized-without-a+b for any techniques)`);
  }
  return hotpathExecutor({
    variant,
    baseURL: context.baseURL,
    ...(context.apiKey && { apiKey: context.apiKey }),
    agent: supportDeskAgent(context.tools, { latencyScale: context.latencyScale ?? 1, models }),
    optimizations,
    maxSteps: MAX_STEPS,
    budgets: BUDGETS,
    pricing: SIMULATED_PRICING,
    ...(context.onRunner && { onRunner: context.onRunner }),
  });
}
