// OpenLLMetry / Traceloop: `traceloop.span.kind` and `traceloop.entity.name` on workflow, task, agent and tool spans
// (the Traceloop SDK's decorators), `llm.request.type` and the older `llm.usage.*` counts on model calls. Newer
// versions also write the GenAI names, which gen-ai-convention.ts reads first.
import type { Attributes } from '../../otlp/otlp-types.ts';
import { text, type ConventionFacts, type SpanConvention } from './span-convention.ts';

const requestTypes: Record<string, string> = { chat: 'chat', completion: 'text_completion', embedding: 'embeddings', rerank: 'rerank' };
const kinds: Record<string, string | null> = { workflow: 'invoke_workflow', task: null, agent: 'invoke_agent', tool: 'execute_tool' };

export const traceloopConvention: SpanConvention = {
  name: 'OpenLLMetry / Traceloop',
  tokens: {
    input: ['llm.usage.prompt_tokens'],
    output: ['llm.usage.completion_tokens'],
    cacheRead: ['llm.usage.cache_read_input_tokens', 'gen_ai.usage.cache_read_input_tokens'],
    cacheCreation: ['llm.usage.cache_creation_input_tokens'],
    inputBesideCache: ['llm.usage.prompt_tokens'],
  },
  read(_name: string, attributes: Attributes): ConventionFacts | null {
    const kind = text(attributes['traceloop.span.kind']);
    const requestType = text(attributes['llm.request.type']);
    if (kind === null && requestType === null) return null;
    const entity = text(attributes['traceloop.entity.name']);
    if (kind !== null && kind in kinds) {
      return {
        operation: kinds[kind] ?? null,
        provider: null,
        model: null,
        agent: kind === 'agent' ? entity : null,
        toolName: kind === 'tool' ? entity : null,
        role: 'aggregate',
      };
    }
    return {
      operation: requestType === null ? null : (requestTypes[requestType] ?? requestType),
      // Provider and model: the GenAI names, which every version writes (gen-ai-convention.ts).
      provider: null,
      model: null,
      agent: null,
      toolName: null,
      role: requestType !== null ? 'model-call' : null,
    };
  },
};
