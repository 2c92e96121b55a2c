// The Vercel AI SDK's telemetry (`experimental_telemetry`): `ai.operationId` names the span's part. A call such as
// `ai.generateText` or `ai.streamText` wraps one `….doGenerate` / `….doStream` span per model call (its `ai.usage.*`
// are the call's totals), and `ai.toolCall` spans record tool executions.
import type { Attributes } from '../../otlp/otlp-types.ts';
import { text, type ConventionFacts, type SpanConvention } from './span-convention.ts';

/** `openai.chat`, `openai.responses`, `anthropic.messages`: the provider is the part before the first dot. */
function providerOf(value: unknown): string | null {
  const provider = text(value);
  return provider === null ? null : (provider.split('.')[0] ?? provider);
}

export const vercelAiConvention: SpanConvention = {
  name: 'Vercel AI SDK',
  tokens: {
    // v5 and later: inputTokens includes cached ones; v4: promptTokens (Anthropic's without them).
    input: ['ai.usage.inputTokens', 'ai.usage.promptTokens'],
    output: ['ai.usage.outputTokens', 'ai.usage.completionTokens'],
    cacheRead: ['ai.usage.inputTokenDetails.cacheReadTokens', 'ai.usage.cachedInputTokens'],
    cacheCreation: ['ai.usage.inputTokenDetails.cacheWriteTokens'],
    inputBesideCache: ['ai.usage.promptTokens'],
  },
  read(_name: string, attributes: Attributes): ConventionFacts | null {
    const operationId = text(attributes['ai.operationId']);
    if (operationId === null) return null;
    const facts: ConventionFacts = {
      operation: null,
      provider: providerOf(attributes['ai.model.provider']),
      model: text(attributes['ai.response.model']) ?? text(attributes['ai.model.id']),
      agent: null,
      toolName: null,
      role: 'aggregate',
    };
    if (operationId === 'ai.toolCall') return { ...facts, operation: 'execute_tool', toolName: text(attributes['ai.toolCall.name']) };
    if (operationId.endsWith('.doGenerate') || operationId.endsWith('.doStream')) return { ...facts, operation: 'chat', role: 'model-call' };
    if (operationId.endsWith('.doEmbed')) return { ...facts, operation: 'embeddings', role: 'model-call' };
    // A wrapper, named by the caller's functionId. generateText / streamText / …Object run the tool loop: an agent run.
    const agentRun = /^ai\.(generate|stream)(Text|Object)$/.test(operationId);
    return { ...facts, operation: agentRun ? 'invoke_agent' : null, agent: text(attributes['ai.telemetry.functionId']) };
  },
};
