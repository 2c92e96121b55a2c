// Routing decisions: which model each routed step went to and why, per-model calls, latency and cost, and
// escalations to a stronger model.
import type { Metadata } from 'next';
import Link from 'next/link';
import type { RoutingResponse } from '@hotpath/collector/api-types';
import { AggregateFrame } from '../../components/AggregateFrame.tsx';
import { CategoryBarChart } from '../../components/CategoryBarChart.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { RangeTabs } from '../../components/RangeTabs.tsx';
import { SimulatedBadge } from '../../components/SimulatedBadge.tsx';
import { StatCard } from '../../components/StatCard.tsx';
import { TablePanel } from '../../components/TablePanel.tsx';
import { parseAggregateQuery, windowStart } from '../../lib/aggregate-query.ts';
import { formatCost, formatDuration, formatPercent, formatTimestamp, formatTokens, shortId } from '../../lib/format.ts';
import type { SearchParamsRecord } from '../../lib/trace-list-query.ts';
import { attempt } from '../../server/attempt.ts';
import { queryCollector } from '../../server/collector-client.ts';

export const metadata: Metadata = { title: 'Routing' };

/** Decisions listed on the page; the collector answers up to 500. */
const SHOWN_DECISIONS = 200;

export default async function RoutingPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const query = parseAggregateQuery(await searchParams);
  const from = windowStart(query.range, Date.now());
  const data = await attempt(() => queryCollector<RoutingResponse>('/api/routing', { from }));
  const controls = <RangeTabs path="/routing" query={query} />;
  if (!data.ok) return <AggregateFrame title="Routing" controls={controls} error={data.error} />;
  const routing = data.value;
  const totalCalls = routing.models.reduce((sum, model) => sum + model.calls, 0);
  const routedCalls = routing.models.reduce((sum, model) => sum + model.routed, 0);
  // Labelled only where the row's own calls include simulated ones: the same model may also run for real.
  const modelBadge = (model: string, simulated: boolean) => (
    <span style={{ display: 'inline-flex', gap: 6, alignItems: 'center' }}>
      <span className="badge badge-model">{model}</span>
      {simulated ? <SimulatedBadge /> : null}
    </span>
  );

  return (
    <AggregateFrame
      title="Routing"
      subtitle="Which model each step went to, and why"
      controls={controls}
      simulated={{ share: routing.simulatedShare, calls: 'model calls' }}
      empty={
        totalCalls === 0
          ? {
              title: 'No model calls in this window',
              hint: (
                <>
                  Routed calls carry <code>hotpath.route.model</code>, <code>hotpath.route.rule</code> and <code>hotpath.route.reason</code> on their{' '}
                  <code>chat</code> span.
                </>
              ),
            }
          : null
      }
    >
      <div className="stats">
        <StatCard testId="stat-decisions" label="Routed calls" value={routedCalls.toLocaleString('en-US')} hint={`${formatPercent(routedCalls / totalCalls)} of ${totalCalls.toLocaleString('en-US')} model calls`} />
        <StatCard testId="stat-escalations" label="Escalations" value={routing.escalations.toLocaleString('en-US')} hint="steps retried on a stronger model" />
        <StatCard label="Models" value={routing.models.length} hint={<span title={routing.models.map((model) => model.model).join(', ')}>{routing.models.map((model) => model.model).join(', ')}</span>} />
        <StatCard label="Rules" value={routing.rules.length} hint={`${new Set(routing.rules.map((rule) => rule.rule)).size} distinct`} />
      </div>
      <div className="grid-2">
        <section className="panel">
          <div className="panel-title"><h2>Calls per model</h2></div>
          <CategoryBarChart
            testId="chart-models"
            rows={routing.models.map((model) => ({ model: model.model, routed: model.routed, other: model.calls - model.routed }))}
            categoryKey="model"
            bars={[
              { key: 'routed', label: 'routed', color: '#4f46e5' },
              { key: 'other', label: 'not routed', color: 'var(--chart-quiet)' },
            ]}
            stacked
          />
        </section>
        <TablePanel
          title="Rules"
          testId="rules-table"
          head={<tr><th>Rule</th><th>Model</th><th className="num">Decisions</th></tr>}
        >
          {routing.rules.map((rule) => (
            <tr key={`${rule.rule}\u0000${rule.model}`}>
              <td className="mono">{rule.rule}</td>
              <td>{modelBadge(rule.model, rule.simulated)}</td>
              <td className="num">{rule.count.toLocaleString('en-US')}</td>
            </tr>
          ))}
        </TablePanel>
      </div>
      <TablePanel
        title="Models"
        testId="models-table"
        head={
          <tr>
            <th>Model</th><th className="num">Calls</th><th className="num">Routed</th><th className="num">Avg latency</th><th className="num">p50</th>
            <th className="num">p95</th><th className="num">Input</th><th className="num">Output</th><th className="num">Cost</th>
          </tr>
        }
      >
        {routing.models.map((model) => (
          <tr key={model.model}>
            <td>{modelBadge(model.model, model.simulated)}</td>
            <td className="num">{model.calls.toLocaleString('en-US')}</td>
            <td className="num">{model.routed.toLocaleString('en-US')}</td>
            <td className="num">{formatDuration(model.avgLatencyMs)}</td>
            <td className="num">{formatDuration(model.p50LatencyMs)}</td>
            <td className="num">{formatDuration(model.p95LatencyMs)}</td>
            <td className="num">{formatTokens(model.inputTokens)}</td>
            <td className="num">{formatTokens(model.outputTokens)}</td>
            <td className="num">{formatCost(model.costUsd)}</td>
          </tr>
        ))}
      </TablePanel>
      <TablePanel
        title="Decisions"
        note={<span className="cell-sub">newest first{routing.decisions.length > SHOWN_DECISIONS ? `, ${SHOWN_DECISIONS} of ${routing.decisions.length}` : ''}</span>}
        testId="decisions-table"
        head={
          <tr>
            <th>Time (UTC)</th><th>Trace</th><th>Model</th><th>Candidates</th><th>Rule</th><th>Reason</th>
            <th className="num">Latency</th><th className="num">Cost</th><th />
          </tr>
        }
        empty={routing.decisions.length === 0 ? <EmptyState title="No routed calls in this window">Model calls here were made without a router.</EmptyState> : undefined}
      >
        {routing.decisions.slice(0, SHOWN_DECISIONS).map((decision) => (
          <tr key={decision.spanId}>
            <td className="mono">{formatTimestamp(decision.time).slice(11)}</td>
            <td>
              <Link className="mono" href={`/traces/${encodeURIComponent(decision.traceId)}?span=${encodeURIComponent(decision.spanId)}`}>
                {shortId(decision.traceId)}
              </Link>
              {decision.simulated ? <> <SimulatedBadge /></> : null}
            </td>
            <td><span className="badge badge-model">{decision.model}</span></td>
            <td className="cell-sub mono">{decision.candidates.join(', ')}</td>
            <td className="mono">{decision.rule ?? '—'}</td>
            <td className="ellipsis" style={{ maxWidth: 320 }} title={decision.reason ?? undefined}>{decision.reason ?? '—'}</td>
            <td className="num">{formatDuration(decision.latencyMs)}</td>
            <td className="num">{formatCost(decision.costUsd)}</td>
            <td>{decision.escalated ? <span className="badge badge-error">escalated</span> : null}</td>
          </tr>
        ))}
      </TablePanel>
    </AggregateFrame>
  );
}
