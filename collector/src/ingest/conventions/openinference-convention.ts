// OpenInference (Arize Phoenix's conventions: `openinference.span.kind`, `llm.*`, `tool.*`, `agent.*`), as written
// by the `@arizeai/openinference-instrumentation-*` packages and their Python siblings.
import type { Attributes } from '../../otlp/otlp-types.ts';
import { text, type ConventionFacts, type SpanConvention } from './span-convention.ts';

/** Span kinds that wrap other work: their token counts, when present, are totals of the calls below. */
const aggregateKinds = new Set(['AGENT', 'CHAIN', 'TOOL', 'RETRIEVER', 'RERANKER', 'GUARDRAIL', 'EVALUATOR']);
const operations: Record<string, string> = { LLM: 'chat', EMBEDDING: 'embeddings', AGENT: 'invoke_agent', TOOL: 'execute_tool' };

export const openInferenceConvention: SpanConvention = {
  name: 'OpenInference',
  tokens: {
    input: ['llm.token_count.prompt'],
    output: ['llm.token_count.completion'],
    cacheRead: ['llm.token_count.prompt_details.cache_read'],
    cacheCreation: ['llm.token_count.prompt_details.cache_write'],
    // OpenInference counts prompt tokens with the cached ones, whatever the provider.
    inputBesideCache: [],
  },
  read(name: string, attributes: Attributes): ConventionFacts | null {
    const kind = text(attributes['openinference.span.kind'])?.toUpperCase() ?? null;
    if (kind === null) return null;
    return {
      operation: operations[kind] ?? null,
      provider: text(attributes['llm.provider']) ?? text(attributes['llm.system']),
      model: text(attributes['llm.model_name']) ?? text(attributes['embedding.model_name']),
      agent: kind === 'AGENT' ? (text(attributes['agent.name']) ?? name) : null,
      toolName: kind === 'TOOL' ? (text(attributes['tool.name']) ?? name) : null,
      role: kind === 'LLM' || kind === 'EMBEDDING' ? 'model-call' : aggregateKinds.has(kind) ? 'aggregate' : null,
    };
  },
};
