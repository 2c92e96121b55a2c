// The variants the benchmark compares, built from one support-desk definition: Hotpath `baseline` (every technique
// off), `optimized` (every technique on, with the agent's history policy), `optimized-without-<technique>` for the
// ablation, and `openai-agents` (the peer SDK with its defaults).
import { ablationVariant } from './bench-report.ts';
import { hotpathExecutor } from './hotpath-executor.ts';
import { openaiAgentsExecutor } from './openai-agents-executor.ts';
import type { TurnWrapper } from './openai-agents-executor.ts';
import { OPTIMIZATION_NAMES } from './sdk.ts';
import type { Budgets, OptimizationName, OptimizationsOption, Pricing, Runner, SupportDeskTask, SupportDeskTool } from './sdk.ts';
import { LARGE_MODEL, SUPPORT_DESK_HISTORY, SUPPORT_DESK_INSTRUCTIONS, supportDeskAgent } from './support-agent.ts';
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
  'sim-large': { inputPerMillion: 2, cachedInputPerMillion: 0.5, outputPerMillion: 8 },
  'sim-small': { inputPerMillion: 0.4, cachedInputPerMillion: 0.1, outputPerMillion: 1.6 },
};

export interface VariantContext {
  baseURL: string;
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
 * The Runner `optimizations` of a Hotpath variant, or undefined for a variant that is not Hotpath's.
 *
 * @example
 * optimizationsFor('optimized-without-toolCache'); // { history: SUPPORT_DESK_HISTORY, toolCache: false }
 */
export function optimizationsFor(variant: string): OptimizationsOption | undefined {
  if (variant === 'baseline') return 'baseline';
  if (variant === 'optimized') return { history: SUPPORT_DESK_HISTORY };
  const technique = ABLATION_TECHNIQUES.find((name) => ablationVariant(name) === variant);
  if (technique === undefined) return undefined;
  return { history: SUPPORT_DESK_HISTORY, [technique]: false };
}

/**
 * The executor of a named variant.
 *
 * @example
 * const executors = ['baseline', 'optimized', 'openai-agents'].map((name) => createVariantExecutor(name, { baseURL, tools }));
 */
export function createVariantExecutor(variant: string, context: VariantContext): TaskExecutor<SupportDeskTask> {
  if (variant === 'openai-agents') {
    return openaiAgentsExecutor({
      baseURL: context.baseURL,
      instructions: SUPPORT_DESK_INSTRUCTIONS,
      tools: context.tools,
      model: LARGE_MODEL,
      ...(context.wrapTurn && { wrapTurn: context.wrapTurn }),
    });
  }
  const optimizations = optimizationsFor(variant);
  if (optimizations === undefined) {
    const known = ['baseline', 'optimized', 'openai-agents', ...ABLATION_TECHNIQUES.map(ablationVariant)];
    throw new TypeError(`Unknown variant "${variant}" (known: ${known.join(', ')})`);
  }
  return hotpathExecutor({
    variant,
    baseURL: context.baseURL,
    agent: supportDeskAgent(context.tools, { latencyScale: context.latencyScale ?? 1 }),
    optimizations,
    maxSteps: MAX_STEPS,
    budgets: BUDGETS,
    pricing: SIMULATED_PRICING,
    ...(context.onRunner && { onRunner: context.onRunner }),
  });
}
