// Public surface of the agent module.
export { Agent, AgentDefinitionError } from './agent.ts';
export type { AgentOptions, FollowUpPrefetch, ModelSettings, PrefetchCall, PrefetchPlan, ToolGroup, ToolSelectionContext } from './agent.ts';
export type { Guardrail, GuardrailContext, GuardrailVerdict } from './guardrail.ts';
