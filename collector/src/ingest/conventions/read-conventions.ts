// Every convention the collector understands, read together: each derived column takes the first convention that
// states it, the OpenTelemetry GenAI names first (the standard, and what most senders also write), except the
// provider, where a framework's own attribute is more precise than a `gen_ai.system` it copied (`openai.chat`).
import type { Attributes } from '../../otlp/otlp-types.ts';
import { genAiConvention } from './gen-ai-convention.ts';
import { openInferenceConvention } from './openinference-convention.ts';
import type { ConventionFacts, SpanConvention, TokenKeys } from './span-convention.ts';
import { traceloopConvention } from './traceloop-convention.ts';
import { vercelAiConvention } from './vercel-ai-convention.ts';

/** In order of precedence. */
export const conventions: readonly SpanConvention[] = [genAiConvention, openInferenceConvention, traceloopConvention, vercelAiConvention];

/** Every convention's token keys, in the same order. */
export const tokenKeys: TokenKeys = {
  input: conventions.flatMap((convention) => convention.tokens.input),
  output: conventions.flatMap((convention) => convention.tokens.output),
  cacheRead: conventions.flatMap((convention) => convention.tokens.cacheRead),
  cacheCreation: conventions.flatMap((convention) => convention.tokens.cacheCreation),
  inputBesideCache: conventions.flatMap((convention) => convention.tokens.inputBesideCache),
};

const none: ConventionFacts = { operation: null, provider: null, model: null, agent: null, toolName: null, role: null };

/**
 * The facts every convention states about a span, merged.
 *
 * @example
 * readConventions('ai.streamText.doStream', { 'ai.operationId': 'ai.streamText.doStream', 'ai.model.id': 'gpt-4.1' }).role; // 'model-call'
 */
export function readConventions(name: string, attributes: Attributes): ConventionFacts {
  let merged = none;
  let provider: string | null = null;
  for (const convention of conventions) {
    const facts = convention.read(name, attributes);
    if (facts === null) continue;
    if (convention !== genAiConvention && facts.provider !== null) provider = facts.provider;
    merged = {
      operation: merged.operation ?? facts.operation,
      provider: merged.provider ?? facts.provider,
      model: merged.model ?? facts.model,
      agent: merged.agent ?? facts.agent,
      toolName: merged.toolName ?? facts.toolName,
      role: merged.role ?? facts.role,
    };
  }
  return provider === null ? merged : { ...merged, provider };
}
