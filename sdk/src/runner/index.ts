// Public surface of the runner module.
export { Runner } from './runner.ts';
export { parsePrefetchPlan, PrefetchLearner } from './prefetch-learner.ts';
export type { ArgumentSource, LearnedPattern, LearnedSuggestion, LearningSession, PrefetchLearnerOptions, PrefetchPlanFile } from './prefetch-learner.ts';
export type { RunnerOptions, RunOptions } from './runner.ts';
export type { Budgets, RunResult, StepResult, ToolCallRecord } from './run-context.ts';
export type { RunStream, StreamEvent } from './stream-events.ts';
export { AbortError, GuardrailTrippedError, ModelResponseError, RunError, RunInputError } from './run-errors.ts';
export type { RunState } from './run-errors.ts';
export {
  DEFAULT_FINAL_NUDGE,
  DEFAULT_HISTORY_POLICY,
  DEFAULT_MAX_TOOL_CONCURRENCY,
  OPTIMIZATION_NAMES,
  resolveOptimizations,
} from './optimizations.ts';
export type {
  OptimizationName,
  OptimizationSettings,
  OptimizationsOption,
  ResolvedOptimizations,
  StuckDetectionOptions,
} from './optimizations.ts';
export type {
  ModelUsageTotals,
  RoutingDecision,
  RunEvent,
  RunEventType,
  RunListener,
  RunOutcome,
  RunUsage,
  SpeculationCounts,
  SpeculationSource,
  SpeculationSummary,
  ToolCacheOutcome,
} from './run-events.ts';
export { callCost } from './run-usage.ts';
export type { Pricing } from './run-usage.ts';
export type { ModelPrice } from '../pricing/model-pricing.ts';
export { exhaustedBudget, stuckPattern } from './stop-conditions.ts';
