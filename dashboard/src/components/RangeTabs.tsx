// The time-window switch of the aggregate pages.
import { aggregateHref, type AggregateQuery } from '../lib/aggregate-query.ts';
import { TIME_RANGES, type TimeRangeName } from '../lib/trace-list-query.ts';
import { Segmented } from './Segmented.tsx';

const LABELS: Record<TimeRangeName, string> = { '15m': '15m', '1h': '1h', '6h': '6h', '24h': '24h', '7d': '7d', all: 'All' };

export function RangeTabs({ path, query }: { path: string; query: AggregateQuery }) {
  return (
    <Segmented
      label="Time window"
      options={(Object.keys(TIME_RANGES) as TimeRangeName[]).map((range) => ({
        href: aggregateHref(path, query, { range }),
        label: LABELS[range],
        current: query.range === range,
      }))}
    />
  );
}
