// The one place the benchmark reaches into @hotpath/sdk, so switching from the SDK's folder entry points to its
// package subpaths (`@hotpath/sdk`, `/otel`, `/testing`, `/simulated`) is a one-file edit.
export { Agent } from '../../sdk/src/agent/index.ts';
export { tool } from '../../sdk/src/tools/index.ts';
export type { Tool } from '../../sdk/src/tools/index.ts';
export { ToolCache } from '../../sdk/src/tools/index.ts';
export { Runner, OPTIMIZATION_NAMES } from '../../sdk/src/runner/index.ts';
export type { Budgets, OptimizationName, OptimizationsOption, Pricing, RunResult } from '../../sdk/src/runner/index.ts';
export { openaiCompatible } from '../../sdk/src/provider/index.ts';
export type { ModelProvider, ModelStreamEvent, ModelRequest, ModelCallOptions } from '../../sdk/src/provider/index.ts';
export { router, cascade } from '../../sdk/src/routing/index.ts';
export type { ModelRouter } from '../../sdk/src/routing/index.ts';
export type { HistoryPolicy } from '../../sdk/src/history/index.ts';
export { instrument } from '../../sdk/src/telemetry/index.ts';
export { setup } from '../../sdk/src/otel/index.ts';
export type { TelemetryShutdown } from '../../sdk/src/otel/index.ts';
export { scriptedModel, createTestTracing } from '../../sdk/src/testing/index.ts';
export { checkAnswer, createSupportDeskTools, startSimulatedServer, supportDeskTasks } from '../../sdk/src/simulated/index.ts';
export type { SimulatedServer, SupportDeskTask, SupportDeskTool } from '../../sdk/src/simulated/index.ts';
