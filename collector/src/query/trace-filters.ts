// The trace filters shared by the trace list and spend (docs/query-api.md): parsed from the query string, turned
// into drizzle conditions over the `traces` table.
import { and, eq, gt, gte, inArray, lte, type SQL } from 'drizzle-orm';
import { traces } from '../storage/schema.ts';
import { invalid, type QueryParams } from './query-params.ts';
import type { SqlDialect } from './query-store.ts';
import { parseSearchTerms, type SearchTerms } from './search-terms.ts';
import { attributeCondition, searchConditions } from './trace-search.ts';

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
  /** The search box (search-terms.ts): ids, `key=value` attributes, words. */
  search?: SearchTerms;
  /** Only these traces (live updates ask which of the traces a batch touched match the other filters). */
  traceIds?: string[];
}

const maxTraceIds = 500;

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
  const search = params.string('search');
  if (search !== undefined) filters.search = parseSearchTerms(search);
  const traceIds = params.string('traceIds');
  if (traceIds !== undefined) {
    const ids = traceIds.split(',').map((id) => id.trim().toLowerCase());
    if (ids.length > maxTraceIds || !ids.every((id) => /^[0-9a-f]{32}$/.test(id))) {
      throw invalid('traceIds', `expected up to ${maxTraceIds} comma-separated trace ids of 32 hex digits`);
    }
    filters.traceIds = ids;
  }
  return filters;
}

/**
 * drizzle conditions selecting the traces that match; `includeModel: false` leaves the model to the caller
 * (spend filters model calls by their own model instead).
 *
 * @example
 * store.db.select().from(traces).where(and(...traceConditions(store.dialect, filters)));
 */
export function traceConditions(dialect: SqlDialect, filters: TraceFilters, options: { includeModel?: boolean } = {}): SQL[] {
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
    filters.q === undefined ? undefined : dialect.contains(traces.searchText, filters.q.toLowerCase()),
    filters.model === undefined || options.includeModel === false ? undefined : dialect.jsonArrayHas(traces.models, filters.model),
  ];
  for (const [key, value] of filters.attributes) conditions.push(attributeCondition(dialect, key, value));
  if (filters.search) conditions.push(...searchConditions(dialect, filters.search));
  if (filters.traceIds) conditions.push(inArray(traces.traceId, filters.traceIds));
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
