'use client';
// One trace, at any size and while it runs. The server hands over the first page of spans (start order), so the
// first screen paints at once; the rest arrives in pages through the proxy while a progress bar counts them, and
// live updates (new and replaced spans only, over server-sent events) are merged into the same tree. Nothing is ever
// fetched twice. A page that fails says why (collector down, or up and slow) and offers to try again from there.
import Link from 'next/link';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { LiveSpansEvent, SpanPage, TraceSummary } from '@hotpath/collector/api-types';
import { spansFromColumns } from '../lib/column-spans.ts';
import { timeBreakdownOfSpans, type TimeBreakdown } from '../lib/time-breakdown.ts';
import { TraceModel } from '../lib/trace-model.ts';
import { PageHeader } from './PageHeader.tsx';
import { TimeShareLine } from './TimeShareLine.tsx';
import { TraceSummaryLine } from './TraceSummaryLine.tsx';
import { WaterfallView } from './WaterfallView.tsx';

/**
 * Spans per page after the first (the collector's largest page: fewer pages, fewer rebuilds of the tree). Those pages
 * go in storage order (`order=id`), which the collector reads in time proportional to the page; they repeat the
 * first page's spans, which merge as no change.
 */
const PAGE_SIZE = 50_000;
/** Live updates since a little before the first page was read, so nothing committed in between is missed. */
const LIVE_OVERLAP_MS = 2_000;
/** How long to wait before opening the live stream again after it dropped. */
const RECONNECT_MS = 2_000;
/** Where the time went is recomputed at most this often while spans arrive. */
const BREAKDOWN_REFRESH_MS = 1_500;

type Loading = { state: 'loading' } | { state: 'done' } | { state: 'failed'; title: string; message: string };
type Live = 'connecting' | 'live' | 'offline';

/** What a failed page fetch means for the reader, from the proxy's and the collector's error codes. */
function pageFailure(status: number, body: { error?: { code?: string; message?: string } } | null): { title: string; message: string } {
  const code = body?.error?.code;
  const message = body?.error?.message ?? `HTTP ${status}`;
  if (code === 'collector_unreachable') return { title: 'The collector stopped answering', message };
  if (code === 'collector_slow' || code === 'query_timeout') return { title: 'The collector is up but too slow to send the rest', message };
  return { title: 'The collector could not send the rest of the spans', message };
}

export function TraceView({ firstPage, quietAfterMs }: { firstPage: SpanPage; quietAfterMs: number }) {
  const traceId = firstPage.trace.traceId;
  const modelRef = useRef<TraceModel | null>(null);
  modelRef.current ??= new TraceModel(spansFromColumns(firstPage.spans));
  const model = modelRef.current;
  const [version, setVersion] = useState(model.version);
  const [summary, setSummary] = useState<TraceSummary>(firstPage.trace);
  const [loading, setLoading] = useState<Loading>(firstPage.nextCursor ? { state: 'loading' } : { state: 'done' });
  const [attempt, setAttempt] = useState(0);
  const [live, setLive] = useState<Live>('connecting');
  // Where the storage-order pages have got to: '' before the first of them, null once all arrived.
  const cursor = useRef<string | null>(firstPage.nextCursor === null ? null : '');

  // Renders once per frame however many merges arrived in it.
  const frame = useRef<number | null>(null);
  const publish = useCallback(() => {
    if (frame.current !== null) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      setVersion(model.version);
    });
  }, [model]);
  useEffect(() => () => {
    if (frame.current !== null) cancelAnimationFrame(frame.current);
  }, []);

  useEffect(() => {
    if (cursor.current === null) return;
    const controller = new AbortController();
    setLoading({ state: 'loading' });
    (async () => {
      while (cursor.current !== null) {
        const query = new URLSearchParams({ order: 'id', limit: String(PAGE_SIZE), ...(cursor.current ? { cursor: cursor.current } : {}) });
        const response = await fetch(`/api/collector/traces/${encodeURIComponent(traceId)}/spans?${query}`, { signal: controller.signal });
        const body = (await response.json().catch(() => null)) as (SpanPage & { error?: { code?: string; message?: string } }) | null;
        if (!response.ok || !body?.spans) {
          setLoading({ state: 'failed', ...pageFailure(response.status, body) });
          return;
        }
        if (model.merge(spansFromColumns(body.spans))) publish();
        setSummary((current) => (body.trace.lastSeenTime >= current.lastSeenTime ? body.trace : current));
        cursor.current = body.nextCursor;
      }
      setLoading({ state: 'done' });
    })().catch((error: unknown) => {
      if (controller.signal.aborted) return;
      setLoading({ state: 'failed', title: 'The dashboard could not reach the rest of the spans', message: error instanceof Error ? error.message : String(error) });
    });
    return () => controller.abort();
  }, [traceId, model, publish, attempt]);

  useEffect(() => {
    let since = firstPage.readAt - LIVE_OVERLAP_MS;
    let source: EventSource | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const open = () => {
      source = new EventSource(`/api/collector/live?${new URLSearchParams({ traceId, since: String(Math.floor(since)) })}`);
      source.onopen = () => setLive('live');
      source.onerror = () => {
        setLive('offline');
        source?.close();
        retry = setTimeout(open, RECONNECT_MS);
      };
      source.addEventListener('spans', (event) => {
        let update: LiveSpansEvent;
        try {
          update = JSON.parse((event as MessageEvent<string>).data) as LiveSpansEvent;
        } catch {
          return;
        }
        // After a reconnect, catch up from the collector's clock, not this browser's.
        since = Math.max(since, update.trace.lastSeenTime - LIVE_OVERLAP_MS);
        if (model.merge(spansFromColumns(update.spans))) publish();
        setSummary((current) => (update.trace.lastSeenTime >= current.lastSeenTime ? update.trace : current));
      });
    };
    open();
    return () => {
      clearTimeout(retry);
      source?.close();
      setLive('connecting');
    };
  }, [traceId, firstPage.readAt, model, publish]);

  const [breakdown, setBreakdown] = useState<TimeBreakdown>(() => timeBreakdownOfSpans(model.spans(), summary.startTime, summary.endTime));
  const breakdownAt = useRef(0);
  useEffect(() => {
    const wait = Math.max(0, breakdownAt.current + BREAKDOWN_REFRESH_MS - Date.now());
    const timer = setTimeout(() => {
      breakdownAt.current = Date.now();
      setBreakdown(timeBreakdownOfSpans(model.spans(), summary.startTime, summary.endTime));
    }, wait);
    return () => clearTimeout(timer);
  }, [model, version, summary.startTime, summary.endTime]);

  const expected = summary.spanCount + summary.openSpanCount;
  const progress = useMemo(() => {
    if (loading.state === 'done') return null;
    if (loading.state === 'failed') {
      return (
        <span className="wf-load-failed" role="alert" data-testid="load-error">
          <strong>{loading.title}</strong> ({model.size.toLocaleString('en-US')} of {expected.toLocaleString('en-US')} spans shown). {loading.message}{' '}
          <button type="button" className="btn btn-sm" onClick={() => setAttempt((count) => count + 1)}>Try again</button>
        </span>
      );
    }
    const loaded = Math.min(model.size, expected);
    return (
      <span className="wf-load" data-testid="load-progress">
        <progress max={Math.max(1, expected)} value={loaded} aria-label="Spans loaded" />
        <span className="cell-sub">Loading spans… {loaded.toLocaleString('en-US')} of {expected.toLocaleString('en-US')}</span>
      </span>
    );
    // `version`: the model's size moved on.
  }, [loading, model, expected, version]);

  const title = summary.name.length > 200 ? `${summary.name.slice(0, 200)}…` : summary.name;
  return (
    <>
      <PageHeader
        title={<span data-testid="trace-title" title={summary.name.slice(0, 1000)}>{title}</span>}
        subtitle={
          <>
            <TraceSummaryLine trace={summary} />
            <TimeShareLine parts={breakdown} totalMs={summary.durationMs} />
          </>
        }
        actions={
          <>
            <span className="badge badge-muted badge-flex" data-testid="live-status" data-connected={live === 'live'} title={live === 'live' ? 'New spans appear as they arrive' : 'Reconnecting to the collector…'}>
              <span className={`dot ${live === 'live' ? 'dot-live' : 'dot-off'}`} />
              {live === 'live' ? 'Live' : live === 'offline' ? 'Offline' : 'Connecting'}
            </span>
            <Link className="btn btn-sm" href={`/compare?a=${traceId}`}>Compare…</Link>
          </>
        }
      />
      <WaterfallView
        traceId={traceId}
        tree={model.tree}
        version={version}
        mode="full"
        expectedSpans={expected}
        runningCount={model.running}
        lastSeenTime={summary.lastSeenTime}
        quietAfterMs={quietAfterMs}
        status={
          <span data-testid="load-state" data-state={loading.state} data-loaded={model.size}>
            {progress}
          </span>
        }
      />
    </>
  );
}
