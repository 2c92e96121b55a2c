// Every latency technique is a named switch, so the very same agent can run as `baseline` (all off) and as
// `optimized` (the defaults), and a benchmark can turn each one off in turn (ablation).
import type { HistoryPolicy } from '../history/history-policy.ts';
import type { RetryPolicy } from '../provider/model-provider.ts';
import { DEFAULT_RETRY_POLICY } from '../provider/retry-policy.ts';

/** The names of the techniques, in the order the README documents them. */
export const OPTIMIZATION_NAMES = [
  'connectionReuse',
  'parallelTools',
  'eagerTools',
  'streaming',
  'toolCache',
  'history',
  'promptCacheLayout',
  'routing',
  'draftCascade',
  'draftSpeculation',
  'budgets',
  'stuckDetection',
  'toolTimeouts',
  'retries',
  'parallelModelWork',
  'prefetch',
  'followUpPrefetch',
  'learnedPrefetch',
  'toolResultViews',
  'toolSelection',
  'promptCompression',
  'workerTools',
] as const;

export type OptimizationName = (typeof OPTIMIZATION_NAMES)[number];

/** Options of the stuck detector (see stop-conditions.ts). */
export interface StuckDetectionOptions {
  /** The same set of tool calls this many steps in a row is a loop (default 3). */
  repeatThreshold?: number;
  /** A, B, A, B, … alternating for this many steps is a ping-pong (default 4). */
  pingPongSteps?: number;
  /** The same tool error this many steps in a row (default 3). */
  errorThreshold?: number;
  /**
   * The message added after the history for the final, tool-less call of a run that ends early (stuck, step cap,
   * budget): a text, a function of the reason (`stuck: the same tool calls 3 steps in a row: …`), or `false` for none —
   * the call then relies on `tool_choice: 'none'` alone. Default {@link DEFAULT_FINAL_NUDGE}.
   */
  finalNudge?: string | ((reason: string) => string) | false;
}

/** The default final nudge: tells the model why tools are over and to answer from what it has. */
export const DEFAULT_FINAL_NUDGE = (reason: string): string =>
  `Tool use is over for this task (${reason}). Answer now, as well as you can, from the information above.`;

/** One value per technique: `false` switches it off, `true` takes its defaults, an object tunes it. */
export interface OptimizationSettings {
  /** Pooled keep-alive connections; off: a fresh connection per model call (`freshConnection`). */
  connectionReuse: boolean;
  /** All tool calls of one turn at once, results in the order asked; off: one after another. */
  parallelTools: boolean | { maxConcurrency?: number };
  /** Start `readOnly` tools as soon as their arguments are complete in the stream. Needs `streaming`. */
  eagerTools: boolean;
  /** Stream model responses (SSE): first text sooner, and eager tool start possible. */
  streaming: boolean;
  /** Reuse results of tools that opted in with `cache`, and share identical in-flight calls. */
  toolCache: boolean;
  /** Condense the history before each model call when it exceeds the policy's token budget. */
  history: boolean | HistoryPolicy;
  /** Stable instructions and sorted tool schemas first, per-run context after the history (prefix-cache hits). */
  promptCacheLayout: boolean;
  /** Ask the agent's ModelRouter for each step's model; off: the router's `defaultModel`. */
  routing: boolean;
  /**
   * With a router that has a `draft` model (`cascade({ draft, answer })`, `router({ draft })`): tool steps on the draft,
   * answers written by the step's answer model. Needs `routing`.
   */
  draftCascade: boolean;
  /** The read-only calls of a discarded response keep running while the stronger model is asked; it gets them if it asks for the same calls. */
  draftSpeculation: boolean;
  /** Enforce the Runner's `budgets`. */
  budgets: boolean;
  /** Stop loops (repeat, ping-pong, repeated error, max steps) and ask for a final answer. */
  stuckDetection: boolean | StuckDetectionOptions;
  /** Enforce tools' `timeoutMs` (and `defaultTimeoutMs` for the others) and use their `fallback`. */
  toolTimeouts: boolean | { defaultTimeoutMs?: number };
  /** Retry 429/5xx/connection failures before any output reached the caller. */
  retries: boolean | RetryPolicy;
  /** Guardrail calls run alongside the first model call instead of before it. */
  parallelModelWork: boolean;
  /** Start the agent's declared `prefetch` tool calls at run start. */
  prefetch: boolean;
  /** Start the agent's `prefetch.after` follow-ups (read-only calls) the moment their triggering tool's result arrives. */
  followUpPrefetch: boolean;
  /** Learn which read-only calls follow which results and start them when such a result arrives (the Runner's `prefetchLearner`). */
  learnedPrefetch: boolean;
  /** Show the model tools' `modelView` of their results, compacted (empty fields dropped); off: the raw payload. */
  toolResultViews: boolean;
  /** Offer only the tools of the agent's `toolGroups` that match the run's input (chosen once per run); off: every tool. */
  toolSelection: boolean;
  /** Send the agent's instructions and tool schemas compressed without loss of meaning (agent/prompt-report.ts). */
  promptCompression: boolean;
  /** Run tools that name a `worker` module on a worker-thread pool; off: on the main thread. */
  workerTools: boolean | { maxThreads?: number };
}

/** What a Runner accepts: a preset, or per-technique overrides of the `optimized` defaults. */
export type OptimizationsOption = 'optimized' | 'baseline' | Partial<OptimizationSettings>;

// Defaults of the tunable techniques (documented in README.md).
export const DEFAULT_HISTORY_POLICY: HistoryPolicy = { maxInputTokens: 12_000, keepRecentMessages: 6, summarize: true };
export const DEFAULT_MAX_TOOL_CONCURRENCY = 8;

/** The concrete settings a run uses. */
export interface ResolvedOptimizations {
  preset: 'optimized' | 'baseline' | 'custom';
  /** Techniques switched off, in documentation order. */
  disabled: OptimizationName[];
  connectionReuse: boolean;
  parallelTools: { maxConcurrency: number } | false;
  eagerTools: boolean;
  streaming: boolean;
  toolCache: boolean;
  history: HistoryPolicy | false;
  promptCacheLayout: boolean;
  routing: boolean;
  draftCascade: boolean;
  draftSpeculation: boolean;
  budgets: boolean;
  stuckDetection: Required<StuckDetectionOptions> | false;
  toolTimeouts: { defaultTimeoutMs?: number } | false;
  retries: RetryPolicy | false;
  parallelModelWork: boolean;
  prefetch: boolean;
  followUpPrefetch: boolean;
  learnedPrefetch: boolean;
  toolResultViews: boolean;
  toolSelection: boolean;
  promptCompression: boolean;
  workerTools: { maxThreads?: number } | false;
}

/**
 * Turns the Runner's `optimizations` option into concrete settings.
 *
 * @example
 * resolveOptimizations('baseline').parallelTools // false
 * resolveOptimizations({ toolCache: false }).disabled // ['toolCache']
 */
export function resolveOptimizations(option: OptimizationsOption = 'optimized'): ResolvedOptimizations {
  const all = (on: boolean) =>
    Object.fromEntries(OPTIMIZATION_NAMES.map((name) => [name, on])) as Record<OptimizationName, boolean>;
  if (option !== 'optimized' && option !== 'baseline' && (typeof option !== 'object' || option === null)) {
    throw new TypeError(`optimizations must be 'optimized', 'baseline' or an object of switches, got ${String(option)}`);
  }
  const chosen: OptimizationSettings = option === 'baseline' ? all(false) : { ...all(true), ...(option === 'optimized' ? {} : option) };
  for (const key of Object.keys(chosen)) {
    if (!(OPTIMIZATION_NAMES as readonly string[]).includes(key)) throw new TypeError(`Unknown optimization "${key}"`);
  }
  const disabled = OPTIMIZATION_NAMES.filter((name) => chosen[name] === false);
  const on = <T extends object>(value: boolean | Partial<T>, defaults: T): T | false =>
    value === false ? false : value === true ? defaults : { ...defaults, ...value };
  return {
    // Tuning a technique (a history budget, a concurrency cap) is still the optimized preset; only switching one off
    // makes a run `custom`.
    preset: disabled.length === 0 ? 'optimized' : disabled.length === OPTIMIZATION_NAMES.length ? 'baseline' : 'custom',
    disabled,
    connectionReuse: chosen.connectionReuse,
    parallelTools: on(chosen.parallelTools, { maxConcurrency: DEFAULT_MAX_TOOL_CONCURRENCY }),
    eagerTools: chosen.eagerTools && chosen.streaming !== false,
    streaming: chosen.streaming,
    toolCache: chosen.toolCache,
    history: on(chosen.history, DEFAULT_HISTORY_POLICY),
    promptCacheLayout: chosen.promptCacheLayout,
    routing: chosen.routing,
    draftCascade: chosen.draftCascade && chosen.routing,
    draftSpeculation: chosen.draftSpeculation,
    budgets: chosen.budgets,
    stuckDetection: stuckDetectionSettings(chosen.stuckDetection),
    toolTimeouts: on(chosen.toolTimeouts, {}),
    retries: on(chosen.retries, DEFAULT_RETRY_POLICY),
    parallelModelWork: chosen.parallelModelWork,
    prefetch: chosen.prefetch,
    followUpPrefetch: chosen.followUpPrefetch,
    learnedPrefetch: chosen.learnedPrefetch,
    toolResultViews: chosen.toolResultViews,
    toolSelection: chosen.toolSelection,
    promptCompression: chosen.promptCompression,
    workerTools: on(chosen.workerTools, {}),
  };
}

function stuckDetectionSettings(value: boolean | StuckDetectionOptions): Required<StuckDetectionOptions> | false {
  if (value === false) return false;
  const settings: Required<StuckDetectionOptions> = {
    repeatThreshold: 3,
    pingPongSteps: 4,
    errorThreshold: 3,
    finalNudge: DEFAULT_FINAL_NUDGE,
    ...(value === true ? {} : value),
  };
  const nudge: unknown = settings.finalNudge;
  if (nudge !== false && typeof nudge !== 'string' && typeof nudge !== 'function') {
    throw new TypeError(`stuckDetection.finalNudge must be a string, a function (reason) => string, or false; got ${String(nudge)}`);
  }
  return settings;
}
