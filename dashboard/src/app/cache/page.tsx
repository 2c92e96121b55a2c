// Tool cache: hits, misses and shared in-flight calls per tool, the calls made with the cache off (so the columns
// add up to the calls), and the time the cache saved.
import type { Metadata } from 'next';
import type { CacheResponse } from '@hotpath/collector/api-types';
import { AggregateFrame } from '../../components/AggregateFrame.tsx';
import { CategoryBarChart } from '../../components/CategoryBarChart.tsx';
import { RangeTabs } from '../../components/RangeTabs.tsx';
import { SimulatedBadge } from '../../components/SimulatedBadge.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { TablePanel } from '../../components/TablePanel.tsx';
import { parseAggregateQuery, windowStart } from '../../lib/aggregate-query.ts';
import { cacheCallSplit, cacheHitRate } from '../../lib/cache-hit-rate.ts';
import { formatDuration, formatPercent } from '../../lib/format.ts';
import type { SearchParamsRecord } from '../../lib/trace-list-query.ts';
import { attempt } from '../../server/attempt.ts';
import { queryCollector } from '../../server/collector-client.ts';

export const metadata: Metadata = { title: 'Cache' };

export default async function CachePage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const query = parseAggregateQuery(await searchParams);
  const from = windowStart(query.range, Date.now());
  const data = await attempt(() => queryCollector<CacheResponse>('/api/cache', { from }));
  const controls = <RangeTabs path="/cache" query={query} />;
  if (!data.ok) return <AggregateFrame title="Tool cache" controls={controls} error={data.error} />;
  const cache = data.value;
  const { totals } = cache;
  const tools = [...cache.tools].sort((a, b) => b.savedMs - a.savedMs || b.calls - a.calls);
  const split = cacheCallSplit(totals);
  const count = (value: number) => value.toLocaleString('en-US');

  return (
    <AggregateFrame
      title="Tool cache"
      subtitle="Idempotent tool calls answered from the cache instead of running again"
      controls={controls}
      simulated={{ share: cache.simulatedShare, calls: 'tool calls' }}
      empty={
        totals.calls === 0
          ? {
              title: 'No tool calls in this window',
              hint: <>Tool calls report <code>hotpath.cache.hit</code> (hit, miss, shared) on their <code>execute_tool</code> span when the tool is cached.</>,
            }
          : null
      }
    >
      <div className="stats">
        <StatCard
          testId="stat-hit-rate"
          label="Hit rate"
          value={formatPercent(totals.hitRate)}
          hint={`${count(split.served)} of ${count(split.throughCache)} calls through the cache served without running`}
          tone={totals.hitRate > 0 ? 'good' : undefined}
        />
        <StatCard testId="stat-saved" label="Time saved" value={formatDuration(totals.savedMs)} hint="run time of the executions reused" tone={totals.savedMs > 0 ? 'good' : undefined} />
        <StatCard testId="stat-misses" label="Misses" value={count(totals.misses)} hint={`executed and stored · ${count(totals.shared)} more joined an identical running call`} />
        <StatCard
          testId="stat-cache-off"
          label="Cache off"
          value={count(split.cacheOff)}
          hint={`of ${count(totals.calls)} tool calls ran with no cache (not counted in the hit rate)`}
        />
      </div>
      <div className="grid-2">
        <section className="panel">
          <div className="panel-title"><h2>Calls per tool</h2></div>
          <CategoryBarChart
            testId="chart-cache"
            rows={tools.map((tool) => ({ tool: tool.toolName, hits: tool.hits, shared: tool.shared, misses: tool.misses, off: cacheCallSplit(tool).cacheOff }))}
            categoryKey="tool"
            bars={[
              { key: 'hits', label: 'hits', color: 'var(--cache-hit)' },
              { key: 'shared', label: 'shared', color: 'var(--chart-shared)' },
              { key: 'misses', label: 'misses', color: 'var(--tool)' },
              { key: 'off', label: 'cache off', color: 'var(--chart-quiet-2)' },
            ]}
            stacked
          />
        </section>
        <TablePanel
          title="Per tool"
          testId="cache-table"
          note={<span className="cell-sub">calls = hits + shared + misses + cache off</span>}
          head={
            <tr>
              <th>Tool</th><th className="num">Calls</th><th className="num">Hits</th><th className="num">Shared</th><th className="num">Misses</th>
              <th className="num">Cache off</th><th>Hit rate</th><th className="num">Saved</th>
            </tr>
          }
        >
          {tools.map((tool) => {
            const rate = cacheHitRate(tool);
            const { throughCache, cacheOff } = cacheCallSplit(tool);
            return (
              <tr key={tool.toolName}>
                <td>
                  <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                    <span className="mono ellipsis" style={{ maxWidth: 220 }} title={tool.toolName}>{tool.toolName}</span>
                    {tool.simulated ? <SimulatedBadge /> : null}
                  </span>
                </td>
                <td className="num">{tool.calls.toLocaleString('en-US')}</td>
                <td className="num">{tool.hits.toLocaleString('en-US')}</td>
                <td className="num">{tool.shared.toLocaleString('en-US')}</td>
                <td className="num">{tool.misses.toLocaleString('en-US')}</td>
                <td className="num">{count(cacheOff)}</td>
                <td>
                  {throughCache > 0 ? (
                    <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
                      <div className="bar-inline" style={{ width: 80 }} role="img" aria-label={`hit rate ${formatPercent(rate)}`}><span style={{ width: `${rate * 100}%` }} /></div>
                      <span className="cell-sub">{formatPercent(rate)}</span>
                    </div>
                  ) : (
                    <span className="cell-sub">cache off</span>
                  )}
                </td>
                <td className="num">{formatDuration(tool.savedMs)}</td>
              </tr>
            );
          })}
        </TablePanel>
      </div>
    </AggregateFrame>
  );
}
