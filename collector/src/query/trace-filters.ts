// The trace filters shared by the trace list and spend (docs/query-api.md): parsed from the query string, turned
// into drizzle conditions over the `traces` table.
import { and, eq, gt, gte, lte, sql, type SQL } from 'drizzle-orm';
import { traces } from '../storage/schema.ts';
import { invalid, type QueryParams } from './query-params.ts';

export interface TraceFilters {
  service?: string;
  agent?: string;
  model?: string;
  status?: 'ok' | 'error';
  minDurationMs?: number;
  maxDurationMs?: number;
  minTokens?: number;
  maxTokens?: number;
  from?: number;
  to?: number;
  q?: string;
  /** Root span attribute equals, from `attr.<key>=<value>`. */
  attributes: Map<string, string>;
}

/**
 * Reads the trace filters from the query string.
 *
 * @example
 * parseTraceFilters(new QueryParams(new URLSearchParams('service=support&status=error')));
 */
export function parseTraceFilters(params: QueryParams): TraceFilters {
  const filters: TraceFilters = {
    service: params.string('service'),
    agent: params.string('agent'),
    model: params.string('model'),
    status: params.oneOf('status', ['ok', 'error'] as const),
    minDurationMs: params.number('minDurationMs', { min: 0 }),
    maxDurationMs: params.number('maxDurationMs', { min: 0 }),
    minTokens: params.number('minTokens', { min: 0 }),
    maxTokens: params.number('maxTokens', { min: 0 }),
    from: params.time('from'),
    to: params.time('to'),
    q: params.string('q'),
    attributes: params.prefixed('attr.'),
  };
  for (const key of filters.attributes.keys()) {
    if (key.includes('"')) throw invalid(`attr.${key}`, 'attribute keys cannot contain a double quote');
  }
  return filters;
}

/**
 * drizzle conditions selecting the traces that match; `includeModel: false` leaves the model to the caller
 * (spend filters model calls by their own model instead).
 *
 * @example
 * db.select().from(traces).where(and(...traceConditions(filters)));
 */
export function traceConditions(filters: TraceFilters, options: { includeModel?: boolean } = {}): SQL[] {
  const conditions: (SQL | undefined)[] = [
    filters.service === undefined ? undefined : eq(traces.service, filters.service),
    filters.agent === undefined ? undefined : eq(traces.agent, filters.agent),
    filters.status === 'error' ? gt(traces.errorCount, 0) : undefined,
    filters.status === 'ok' ? eq(traces.errorCount, 0) : undefined,
    filters.minDurationMs === undefined ? undefined : gte(traces.durationMs, filters.minDurationMs),
    filters.maxDurationMs === undefined ? undefined : lte(traces.durationMs, filters.maxDurationMs),
    filters.minTokens === undefined ? undefined : gte(traces.totalTokens, filters.minTokens),
    filters.maxTokens === undefined ? undefined : lte(traces.totalTokens, filters.maxTokens),
    filters.from === undefined ? undefined : gte(traces.startMs, filters.from),
    filters.to === undefined ? undefined : lte(traces.startMs, filters.to),
    filters.q === undefined ? undefined : sql`instr(${traces.searchText}, ${filters.q.toLowerCase()}) > 0`,
    filters.model === undefined || options.includeModel === false
      ? undefined
      : sql`exists (select 1 from json_each(${traces.models}) where value = ${filters.model})`,
  ];
  for (const [key, value] of filters.attributes) {
    // Query strings carry text; a number or boolean attribute matches its spelling too.
    const typed = value === 'true' ? 1 : value === 'false' ? 0 : /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    conditions.push(
      sql`exists (select 1 from spans root where root.trace_id = ${traces.traceId} and root.span_id = ${traces.rootSpanId}
        and json_extract(root.attributes, ${`$."${key}"`}) in (${value}, ${typed}))`,
    );
  }
  return conditions.filter((condition): condition is SQL => condition !== undefined);
}

/**
 * `and(...)` of the conditions, or undefined when there are none.
 *
 * @example
 * db.select().from(traces).where(whereAll(traceConditions(filters)));
 */
export function whereAll(conditions: SQL[]): SQL | undefined {
  return conditions.length === 0 ? undefined : and(...conditions);
}
