// The traces page's URL parameters: parsed and validated once, turned into collector query parameters, and
// written back into links (sort headers, pagination, filters) so every view of the list can be shared.
import { InvalidParameterError } from './dashboard-error.ts';

/** Time windows offered by the range filter, in milliseconds (null: all time). */
export const TIME_RANGES = { '15m': 15 * 60_000, '1h': 3_600_000, '6h': 6 * 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, all: null } as const;
export type TimeRangeName = keyof typeof TIME_RANGES;

export const SORT_KEYS = ['start', 'duration', 'tokens', 'cost'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export interface TraceListQuery {
  service: string;
  agent: string;
  model: string;
  status: '' | 'ok' | 'error';
  minDurationMs: number | null;
  maxDurationMs: number | null;
  minTokens: number | null;
  maxTokens: number | null;
  range: TimeRangeName;
  q: string;
  sort: SortKey;
  order: 'asc' | 'desc';
  cursor: string;
}

/** Next.js page `searchParams`, once awaited. */
export type SearchParamsRecord = Record<string, string | string[] | undefined>;

export const DEFAULT_TRACE_LIST_QUERY: TraceListQuery = {
  service: '',
  agent: '',
  model: '',
  status: '',
  minDurationMs: null,
  maxDurationMs: null,
  minTokens: null,
  maxTokens: null,
  range: 'all',
  q: '',
  sort: 'start',
  order: 'desc',
  cursor: '',
};

/**
 * Reads the list's filters from the URL. Values that cannot be used are dropped and reported, so one bad
 * parameter in a pasted link still shows the list.
 *
 * @example
 * parseTraceListQuery({ status: 'error', minDurationMs: '500', sort: 'duration' }).query.minDurationMs // 500
 */
export function parseTraceListQuery(params: SearchParamsRecord): { query: TraceListQuery; errors: InvalidParameterError[] } {
  const errors: InvalidParameterError[] = [];
  const text = (key: string): string => {
    const value = params[key];
    return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
  };
  const number = (key: string): number | null => {
    const raw = text(key);
    if (raw === '') return null;
    const value = Number(raw);
    if (!Number.isFinite(value) || value < 0) {
      errors.push(new InvalidParameterError(key, `${key} must be a number of at least 0, not "${raw}".`));
      return null;
    }
    return value;
  };
  const oneOf = <T extends string>(key: string, allowed: readonly T[], fallback: T): T => {
    const raw = text(key);
    if (raw === '') return fallback;
    if ((allowed as readonly string[]).includes(raw)) return raw as T;
    errors.push(new InvalidParameterError(key, `${key} must be one of ${allowed.filter(Boolean).join(', ')}, not "${raw}".`));
    return fallback;
  };
  const query: TraceListQuery = {
    service: text('service'),
    agent: text('agent'),
    model: text('model'),
    status: oneOf('status', ['', 'ok', 'error'] as const, ''),
    minDurationMs: number('minDurationMs'),
    maxDurationMs: number('maxDurationMs'),
    minTokens: number('minTokens'),
    maxTokens: number('maxTokens'),
    range: oneOf('range', Object.keys(TIME_RANGES) as TimeRangeName[], 'all'),
    q: text('q'),
    sort: oneOf('sort', SORT_KEYS, 'start'),
    order: oneOf('order', ['asc', 'desc'] as const, 'desc'),
    cursor: text('cursor'),
  };
  return { query, errors };
}

/**
 * The collector `GET /api/traces` parameters for a list query, with the time window resolved against `now`.
 *
 * @example
 * collectorTraceParams({ ...DEFAULT_TRACE_LIST_QUERY, range: '1h' }, 7_200_000).from // 3_600_000
 */
export function collectorTraceParams(query: TraceListQuery, now: number, limit = 50): Record<string, string | number | undefined> {
  const window = TIME_RANGES[query.range];
  return {
    service: query.service || undefined,
    agent: query.agent || undefined,
    model: query.model || undefined,
    status: query.status || undefined,
    minDurationMs: query.minDurationMs ?? undefined,
    maxDurationMs: query.maxDurationMs ?? undefined,
    minTokens: query.minTokens ?? undefined,
    maxTokens: query.maxTokens ?? undefined,
    from: window === null ? undefined : now - window,
    // The search box (ids, key=value attributes, words in names and error messages): the collector's `search`.
    search: query.q || undefined,
    sort: query.sort,
    order: query.order,
    limit,
    cursor: query.cursor || undefined,
  };
}

/**
 * A link to the list with some parameters changed; defaults are left out so links stay short. Changing
 * anything but the cursor starts again from the first page.
 *
 * @example
 * traceListHref(query, { sort: 'duration', order: 'desc' }) // '/?sort=duration'
 */
export function traceListHref(query: TraceListQuery, changes: Partial<TraceListQuery>, path = '/'): string {
  const next: TraceListQuery = { ...query, ...changes };
  if (!('cursor' in changes)) next.cursor = '';
  const params = new URLSearchParams();
  for (const key of Object.keys(DEFAULT_TRACE_LIST_QUERY) as (keyof TraceListQuery)[]) {
    const value = next[key];
    if (value === null || value === '' || value === DEFAULT_TRACE_LIST_QUERY[key]) continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

/**
 * The order a column header link should ask for: flips the current order on the active column, otherwise
 * descending (largest, slowest, newest first).
 *
 * @example
 * nextSortOrder({ ...DEFAULT_TRACE_LIST_QUERY, sort: 'cost', order: 'desc' }, 'cost') // 'asc'
 */
export function nextSortOrder(query: Pick<TraceListQuery, 'sort' | 'order'>, column: SortKey): 'asc' | 'desc' {
  return query.sort === column && query.order === 'desc' ? 'asc' : 'desc';
}

/**
 * Whether any filter narrows the list (used to tell "no traces yet" from "no traces match").
 *
 * @example
 * hasFilters(DEFAULT_TRACE_LIST_QUERY) // false
 */
export function hasFilters(query: TraceListQuery): boolean {
  const { sort: _sort, order: _order, cursor: _cursor, ...filters } = query;
  return Object.entries(filters).some(([key, value]) => value !== DEFAULT_TRACE_LIST_QUERY[key as keyof TraceListQuery]);
}
