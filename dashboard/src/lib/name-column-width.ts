// The width of the span-name column for compared waterfalls: wide enough for the names both runs show (indent,
// toggle, dot, name and a "cached" badge) so they read without hovering, within limits that keep room for the bars.
// Estimated from character counts rather than measured, because the page renders on the server.
import type { SpanRow } from '@hotpath/collector/api-types';

/** Average advance of the 13px sans-serif names, in px (6.9 measured in Chromium on the fixture names, rounded up). */
const CHAR_PX = 7.2;
const INDENT_PX = 14;
/** Left padding, toggle, dot, gaps and right padding around a name. */
const CHROME_PX = 6 + 16 + 8 + 10 + 8;
const CACHED_BADGE_PX = 64;
export const NAME_COLUMN_MIN = 200;
export const NAME_COLUMN_MAX = 320;

/**
 * @example
 * nameColumnWidth([{ spanId: 'a', parentSpanId: null, name: 'invoke_agent support-desk', cacheHit: null }]) // 228
 */
export function nameColumnWidth(spans: readonly Pick<SpanRow, 'spanId' | 'parentSpanId' | 'name' | 'cacheHit'>[]): number {
  const parents = new Map(spans.map((span) => [span.spanId, span.parentSpanId]));
  let widest = 0;
  for (const span of spans) {
    let depth = 0;
    // Bounded walk: a cycle in untrusted parent ids must not hang the page.
    for (let parent = span.parentSpanId; parent && parents.has(parent) && depth < 24; parent = parents.get(parent) ?? null) depth++;
    const width = CHROME_PX + depth * INDENT_PX + [...span.name].length * CHAR_PX + (span.cacheHit === 'hit' ? CACHED_BADGE_PX : 0);
    widest = Math.max(widest, width);
  }
  return Math.round(Math.min(NAME_COLUMN_MAX, Math.max(NAME_COLUMN_MIN, widest)));
}
