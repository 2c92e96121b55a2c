// The one place the benchmark reaches into @hotpath/sdk (through its public entry points only), so the rest of
// the package names what it uses from here.
export { Agent, cascade, compressAgent, instrument, OPTIMIZATION_NAMES, openaiCompatible, promptReport, router, Runner, tool, ToolCache } from '@hotpath/sdk';
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
  ToolGroup,
  ToolSelectionContext,
} from '@hotpath/sdk';
export { setup } from '@hotpath/sdk/otel';
export { instrumentOpenAIAgents } from '@hotpath/sdk/openai-agents';
export type { TelemetryShutdown } from '@hotpath/sdk/otel';
export { createTestTracing, scriptedModel } from '@hotpath/sdk/testing';
export {
  checkAnswer,
  createSupportDeskTools,
  createTravelDeskTools,
  SIM_LARGE,
  SIM_SMALL,
  startSimulatedServer,
  supportDeskTasks,
  TRAVEL_DESK_FINGERPRINT,
  TRAVEL_DESK_SYSTEM_PROMPT,
  travelDeskPlaybook,
  travelDeskTasks,
} from '@hotpath/simulator';
export type { Playbook, SimulatedServer, SupportDeskTask, SupportDeskTool, TravelDeskTask } from '@hotpath/simulator';
