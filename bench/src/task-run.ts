// What one variant did on one task of one batch: the unit every figure of the benchmark is computed from.

/** A benchmark task as the harness sees it; the support-desk workload's tasks carry more (expected facts, …). */
export interface TaskLike {
  id: string;
  category: string;
  /** The user's messages, one per turn of the conversation. */
  turns: readonly string[];
}

/** Tokens and requests one task used (all its turns together). */
export interface TaskUsage {
  /** All input tokens, cached ones included (OpenAI convention). */
  inputTokens: number;
  outputTokens: number;
  /** Input tokens the server served from its prefix cache (a subset of `inputTokens`). */
  cachedInputTokens: number;
  requests: number;
  requestsByModel: Record<string, number>;
}

/** What a variant's executor reports for one task. */
export interface TaskOutput {
  /** The text the answer check reads (see `answerText`). */
  answer: string;
  usage: TaskUsage;
  /** One run outcome per turn (`completed`, `stuck`, `max_steps`, …; `error` when the turn threw). */
  outcomes: string[];
  /** Set when a turn threw: the task counts as answered wrongly, and the benchmark goes on. */
  error?: string;
  /** Tool calls started ahead of the model (Hotpath variants): used by the model, and cancelled unused. */
  speculation?: { started: number; used: number; wasted: number };
}

/** One measured task run. */
export interface TaskRun extends TaskOutput {
  /** The suite the task belongs to (`support-desk`, `held-out`). */
  suite: string;
  variant: string;
  /** 0-based repetition (one batch = one variant running the whole suite once). */
  batch: number;
  taskId: string;
  category: string;
  /** Wall-clock time of all the task's turns, milliseconds. */
  wallMs: number;
  correct: boolean;
}

/**
 * An empty usage record to add turns into.
 *
 * @example
 * const usage = emptyUsage(); addUsage(usage, { inputTokens: 10, outputTokens: 2, cachedInputTokens: 0, requests: 1, requestsByModel: { 'sim-large': 1 } });
 */
export function emptyUsage(): TaskUsage {
  return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, requests: 0, requestsByModel: {} };
}

/**
 * Adds `more` into `into` (mutating it) and returns it.
 *
 * @example
 * addUsage(emptyUsage(), turnUsage);
 */
export function addUsage(into: TaskUsage, more: TaskUsage): TaskUsage {
  into.inputTokens += more.inputTokens;
  into.outputTokens += more.outputTokens;
  into.cachedInputTokens += more.cachedInputTokens;
  into.requests += more.requests;
  for (const [model, requests] of Object.entries(more.requestsByModel)) {
    into.requestsByModel[model] = (into.requestsByModel[model] ?? 0) + requests;
  }
  return into;
}
