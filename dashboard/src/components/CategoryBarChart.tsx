'use client';
// A horizontal-category bar chart (calls per model, hits and misses per tool): one bar group per row.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

export function CategoryBarChart({
  rows,
  categoryKey,
  bars,
  stacked = false,
  testId,
}: {
  rows: Record<string, string | number>[];
  categoryKey: string;
  bars: { key: string; label: string; color: string }[];
  stacked?: boolean;
  testId?: string;
}) {
  if (rows.length === 0) return <div className="chart-empty">Nothing to chart in this window</div>;
  return (
    <div className="chart" data-testid={testId}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows}>
          <CartesianGrid stroke="#eef0f3" vertical={false} />
          <XAxis dataKey={categoryKey} tick={{ fontSize: 11, fill: '#667085' }} stroke="#d0d5dd" interval={0} />
          <YAxis allowDecimals={false} tick={{ fontSize: 11, fill: '#667085' }} stroke="#d0d5dd" width={48} />
          <Tooltip contentStyle={{ fontSize: 12, borderRadius: 6, borderColor: '#e4e7ec' }} cursor={{ fill: '#f2f4f7' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} iconType="square" iconSize={10} />
          {bars.map((bar) => (
            <Bar key={bar.key} dataKey={bar.key} name={bar.label} fill={bar.color} stackId={stacked ? 'stack' : undefined} isAnimationActive={false} maxBarSize={56} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
