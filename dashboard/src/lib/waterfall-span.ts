// The waterfall's compact view of a span: only what a row, its bar and the critical path need, so a
// 20,000-span trace crosses from the server to the browser as a few megabytes, not tens.
import type { CacheOutcome, SpanRow } from '@hotpath/collector/api-types';

/**
 * What a span is, for colour and icon: an agent run, a model call, a tool call, a tool cache hit, a model router
 * waiting on a classifier or cascade check (the SDK's `route` / `route check` spans), or other.
 */
export type SpanCategory = 'agent' | 'model' | 'tool' | 'cache-hit' | 'routing' | 'other';

export interface WaterfallSpan {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  category: SpanCategory;
  /** Epoch milliseconds. */
  start: number;
  end: number;
  error: boolean;
  /** True for a parent that has not arrived yet while its children have: it is still running. */
  inProgress: boolean;
  /**
   * True for a span known only from its start record (docs/spans.md, "Spans in progress"): it is running, or it never
   * ended. `end` equals `start` until the finished span replaces it; the waterfall draws it growing to now.
   */
  running: boolean;
  model: string | null;
  toolName: string | null;
  /** Input + output tokens of a model call or an agent run. */
  tokens: number | null;
  costUsd: number | null;
  cacheHit: CacheOutcome | null;
  simulated: boolean;
}

const MODEL_OPERATIONS = new Set(['chat', 'text_completion', 'generate_content', 'embeddings', 'create_embeddings']);

/**
 * Classifies a span by its GenAI operation (or, for senders without one, its name).
 *
 * @example
 * spanCategory({ operation: 'execute_tool', cacheHit: 'hit', name: 'execute_tool search' }) // 'cache-hit'
 */
export function spanCategory(span: Pick<SpanRow, 'operation' | 'cacheHit' | 'name'>): SpanCategory {
  const operation = span.operation ?? span.name.split(' ', 1)[0] ?? '';
  // invoke_workflow: a workflow around agent runs (an @openai/agents trace, a Traceloop workflow).
  if (operation === 'invoke_agent' || operation === 'create_agent' || operation === 'invoke_workflow') return 'agent';
  if (MODEL_OPERATIONS.has(operation)) return 'model';
  if (operation === 'execute_tool') return span.cacheHit === 'hit' ? 'cache-hit' : 'tool';
  if (span.name === 'route' || span.name === 'route check') return 'routing';
  return 'other';
}

/**
 * Reduces a query API span to its waterfall form.
 *
 * @example
 * const rows = spans.map(toWaterfallSpan);
 */
export function toWaterfallSpan(span: SpanRow): WaterfallSpan {
  const tokens = span.inputTokens === null && span.outputTokens === null ? null : (span.inputTokens ?? 0) + (span.outputTokens ?? 0);
  return {
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    category: spanCategory(span),
    start: span.startTime,
    end: Math.max(span.endTime, span.startTime),
    error: span.status.code === 'error',
    inProgress: false,
    running: span.open,
    model: span.model,
    toolName: span.toolName,
    tokens,
    costUsd: span.costUsd,
    cacheHit: span.cacheHit,
    simulated: span.simulated,
  };
}
