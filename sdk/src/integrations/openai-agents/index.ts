// @hotpath/sdk/openai-agents: @openai/agents runs as OpenTelemetry GenAI spans, through that SDK's TracingProcessor.
// Needs `@openai/agents` installed (an optional peer dependency of @hotpath/sdk).
export { HotpathTracingProcessor } from './hotpath-tracing-processor.ts';
export { instrumentOpenAIAgents } from './instrument-openai-agents.ts';
export type { InstrumentOpenAIAgentsOptions } from './instrument-openai-agents.ts';
