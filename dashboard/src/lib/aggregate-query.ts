// URL parameters of the aggregate pages (spend, routing, cache): a time window and, for spend, the grouping.
import { TIME_RANGES, type SearchParamsRecord, type TimeRangeName } from './trace-list-query.ts';

export const GROUP_BYS = ['model', 'agent', 'service'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export interface AggregateQuery {
  range: TimeRangeName;
  groupBy: GroupBy;
}

/** The window aggregate pages open on: wide enough to hold a day's runs. */
export const DEFAULT_AGGREGATE_RANGE: TimeRangeName = '24h';

/**
 * Reads the window and grouping; unknown values fall back to the defaults.
 *
 * @example
 * parseAggregateQuery({ range: '1h', groupBy: 'agent' }) // { range: '1h', groupBy: 'agent' }
 */
export function parseAggregateQuery(params: SearchParamsRecord): AggregateQuery {
  const first = (key: string) => {
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const range = first('range');
  const groupBy = first('groupBy');
  return {
    range: range && Object.hasOwn(TIME_RANGES, range) ? (range as TimeRangeName) : DEFAULT_AGGREGATE_RANGE,
    groupBy: (GROUP_BYS as readonly string[]).includes(groupBy ?? '') ? (groupBy as GroupBy) : 'model',
  };
}

/**
 * The window's start (epoch ms) for a range at `now`, or undefined for all time.
 *
 * @example
 * windowStart('1h', 7_200_000) // 3_600_000
 */
export function windowStart(range: TimeRangeName, now: number): number | undefined {
  const length = TIME_RANGES[range];
  return length === null ? undefined : now - length;
}

/**
 * A link to an aggregate page with one parameter changed, defaults left out.
 *
 * @example
 * aggregateHref('/spend', { range: '24h', groupBy: 'model' }, { groupBy: 'agent' }) // '/spend?groupBy=agent'
 */
export function aggregateHref(path: string, query: AggregateQuery, change: Partial<AggregateQuery>): string {
  const next = { ...query, ...change };
  const params = new URLSearchParams();
  if (next.range !== DEFAULT_AGGREGATE_RANGE) params.set('range', next.range);
  if (next.groupBy !== 'model') params.set('groupBy', next.groupBy);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}
