// Builds WaterfallSpan values for the waterfall's unit tests: only the fields a test cares about are given.
import type { WaterfallSpan } from './waterfall-span.ts';

/**
 * A span with ids, times and defaults for everything else.
 *
 * @example
 * testSpan('b', 'a', 10, 20, { category: 'tool' })
 */
export function testSpan(spanId: string, parentSpanId: string | null, start: number, end: number, extra: Partial<WaterfallSpan> = {}): WaterfallSpan {
  return {
    spanId,
    parentSpanId,
    name: `span ${spanId}`,
    category: 'other',
    start,
    end,
    error: false,
    inProgress: false,
    running: false,
    model: null,
    toolName: null,
    tokens: null,
    costUsd: null,
    cacheHit: null,
    simulated: false,
    ...extra,
  };
}
