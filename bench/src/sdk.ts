// The one place the benchmark reaches into @hotpath/sdk (through its public entry points only), so the rest of
// the package names what it uses from here.
export { Agent, instrument, OPTIMIZATION_NAMES, openaiCompatible, router, Runner, tool, ToolCache } from '@hotpath/sdk';
export type {
  Budgets,
  Guardrail,
  HistoryPolicy,
  ModelProvider,
  ModelRouter,
  ModelStreamEvent,
  PrefetchCall,
  OptimizationName,
  OptimizationsOption,
  Pricing,
  Tool,
} from '@hotpath/sdk';
// Not re-exported by @hotpath/sdk's entry yet: derived from the public AgentOptions.
import type { AgentOptions } from '@hotpath/sdk';
export type ToolGroup = NonNullable<AgentOptions['toolGroups']>[number];
export type ToolSelectionContext = Parameters<ToolGroup['when']>[0];
export { setup } from '@hotpath/sdk/otel';
export type { TelemetryShutdown } from '@hotpath/sdk/otel';
export { createTestTracing, scriptedModel } from '@hotpath/sdk/testing';
export { checkAnswer, createSupportDeskTools, SIM_LARGE, SIM_SMALL, startSimulatedServer, supportDeskTasks } from '@hotpath/sdk/simulated';
export type { SimulatedServer, SupportDeskTask, SupportDeskTool } from '@hotpath/sdk/simulated';
