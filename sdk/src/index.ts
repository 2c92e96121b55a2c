// @hotpath/sdk: fast agent loops you can see. The public surface is deliberately small; internals stay behind
// each module's own index. Tracing set-up lives in `@hotpath/sdk/otel`, test helpers in `@hotpath/sdk/testing`,
// and the simulated model server in its own package, `@hotpath/simulator`.
export { HotpathError } from './errors.ts';
export type { AssistantMessage, Message, SystemMessage, ToolCall, ToolMessage, UserMessage } from './messages.ts';

export { Agent, AgentDefinitionError, compressAgent, promptReport } from './agent/index.ts';
export type {
  AgentOptions,
  CompressionLevel,
  FollowUpPrefetch,
  Guardrail,
  GuardrailContext,
  GuardrailVerdict,
  ModelSettings,
  PrefetchCall,
  PrefetchPlan,
  PromptReport,
  ToolGroup,
  ToolPromptCost,
  ToolSelectionContext,
} from './agent/index.ts';

export { tool, ToolCache, ToolCallError, ToolDefinitionError } from './tools/index.ts';
export type {
  JsonSchemaObject,
  Tool,
  ToolArguments,
  ToolCacheOptions,
  ToolCacheSettings,
  ToolContext,
  ToolOptions,
  ToolParametersInput,
} from './tools/index.ts';

export {
  AbortError,
  DEFAULT_FINAL_NUDGE,
  GuardrailTrippedError,
  ModelResponseError,
  OPTIMIZATION_NAMES,
  parsePrefetchPlan,
  PrefetchLearner,
  RunError,
  RunInputError,
  Runner,
} from './runner/index.ts';
export type {
  Budgets,
  LearnedPattern,
  ModelPrice,
  ModelUsageTotals,
  OptimizationName,
  OptimizationSettings,
  OptimizationsOption,
  PrefetchLearnerOptions,
  PrefetchPlanFile,
  Pricing,
  RoutingDecision,
  RunEvent,
  RunListener,
  RunnerOptions,
  RunOptions,
  RunOutcome,
  RunResult,
  RunState,
  RunStream,
  RunUsage,
  SpeculationSummary,
  StreamEvent,
  StuckDetectionOptions,
} from './runner/index.ts';

export {
  anthropic,
  DEFAULT_RETRY_POLICY,
  ModelCallAbortedError,
  openaiCompatible,
  ProviderConfigurationError,
  ProviderConnectionError,
  ProviderHttpError,
  ProviderResponseError,
  StreamInterruptedError,
} from './provider/index.ts';
export type {
  AnthropicOptions,
  CacheBreakpoints,
  FinishReason,
  MaxTokensField,
  ModelCallOptions,
  ModelProvider,
  ModelRequest,
  ModelStreamEvent,
  ModelUsage,
  OpenAICompatibleOptions,
  RetryPolicy,
  ToolSpec,
  TransportInfo,
} from './provider/index.ts';

export { cascade, router, RoutingError } from './routing/index.ts';
export type {
  CascadeOptions,
  Classifier,
  DraftCascadeOptions,
  DraftOption,
  DraftSettings,
  ModelRouter,
  RouteContext,
  RouteRule,
  RouterOptions,
} from './routing/index.ts';

export type { HistoryPolicy } from './history/index.ts';

export { formatSpanTree, instrument, TelemetryError, uninstrument } from './telemetry/index.ts';
export type { FinishedSpan, FormatSpanTreeOptions, InstrumentOptions } from './telemetry/index.ts';
