// Public surface of the agent module.
export { Agent, AgentDefinitionError } from './agent.ts';
export type { AgentOptions, FollowUpPrefetch, ModelSettings, PrefetchCall, PrefetchPlan, ToolGroup, ToolSelectionContext } from './agent.ts';
export type { Guardrail, GuardrailContext, GuardrailVerdict } from './guardrail.ts';
export { compressAgent, promptReport } from './prompt-report.ts';
export type { CompressionLevel, PromptReport, ToolPromptCost } from './prompt-report.ts';
