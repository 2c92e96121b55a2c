// @hotpath/bench: the benchmark (the support desk and the held-out suite) as a library, for the one-command demo and
// other callers. The command-line entry points are main.ts (`npm run bench`) and overhead.ts (`bench:overhead`).
export {
  hotpathSupportDeskTools,
  LARGE_MODEL,
  RECOMMENDATIONS_TIMEOUT_MS,
  SMALL_MODEL,
  SUPPORT_DESK_HISTORY,
  SUPPORT_DESK_INSTRUCTIONS,
  supportDeskAgent,
  supportDeskRouter,
} from './support-agent.ts';
export type { SupportDeskAgentOptions } from './support-agent.ts';
export {
  ABLATION_GROUPS,
  ABLATION_TECHNIQUES,
  BUDGETS,
  createVariantExecutor,
  MAIN_VARIANTS,
  MAX_STEPS,
  optimizationsFor,
  SIMULATED_PRICING,
  VARIANT_LABELS,
} from './variants.ts';
export type { MainVariant, VariantContext } from './variants.ts';
export { hotpathTools, userConfigAgent } from './bench-suite.ts';
export type { AgentBuildOptions, BenchSuite, ModelNames, SuiteTool, UserToolSettings } from './bench-suite.ts';
export { SUPPORT_DESK_USER_TOOL_SETTINGS, supportDeskSuite } from './support-desk-suite.ts';
export { BENCH_SUITES, SUITE_IDS } from './suites.ts';
export { runVariant } from './run-variant.ts';
export type { RunVariantOptions } from './run-variant.ts';
export { runRepetitions } from './run-repetitions.ts';
export type { BatchWrapper, RunRepetitionsOptions } from './run-repetitions.ts';
export { runBatch } from './run-batch.ts';
export type { BatchProgress } from './run-batch.ts';
export { hotpathExecutor } from './hotpath-executor.ts';
export type { HotpathExecutorOptions } from './hotpath-executor.ts';
export { configureOpenAIAgents, openaiAgentsExecutor, openaiAgentsSupportAgent } from './openai-agents-executor.ts';
export type { OpenAIAgentsExecutorOptions, TurnWrapper } from './openai-agents-executor.ts';
export type { TaskExecutor, WorkloadAttributes } from './task-executor.ts';
export type { TaskLike, TaskOutput, TaskRun, TaskUsage } from './task-run.ts';
export { answerOf } from './answer-text.ts';
export { distribution, percentile } from './statistics.ts';
export type { Distribution } from './statistics.ts';
export { compareVariants, summarizeVariant } from './variant-summary.ts';
export type { Comparison, VariantSummary } from './variant-summary.ts';
export { buildReport } from './bench-report.ts';
export type { BenchConfig, BenchReport } from './bench-report.ts';
export { ablationVariant, comparisonOf, suiteReport, variantOf } from './suite-report.ts';
export type { AblationEntry, CategoryEntry, ServerFigures, SuiteInput, SuiteReport, VariantComparison } from './suite-report.ts';
export { checkFloors } from './floors.ts';
export type { FloorCheck } from './floors.ts';
export { ablationTable, categoryTable, floorLines, formatReport, suiteSection, variantTable } from './results-table.ts';
export { latestJson, writeLatestJson } from './results-json.ts';
export { checkCollector } from './collector-health.ts';
export type { CollectorHealth } from './collector-health.ts';
export { startCollectorExport } from './collector-export.ts';
export { progressBar } from './progress-bar.ts';
export type { ProgressBar } from './progress-bar.ts';
export type { CollectorExport, ExportedTrace } from './collector-export.ts';
export { runBenchmark } from './run-benchmark.ts';
export type { BenchmarkResult, RunBenchmarkIo } from './run-benchmark.ts';
export { BENCH_USAGE, parseBenchOptions } from './bench-options.ts';
export { selectTasks } from './select-tasks.ts';
export type { BenchOptions } from './bench-options.ts';
export { BenchError, BenchOptionsError } from './bench-error.ts';
export { measureOverhead, OVERHEAD_FLOOR_MS } from './overhead.ts';
