// The query API's span columns (pages of `/api/traces/:traceId/spans` and live `spans` events, SpanColumns in
// @hotpath/collector/api-types) as the waterfall's spans.
import type { CacheOutcome, SpanColumns } from '@hotpath/collector/api-types';
import { spanCategory, type WaterfallSpan } from './waterfall-span.ts';

const CACHE_OUTCOMES: readonly CacheOutcome[] = ['hit', 'miss', 'shared', 'off'];
const ERROR = 1;
const SIMULATED = 2;
const OPEN = 4;

/**
 * Decodes a page of columns.
 *
 * @example
 * model.merge(spansFromColumns(page.spans));
 */
export function spansFromColumns(columns: SpanColumns): WaterfallSpan[] {
  const text = (at: number): string | null => (at < 0 ? null : (columns.strings[at] ?? null));
  const spans: WaterfallSpan[] = new Array(columns.spanIds.length);
  for (let at = 0; at < columns.spanIds.length; at++) {
    const flags = columns.flags[at]!;
    const cacheHit = columns.cacheHits[at]!;
    const tokens = columns.tokens[at]!;
    const start = columns.base + columns.starts[at]!;
    const name = text(columns.names[at]!) ?? '';
    const cache = cacheHit < 0 ? null : (CACHE_OUTCOMES[cacheHit] ?? null);
    spans[at] = {
      spanId: columns.spanIds[at]!,
      parentSpanId: text(columns.parents[at]!),
      name,
      category: spanCategory({ operation: text(columns.operations[at]!), cacheHit: cache, name }),
      start,
      end: start + Math.max(0, columns.durations[at]!),
      error: (flags & ERROR) !== 0,
      inProgress: false,
      running: (flags & OPEN) !== 0,
      model: text(columns.models[at]!),
      toolName: text(columns.tools[at]!),
      tokens: tokens < 0 ? null : tokens,
      costUsd: columns.costs[at] ?? null,
      cacheHit: cache,
      simulated: (flags & SIMULATED) !== 0,
    };
  }
  return spans;
}
