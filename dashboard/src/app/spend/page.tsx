// Token spend: tokens and cost of model calls over time, by model, agent or service, with the prompt-cache share.
import type { Metadata } from 'next';
import { AggregateFrame } from '../../components/AggregateFrame.tsx';
import { RangeTabs } from '../../components/RangeTabs.tsx';
import { Segmented } from '../../components/Segmented.tsx';
import { SimulatedBadge } from '../../components/SimulatedBadge.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { TablePanel } from '../../components/TablePanel.tsx';
import { TimeSeriesChart } from '../../components/TimeSeriesChart.tsx';
import { GROUP_BYS, aggregateHref, parseAggregateQuery } from '../../lib/aggregate-query.ts';
import { formatBucketSize, formatCost, formatPercent, formatTokens } from '../../lib/format.ts';
import { seriesColor } from '../../lib/series-colors.ts';
import { cachedShareSeries, spendByGroup, spendSeries } from '../../lib/spend-series.ts';
import type { SearchParamsRecord } from '../../lib/trace-list-query.ts';
import { attempt } from '../../server/attempt.ts';
import { loadSpend } from '../../server/load-spend.ts';

export const metadata: Metadata = { title: 'Token spend' };

export default async function SpendPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const query = parseAggregateQuery(await searchParams);
  const data = await attempt(() => loadSpend(query, Date.now()));

  const controls = (
    <>
      <Segmented
        label="Group by"
        options={GROUP_BYS.map((groupBy) => ({ href: aggregateHref('/spend', query, { groupBy }), label: `By ${groupBy}`, current: query.groupBy === groupBy }))}
      />
      <RangeTabs path="/spend" query={query} />
    </>
  );
  if (!data.ok) return <AggregateFrame title="Token spend" controls={controls} error={data.error} />;
  const spend = data.value;
  const groups = spendByGroup(spend);
  const colors = new Map(spend.groups.map((group, index) => [group, seriesColor(index)]));

  return (
    <AggregateFrame
      title="Token spend"
      subtitle={`Model calls by ${query.groupBy}, in ${formatBucketSize(spend.bucketMs)} buckets`}
      controls={controls}
      simulated={{ share: spend.totals.simulatedShare, calls: 'model calls' }}
      empty={
        spend.totals.requests === 0
          ? { title: 'No model calls in this window', hint: <>Widen the time window, or send traces with <code>chat</code> spans.</> }
          : null
      }
    >
      <div className="stats">
        <StatCard testId="stat-tokens" label="Tokens" value={formatTokens(spend.totals.inputTokens + spend.totals.outputTokens)} hint={`${formatTokens(spend.totals.inputTokens)} in · ${formatTokens(spend.totals.outputTokens)} out`} />
        <StatCard testId="stat-cost" label="Cost" value={<>{formatCost(spend.totals.costUsd)} {spend.totals.simulatedShare > 0 ? <SimulatedBadge /> : null}</>} hint={`${formatCost(spend.totals.costUsd / Math.max(1, spend.totals.requests))} per call`} />
        <StatCard testId="stat-cached-share" label="Cached input" value={formatPercent(spend.totals.cachedShare)} hint={`${formatTokens(spend.totals.cachedInputTokens)} tokens from the prompt cache`} />
        <StatCard testId="stat-requests" label="Model calls" value={spend.totals.requests.toLocaleString('en-US')} hint={`${spend.groups.length} ${query.groupBy}${spend.groups.length === 1 ? '' : 's'}`} />
      </div>
      <div className="grid-2">
        <section className="panel">
          <div className="panel-title"><h2>Tokens by {query.groupBy}</h2></div>
          <TimeSeriesChart testId="chart-tokens" rows={spendSeries(spend, 'tokens')} series={spend.groups} format="tokens" bucketMs={spend.bucketMs} />
        </section>
        <section className="panel">
          <div className="panel-title"><h2>Cost by {query.groupBy}</h2></div>
          <TimeSeriesChart testId="chart-cost" rows={spendSeries(spend, 'costUsd')} series={spend.groups} format="cost" bucketMs={spend.bucketMs} />
        </section>
      </div>
      <div className="grid-2">
        <section className="panel">
          <div className="panel-title"><h2>Cached share of input tokens</h2></div>
          <TimeSeriesChart testId="chart-cached-share" rows={cachedShareSeries(spend)} series={['cachedShare']} names={{ cachedShare: 'cached share' }} format="percent" bucketMs={spend.bucketMs} />
        </section>
        <TablePanel
          title={<>Totals by {query.groupBy}</>}
          testId="spend-table"
          head={
            <tr>
              <th>{query.groupBy}</th>
              <th className="num">Calls</th>
              <th className="num">Input</th>
              <th className="num">Cached</th>
              <th className="num">Output</th>
              <th className="num">Cost</th>
              <th className="num">Share</th>
            </tr>
          }
        >
          {groups.map((row) => (
            <tr key={row.group}>
              <td>
                <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
                  <span className="cat-dot" style={{ background: colors.get(row.group) }} />
                  <span className="mono ellipsis" style={{ maxWidth: 200 }} title={row.group}>{row.group}</span>
                  {row.simulated ? <SimulatedBadge /> : null}
                </span>
              </td>
              <td className="num">{row.requests.toLocaleString('en-US')}</td>
              <td className="num">{formatTokens(row.inputTokens)}</td>
              <td className="num">{formatTokens(row.cachedInputTokens)}</td>
              <td className="num">{formatTokens(row.outputTokens)}</td>
              <td className="num">{formatCost(row.costUsd)}</td>
              <td className="num">{formatPercent(spend.totals.costUsd > 0 ? row.costUsd / spend.totals.costUsd : 0)}</td>
            </tr>
          ))}
        </TablePanel>
      </div>
    </AggregateFrame>
  );
}
