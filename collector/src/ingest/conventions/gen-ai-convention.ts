// The OpenTelemetry GenAI semantic conventions (docs/spans.md), current and older attribute names. Hotpath's own
// SDK, OpenLLMetry / Traceloop (0.2x and later), the Vercel AI SDK's model-call spans and most other
// instrumentations write these.
import type { Attributes } from '../../otlp/otlp-types.ts';
import { aggregateOperations, modelOperations, text, type SpanConvention } from './span-convention.ts';

export const genAiConvention: SpanConvention = {
  name: 'OpenTelemetry GenAI',
  tokens: {
    input: ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens'],
    output: ['gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens'],
    cacheRead: ['gen_ai.usage.cache_read.input_tokens', 'gen_ai.usage.cached_tokens', 'gen_ai.usage.cache_read_input_tokens'],
    cacheCreation: [
      'gen_ai.usage.cache_creation.input_tokens',
      'gen_ai.usage.cache_write.input_tokens',
      'gen_ai.usage.cache_creation_input_tokens',
    ],
    inputBesideCache: ['gen_ai.usage.prompt_tokens'],
  },
  read(_name: string, attributes: Attributes) {
    const operation = text(attributes['gen_ai.operation.name']);
    const provider = text(attributes['gen_ai.provider.name']) ?? text(attributes['gen_ai.system']);
    const model = text(attributes['gen_ai.response.model']) ?? text(attributes['gen_ai.request.model']);
    const agent = text(attributes['gen_ai.agent.name']);
    const toolName = text(attributes['gen_ai.tool.name']);
    if (operation === null && provider === null && model === null && agent === null && toolName === null) return null;
    const role = operation === null ? null : aggregateOperations.has(operation) ? 'aggregate' : modelOperations.has(operation) ? 'model-call' : null;
    return { operation, provider, model, agent, toolName, role };
  },
};
