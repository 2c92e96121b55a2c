// Spans as columns (api-types.ts `SpanColumns`): the compact form the waterfall loads pages and live updates in. A
// span costs a few numbers and string indexes instead of an object with repeated keys, and a name, model or parent
// id repeated across thousands of spans is sent once.
import type { SpanRecord } from '../storage/schema.ts';
import type { CacheOutcome, SpanColumns } from './api-types.ts';

/** What a row of the waterfall needs of a stored span. */
export type ColumnSpan = Pick<
  SpanRecord,
  | 'spanId'
  | 'parentSpanId'
  | 'name'
  | 'operation'
  | 'startMs'
  | 'durationMs'
  | 'statusCode'
  | 'simulated'
  | 'open'
  | 'model'
  | 'toolName'
  | 'inputTokens'
  | 'outputTokens'
  | 'costUsd'
  | 'cacheHit'
>;

export const cacheOutcomes: readonly CacheOutcome[] = ['hit', 'miss', 'shared', 'off'];
/** Longer names are cut in the columns (a hostile 100 KiB name would otherwise ride along with every page). */
export const maxColumnNameLength = 1024;

const round = (value: number) => Math.round(value * 1000) / 1000;

/**
 * Packs spans into columns; `base` is the earliest start unless given.
 *
 * @example
 * const columns = toSpanColumns(rows);
 * columns.strings[columns.names[0]]; // the first span's name
 */
export function toSpanColumns(spans: readonly ColumnSpan[], base?: number): SpanColumns {
  const strings: string[] = [];
  const index = new Map<string, number>();
  const intern = (value: string | null): number => {
    if (value === null) return -1;
    let found = index.get(value);
    if (found === undefined) {
      found = strings.push(value) - 1;
      index.set(value, found);
    }
    return found;
  };
  let origin = base ?? Infinity;
  if (base === undefined) for (const span of spans) origin = Math.min(origin, span.startMs);
  if (!Number.isFinite(origin)) origin = 0;
  const columns: SpanColumns = {
    base: origin,
    spanIds: [],
    parents: [],
    names: [],
    operations: [],
    starts: [],
    durations: [],
    flags: [],
    models: [],
    tools: [],
    tokens: [],
    costs: [],
    cacheHits: [],
    strings,
  };
  for (const span of spans) {
    const cut = span.name.length > maxColumnNameLength;
    columns.spanIds.push(span.spanId);
    columns.parents.push(intern(span.parentSpanId));
    columns.names.push(intern(cut ? span.name.slice(0, maxColumnNameLength) : span.name));
    columns.operations.push(intern(span.operation));
    columns.starts.push(round(span.startMs - origin));
    columns.durations.push(round(span.durationMs));
    columns.flags.push((span.statusCode === 2 ? 1 : 0) | (span.simulated === 1 ? 2 : 0) | (span.open === 1 ? 4 : 0) | (cut ? 8 : 0));
    columns.models.push(intern(span.model));
    columns.tools.push(intern(span.toolName));
    columns.tokens.push(span.inputTokens === null && span.outputTokens === null ? -1 : (span.inputTokens ?? 0) + (span.outputTokens ?? 0));
    columns.costs.push(span.costUsd);
    columns.cacheHits.push(span.cacheHit === null ? -1 : cacheOutcomes.indexOf(span.cacheHit as CacheOutcome));
  }
  return columns;
}
