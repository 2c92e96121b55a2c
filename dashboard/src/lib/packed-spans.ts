// The waterfall's spans as they cross from the server to the browser: columns instead of objects, repeated
// strings (span names, models, tools, parent ids) stored once, times as offsets from the trace start. A
// 20,000-span trace packs into about a fifth of its object form, which is most of the page's weight.
import type { CacheOutcome, SpanRow } from '@hotpath/collector/api-types';
import { toWaterfallSpan, type SpanCategory, type WaterfallSpan } from './waterfall-span.ts';

const CATEGORIES: readonly SpanCategory[] = ['agent', 'model', 'tool', 'cache-hit', 'routing', 'other'];
const CACHE_OUTCOMES: readonly CacheOutcome[] = ['hit', 'miss', 'shared', 'off'];
const ERROR = 1;
const SIMULATED = 2;
const RUNNING = 4;

export interface PackedSpans {
  /** Epoch ms every offset is relative to. */
  base: number;
  spanIds: string[];
  /** Index into `strings` of the parent span id, or -1 for a root. */
  parents: number[];
  names: number[];
  categories: number[];
  /** Start offsets from `base` and durations, in ms rounded to microseconds. */
  starts: number[];
  durations: number[];
  /** Bit field: 1 error, 2 simulated, 4 running (a start record). */
  flags: number[];
  /** Index into `strings`, or -1. */
  models: number[];
  tools: number[];
  /** -1 when unknown. */
  tokens: number[];
  costs: (number | null)[];
  /** Index into the cache outcomes, or -1. */
  cacheHits: number[];
  strings: string[];
}

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Packs query API spans for the waterfall.
 *
 * @example
 * <Waterfall packed={packSpans(spans)} … />
 */
export function packSpans(spans: readonly SpanRow[]): PackedSpans {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (value: string | null) => {
    if (value === null) return -1;
    let found = index.get(value);
    if (found === undefined) {
      found = strings.push(value) - 1;
      index.set(value, found);
    }
    return found;
  };
  const base = spans.reduce((min, span) => Math.min(min, span.startTime), spans.length ? Infinity : 0);
  const packed: PackedSpans = { base, spanIds: [], parents: [], names: [], categories: [], starts: [], durations: [], flags: [], models: [], tools: [], tokens: [], costs: [], cacheHits: [], strings };
  for (const row of spans) {
    const span = toWaterfallSpan(row);
    packed.spanIds.push(span.spanId);
    packed.parents.push(intern(span.parentSpanId));
    packed.names.push(intern(span.name));
    packed.categories.push(CATEGORIES.indexOf(span.category));
    packed.starts.push(round(span.start - base));
    packed.durations.push(round(span.end - span.start));
    packed.flags.push((span.error ? ERROR : 0) | (span.simulated ? SIMULATED : 0) | (span.running ? RUNNING : 0));
    packed.models.push(intern(span.model));
    packed.tools.push(intern(span.toolName));
    packed.tokens.push(span.tokens ?? -1);
    packed.costs.push(span.costUsd);
    packed.cacheHits.push(span.cacheHit === null ? -1 : CACHE_OUTCOMES.indexOf(span.cacheHit));
  }
  return packed;
}

/**
 * Unpacks spans in the browser.
 *
 * @example
 * const spans = useMemo(() => unpackSpans(packed), [packed]);
 */
export function unpackSpans(packed: PackedSpans): WaterfallSpan[] {
  const text = (at: number) => (at < 0 ? null : packed.strings[at] ?? null);
  return packed.spanIds.map((spanId, at) => {
    const start = packed.base + packed.starts[at]!;
    const cacheHit = packed.cacheHits[at]!;
    const tokens = packed.tokens[at]!;
    return {
      spanId,
      parentSpanId: text(packed.parents[at]!),
      name: text(packed.names[at]!) ?? '',
      category: CATEGORIES[packed.categories[at]!] ?? 'other',
      start,
      end: start + packed.durations[at]!,
      error: (packed.flags[at]! & ERROR) !== 0,
      inProgress: false,
      running: (packed.flags[at]! & RUNNING) !== 0,
      model: text(packed.models[at]!),
      toolName: text(packed.tools[at]!),
      tokens: tokens < 0 ? null : tokens,
      costUsd: packed.costs[at] ?? null,
      cacheHit: cacheHit < 0 ? null : CACHE_OUTCOMES[cacheHit] ?? null,
      simulated: (packed.flags[at]! & SIMULATED) !== 0,
    };
  });
}
