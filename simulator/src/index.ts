// @hotpath/simulator: the simulated OpenAI-compatible model server and the support-desk workload, for the
// demo, the tests and the benchmarks.
export type { Decision, PlannedToolCall } from './brain/brain.ts';
export type { CallOutcome, Knowledge, VisibleCall } from './brain/knowledge.ts';
export type { EntityType, Intent, NeedOptions, NeedResult, PlanContext, Playbook } from './brain/playbook.ts';
export { InvalidRequestError } from './chat-request.ts';
export { SYSTEM_FINGERPRINT } from './completion-response.ts';
export { FAULT_HEADER, FAULT_NAMES, type FaultName } from './faults.ts';
export { computeLatency, type LatencyBreakdown, type LatencyInput } from './latency-model.ts';
export {
  DEFAULT_CONNECTION_SETUP_MS,
  DEFAULT_PROFILES,
  DEFAULT_PROMPT_CACHE,
  SIM_LARGE,
  SIM_SMALL,
  type ModelProfile,
  type ModelStrength,
  type PromptCacheOptions,
  validateProfile,
} from './model-profile.ts';
export {
  startSimulatedServer,
  type FaultContext,
  type ModelStats,
  type RequestRecord,
  type SimulatedServer,
  type SimulatedServerOptions,
  type SimulatedServerSettings,
  type SimulatedServerStats,
} from './simulated-server.ts';
export {
  checkAnswer,
  createSupportDeskTools,
  supportDeskPlaybook,
  supportDeskTasks,
  SupportDeskNotFoundError,
  type AnswerCheck,
  type SupportDeskTask,
  type SupportDeskTool,
  type SupportDeskToolOptions,
  type TaskCategory,
} from './support-desk/index.ts';
export { countTokens } from './token-count.ts';
export {
  createTravelDeskTools,
  TRAVEL_DESK_BEHAVIOUR_FINGERPRINT,
  TRAVEL_DESK_FINGERPRINT,
  TRAVEL_DESK_SUITE_FILES,
  TRAVEL_DESK_SYSTEM_PROMPT,
  TRAVEL_DESK_TODAY,
  TravelDeskConflictError,
  TravelDeskNotFoundError,
  TravelDeskUpstreamError,
  travelDeskPlaybook,
  travelDeskTasks,
  type TravelDeskTask,
  type TravelDeskTaskCategory,
  type TravelDeskTool,
  type TravelDeskToolOptions,
  type WeakFailure,
} from './travel-desk/index.ts';
export type { WorkloadTool, WorkloadToolOptions } from './workload-tool.ts';
