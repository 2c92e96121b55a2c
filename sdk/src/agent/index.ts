// Public surface of the agent module.
export { Agent, AgentDefinitionError } from './agent.ts';
export type { AgentOptions, FollowUpPrefetch, ModelSettings, PrefetchCall, PrefetchPlan } from './agent.ts';
export type { Guardrail, GuardrailContext, GuardrailVerdict } from './guardrail.ts';
