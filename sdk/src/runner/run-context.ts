// Everything one run needs, in one place the phases share: what was asked (agent, input, settings), where to send
// things (provider, events), and what has happened so far (messages, steps, usage). The phases read it and the loop
// is the only one that decides when the run is over.
import type { Agent } from '../agent/agent.ts';
import type { Message, ToolCall } from '../messages.ts';
import type { FinishReason, ModelProvider, ModelUsage, ToolSpec } from '../provider/model-provider.ts';
import type { Tool } from '../tools/tool.ts';
import type { ToolCache } from '../tools/tool-cache.ts';
import type { WorkerPool } from '../tools/worker-pool.ts';
import type { ResolvedOptimizations } from './optimizations.ts';
import type { DraftStatistics } from './draft-statistics.ts';
import type { PrefetchRegistry } from './prefetch.ts';
import type { LearningSession, PrefetchLearner } from './prefetch-learner.ts';
import type { RoutingDecision, RunEvent, RunOutcome, RunUsage, SpeculationSummary, ToolCacheOutcome } from './run-events.ts';
import type { Pricing } from './run-usage.ts';

/** Per-run limits; enforced when the `budgets` switch is on. */
export interface Budgets {
  /** Cap on the output tokens of each model call (sent as `maxOutputTokens`). */
  maxOutputTokensPerCall?: number;
  /** Input + output tokens of the whole run. */
  maxTokens?: number;
  /** USD of the whole run (needs `pricing`). */
  maxCostUsd?: number;
  /** Wall-clock time of the whole run. */
  maxWallTimeMs?: number;
}

/** One tool call of a step as it ended. */
export interface ToolCallRecord {
  toolCall: ToolCall;
  result: string;
  isError: boolean;
  cache: ToolCacheOutcome;
  eager: boolean;
  prefetched: boolean;
  timedOut: boolean;
  fallbackUsed: boolean;
  worker: boolean;
}

/** One completed step: the model's response and the tool calls it led to. */
export interface StepResult {
  /** 0-based. */
  step: number;
  model: string;
  routing?: RoutingDecision;
  text: string;
  toolCalls: ToolCallRecord[];
  finishReason?: FinishReason;
  usage?: ModelUsage;
}

/** What `run()` returns (and `stream()` ends with). */
export interface RunResult {
  runId: string;
  /** The answer: the model's last text. */
  finalOutput: string;
  /** The conversation without the system message, ready to pass as `history` to the next run. */
  history: Message[];
  usage: RunUsage;
  steps: StepResult[];
  outcome: RunOutcome;
  /** Why the loop stopped early (stuck pattern, budget), when it did. */
  stopReason?: string;
  /** Tool calls started ahead of the model (prefetch, follow-ups, learned, from discarded drafts): used and wasted. */
  speculation: SpeculationSummary;
}

type WithoutBase<T> = T extends unknown ? Omit<T, 'runId' | 'time'> & { time?: number } : never;
/** A run event before the run id and the time are stamped on it (`time` may be given for back-dated events). */
export type PendingRunEvent = WithoutBase<RunEvent>;

/** Runner-wide configuration a run reads. */
export interface RunnerConfig {
  provider: ModelProvider;
  optimizations: ResolvedOptimizations;
  maxSteps: number;
  budgets: Budgets;
  pricing: Pricing;
  toolCache: ToolCache;
  workerPool: WorkerPool;
  learner: PrefetchLearner;
  draftStatistics: DraftStatistics;
}

export interface RunContext {
  readonly runId: string;
  readonly agent: Agent;
  readonly input: string;
  readonly config: RunnerConfig;
  readonly settings: ResolvedOptimizations;
  /** The agent's tools (sub-agents included) by name. */
  readonly tools: ReadonlyMap<string, Tool>;
  /**
   * The tool schemas offered, in request order (see build-request.ts): every tool, or with `toolSelection` the ones
   * the agent's tool groups chose at run start plus any the model called since (see tool-selection.ts).
   */
  toolSpecs: ToolSpec[];
  /** The system message, fixed for the run. */
  readonly system: Message;
  /** Estimated prompt tokens `promptCompression` saves on each request of the run (0 when off or nothing to save). */
  readonly promptTokensSaved: number;
  /** Aborted when the caller aborts or the run fails (a guardrail tripped); tools and model calls honour it. */
  readonly signal: AbortSignal;
  /** performance.now() at run start, for the wall-time budget. */
  readonly startedAt: number;
  /** The conversation without the system message: prior history, this run's input, then this run's messages. */
  messages: Message[];
  readonly steps: StepResult[];
  readonly usage: RunUsage;
  readonly prefetch: PrefetchRegistry;
  /** What this run shows the prefetch learner (only with `learnedPrefetch` on). */
  readonly learning: LearningSession | undefined;
  /** Stamps and sends an event to the Runner's listeners (and the stream, if any). */
  emit(event: PendingRunEvent): void;
  /** A fresh id for a model call or tool call of this run. */
  nextCallId(kind: 'model' | 'tool'): string;
}

/** Epoch milliseconds with sub-millisecond precision, the clock of every run event. */
export function now(): number {
  return performance.timeOrigin + performance.now();
}
