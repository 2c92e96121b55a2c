'use client';
// A bar chart over named categories (calls per model, hits and misses per tool), drawn horizontally so long
// names stay readable.
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const MAX_LABEL = 18;
const truncate = (value: unknown) => {
  const text = String(value);
  return text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text;
};

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
        <BarChart data={rows} layout="vertical" margin={{ left: 8, right: 16 }}>
          <CartesianGrid stroke="var(--rule)" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11, fill: 'var(--muted)' }} stroke="var(--border-strong)" />
          <YAxis type="category" dataKey={categoryKey} tickFormatter={truncate} tick={{ fontSize: 11, fill: 'var(--text-2)' }} stroke="var(--border-strong)" width={130} interval={0} />
          <Tooltip cursor={{ fill: 'var(--track)' }} />
          <Legend wrapperStyle={{ fontSize: 12 }} iconType="square" iconSize={10} />
          {bars.map((bar) => (
            <Bar key={bar.key} dataKey={bar.key} name={bar.label} fill={bar.color} stackId={stacked ? 'stack' : undefined} isAnimationActive={false} maxBarSize={22} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
