// What a span convention (OpenTelemetry GenAI, OpenInference, OpenLLMetry / Traceloop, Vercel AI SDK) tells the
// collector about a span: the facts behind its derived columns, and where its token counts are.
import type { Attributes } from '../../otlp/otlp-types.ts';

/**
 * A span's role in spend: a `model-call` counts (tokens, cost, the trace's models and request count); an
 * `aggregate` (an agent, workflow, chain, tool or SDK wrapper span) carries totals of calls below it and never
 * counts; `null` when the convention cannot tell.
 */
export type SpanRole = 'model-call' | 'aggregate' | null;

export interface ConventionFacts {
  /** `gen_ai.operation.name` or the convention's equivalent, in the GenAI conventions' words where one fits. */
  operation: string | null;
  provider: string | null;
  model: string | null;
  agent: string | null;
  toolName: string | null;
  role: SpanRole;
}

/** Attribute keys holding token counts, in order of preference. */
export interface TokenKeys {
  input: readonly string[];
  output: readonly string[];
  cacheRead: readonly string[];
  cacheCreation: readonly string[];
  /**
   * Input keys that older senders fill with Anthropic's `input_tokens`, which excludes cache reads and writes
   * (token-usage.ts adds them back for Anthropic-like providers).
   */
  inputBesideCache: readonly string[];
}

export interface SpanConvention {
  /** As named in docs/spans.md. */
  name: string;
  tokens: TokenKeys;
  /** The facts this convention states about a span, or null when the span does not use it. */
  read(name: string, attributes: Attributes): ConventionFacts | null;
}

/** A non-empty string attribute, else null. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

/** The GenAI operations that are one model call each. */
export const modelOperations: ReadonlySet<string> = new Set(['chat', 'text_completion', 'generate_content', 'embeddings']);

/** The GenAI operations whose spans aggregate other spans (their token attributes are totals, not calls). */
export const aggregateOperations: ReadonlySet<string> = new Set(['invoke_agent', 'create_agent', 'execute_tool', 'invoke_workflow']);
