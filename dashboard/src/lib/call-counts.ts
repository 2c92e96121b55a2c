// Model and tool calls in a trace, counted with the waterfall's own classification so the compare figures
// match the bars drawn under them.
import type { SpanRow } from '@hotpath/collector/api-types';
import { spanCategory } from './waterfall-span.ts';

/**
 * @example
 * callCounts(spans) // { modelCalls: 2, toolCalls: 3 }
 */
export function callCounts(spans: readonly Pick<SpanRow, 'operation' | 'cacheHit' | 'name'>[]): { modelCalls: number; toolCalls: number } {
  let modelCalls = 0;
  let toolCalls = 0;
  for (const span of spans) {
    const category = spanCategory(span);
    if (category === 'model') modelCalls++;
    else if (category === 'tool' || category === 'cache-hit') toolCalls++;
  }
  return { modelCalls, toolCalls };
}
