'use client';
// The traces table: sortable headers, one row per trace linking to its waterfall, kept live (new and changed traces
// merged in, use-live-trace-list.ts) with new arrivals flashed, and a pick-two selection that opens the compare view.
import Link from 'next/link';
import { useEffect, useRef, useState } from 'react';
import type { TraceSummary } from '@hotpath/collector/api-types';
import { formatAgo, formatCost, formatDuration, formatTimestamp, formatTokens, shortId } from '../lib/format.ts';
import { nextSortOrder, traceListHref, type SortKey, type TraceListQuery } from '../lib/trace-list-query.ts';
import { SimulatedBadge } from './SimulatedBadge.tsx';
import { useLiveTraceList } from './use-live-trace-list.ts';
import { quietOutcomesText } from '../lib/quiet-outcomes.ts';

function SortHeader({ query, column, label }: { query: TraceListQuery; column: SortKey; label: string }) {
  const active = query.sort === column;
  const arrow = active ? (query.order === 'desc' ? ' ↓' : ' ↑') : '';
  return (
    <th className="num" aria-sort={active ? (query.order === 'desc' ? 'descending' : 'ascending') : 'none'}>
      <Link className={active ? 'active' : undefined} href={traceListHref(query, { sort: column, order: nextSortOrder(query, column) })}>
        {label}
        {arrow}
      </Link>
    </th>
  );
}

export interface TracesTableProps {
  traces: TraceSummary[];
  query: TraceListQuery;
  now: number;
  /** The collector parameters the page was read with: live updates ask for changed traces under the same filters. */
  collectorParams: Record<string, string | number | undefined>;
  pageSize: number;
  /** On a later page new traces are counted and linked here instead of shifting the page. */
  newestHref?: string;
}

export function TracesTable({ traces: initial, query, now, collectorParams, pageSize, newestHref }: TracesTableProps) {
  const firstPage = newestHref === undefined;
  const { rows: traces, connected, pending } = useLiveTraceList(initial, collectorParams, { sort: query.sort, order: query.order, pageSize, firstPage });
  const [selected, setSelected] = useState<string[]>([]);
  // Rows not in the previous render arrived live: flash them once.
  const seen = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  useEffect(() => {
    const ids = traces.map((trace) => trace.traceId);
    if (seen.current) setFresh(new Set(ids.filter((id) => !seen.current!.has(id))));
    seen.current = new Set([...(seen.current ?? []), ...ids]);
  }, [traces]);
  const maxDuration = Math.max(1, ...traces.map((trace) => trace.durationMs));

  const toggle = (traceId: string) =>
    setSelected((current) => (current.includes(traceId) ? current.filter((id) => id !== traceId) : [...current, traceId].slice(-2)));

  const badge = (
    <span className="badge badge-muted badge-flex" data-testid="live-status" data-connected={connected} title={connected ? 'New traces appear as they arrive' : 'Reconnecting to the collector…'}>
      <span className={`dot ${connected ? 'dot-live' : 'dot-off'}`} />
      {connected ? (pending > 0 ? `${pending} new · show newest` : 'Live') : 'Offline'}
    </span>
  );
  return (
    <>
      <div className="list-live">{pending > 0 && newestHref ? <Link href={newestHref}>{badge}</Link> : badge}</div>
      {selected.length > 0 ? (
        <div className="selection-bar" data-testid="compare-selection">
          {selected.length === 1 ? 'Pick one more trace to compare' : 'Two traces picked'}
          {selected.length === 2 ? (
            <Link className="btn btn-sm btn-primary" href={`/compare?a=${encodeURIComponent(selected[0]!)}&b=${encodeURIComponent(selected[1]!)}`}>
              Compare A → B
            </Link>
          ) : null}
          <button type="button" className="btn btn-sm" onClick={() => setSelected([])}>Clear</button>
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="data" data-testid="traces-table">
          <thead>
            <tr>
              <th style={{ width: 28 }} aria-label="Pick for compare" />
              <th>Trace</th>
              <th>Agent</th>
              <th>Models</th>
              <SortHeader query={query} column="start" label="Started" />
              <SortHeader query={query} column="duration" label="Duration" />
              <th className="num">Spans</th>
              <SortHeader query={query} column="tokens" label="Tokens" />
              <SortHeader query={query} column="cost" label="Cost" />
              <th>Status</th>
            </tr>
          </thead>
          <tbody>
            {traces.map((trace) => {
              const href = `/traces/${encodeURIComponent(trace.traceId)}`;
              const pick = selected.indexOf(trace.traceId);
              return (
                <tr key={trace.traceId} className={fresh.has(trace.traceId) ? 'row-new' : undefined} data-trace-id={trace.traceId}>
                  <td>
                    <input
                      type="checkbox"
                      className="checkbox"
                      aria-label={`Pick ${trace.name} for compare`}
                      checked={pick !== -1}
                      onChange={() => toggle(trace.traceId)}
                    />
                  </td>
                  <td style={{ maxWidth: 300 }}>
                    <Link href={href} className="trace-name" title={trace.name}>{trace.name}</Link>
                    <div className="cell-sub sub-line">
                      <span className="mono" title={trace.traceId}>{shortId(trace.traceId)}</span>
                      {trace.service ? <span title={trace.service}>{trace.service}</span> : null}
                      {trace.simulated ? <SimulatedBadge /> : null}
                      {trace.inProgress ? <span className="badge badge-progress">in progress</span> : null}
                      {typeof trace.attributes['hotpath.workload.variant'] === 'string' ? (
                        <span className="badge badge-muted" title={trace.attributes['hotpath.workload.variant']}>{trace.attributes['hotpath.workload.variant']}</span>
                      ) : null}
                    </div>
                  </td>
                  <td className="ellipsis" style={{ maxWidth: 130 }}>{trace.agent ?? <span className="cell-sub">—</span>}</td>
                  <td style={{ maxWidth: 160 }}>
                    <div style={{ display: 'flex', gap: 4, flexWrap: 'wrap' }}>
                      {trace.models.slice(0, 3).map((model) => (
                        <span key={model} className="badge badge-model" style={{ maxWidth: 140 }} title={model}>{model}</span>
                      ))}
                      {trace.models.length > 3 ? <span className="cell-sub">+{trace.models.length - 3}</span> : null}
                    </div>
                  </td>
                  <td className="num" title={formatTimestamp(trace.startTime)}>
                    {formatAgo(trace.startTime, now)}
                  </td>
                  <td className="num">
                    <div>{formatDuration(trace.durationMs)}</div>
                    <div className="bar-inline" style={{ marginLeft: 'auto', width: 80 }}>
                      <span style={{ width: `${(trace.durationMs / maxDuration) * 100}%`, background: 'var(--model)' }} />
                    </div>
                  </td>
                  <td className="num">{trace.spanCount}</td>
                  <td className="num">
                    <div>{formatTokens(trace.inputTokens + trace.outputTokens)}</div>
                    {trace.cachedInputTokens > 0 ? <div className="cell-sub">{formatTokens(trace.cachedInputTokens)} cached</div> : null}
                  </td>
                  <td className="num">{formatCost(trace.costUsd)}</td>
                  <td>
                    {trace.status === 'error' ? (
                      <span className="badge badge-error">{trace.errorCount} error{trace.errorCount === 1 ? '' : 's'}</span>
                    ) : (
                      <span className="badge badge-ok">ok</span>
                    )}
                    {quietOutcomesText(trace) ? <div className="cell-sub" data-testid="quiet-outcomes">{quietOutcomesText(trace)}</div> : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
