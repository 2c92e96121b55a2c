'use client';
// A stacked bar chart of one metric over time buckets, one colour per group (spend by model, by agent…).
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCost, formatPercent, formatTokens } from '../lib/format.ts';
import { seriesColor } from '../lib/series-colors.ts';

export type ValueFormat = 'tokens' | 'cost' | 'percent';

const FORMATTERS: Record<ValueFormat, (value: number) => string> = { tokens: formatTokens, cost: formatCost, percent: formatPercent };

function timeLabel(bucketMs: number) {
  return (start: number) => {
    const iso = new Date(start).toISOString();
    return bucketMs >= 86_400_000 ? iso.slice(5, 10) : bucketMs >= 60_000 ? iso.slice(11, 16) : iso.slice(11, 19);
  };
}

export function TimeSeriesChart({
  rows,
  series,
  format,
  bucketMs,
  names = {},
  testId,
}: {
  rows: Record<string, number | null>[];
  series: string[];
  format: ValueFormat;
  bucketMs: number;
  /** Display names for series keys that are not meant for people. */
  names?: Record<string, string>;
  testId?: string;
}) {
  if (rows.length === 0) return <div className="chart-empty">No model calls in this window</div>;
  const formatValue = FORMATTERS[format];
  const label = timeLabel(bucketMs);
  return (
    <div className="chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows}>
          <CartesianGrid stroke="var(--rule)" vertical={false} />
          <XAxis dataKey="start" tickFormatter={label} tick={{ fontSize: 11, fill: 'var(--muted)' }} stroke="var(--border-strong)" minTickGap={24} />
          <YAxis domain={format === 'percent' ? [0, 1] : undefined} tickFormatter={(value: number) => formatValue(value)} tick={{ fontSize: 11, fill: 'var(--muted)' }} stroke="var(--border-strong)" width={70} />
          <Tooltip
            labelFormatter={(value) => `${new Date(Number(value)).toISOString().replace('T', ' ').slice(0, 19)} UTC`}
            formatter={(value) => formatValue(Number(value))}
          />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} iconType="square" iconSize={10} /> : null}
          {series.map((name, index) => (
            <Bar key={name} dataKey={name} name={names[name] ?? name} stackId="stack" fill={seriesColor(index)} isAnimationActive={false} maxBarSize={48} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
