'use client';
// Live arrival: listens to the collector's `traces` events (proxied at /api/collector/live) and re-renders the
// page's server data when a batch touches what the page shows. Refreshes are throttled so a busy collector
// cannot keep the page re-rendering.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

const MIN_REFRESH_INTERVAL_MS = 1000;

/**
 * `traceId`: refresh only for batches touching this trace. `pausedHref`: instead of refreshing (a later page of a
 * list would shift under the reader), count new arrivals and link here to see them.
 */
export function LiveUpdates({ traceId, pausedHref }: { traceId?: string; pausedHref?: string }) {
  const paused = pausedHref !== undefined;
  const router = useRouter();
  const [connected, setConnected] = useState(false);
  const [pending, setPending] = useState(0);
  const lastRefresh = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  useEffect(() => {
    const source = new EventSource('/api/collector/live');
    source.onopen = () => setConnected(true);
    source.onerror = () => setConnected(false);
    source.addEventListener('traces', (event) => {
      let ids: unknown;
      try {
        ids = (JSON.parse((event as MessageEvent<string>).data) as { traceIds?: unknown }).traceIds;
      } catch {
        return;
      }
      if (!Array.isArray(ids)) return;
      if (traceId && !ids.includes(traceId)) return;
      if (paused) {
        setPending((count) => count + ids.length);
        return;
      }
      if (timer.current) return;
      const wait = Math.max(0, lastRefresh.current + MIN_REFRESH_INTERVAL_MS - Date.now());
      timer.current = setTimeout(() => {
        timer.current = null;
        lastRefresh.current = Date.now();
        router.refresh();
      }, wait);
    });
    return () => {
      source.close();
      // The next subscription (e.g. after paging, which pauses the list) is not connected until it opens: events
      // published in between would be missed by anyone trusting the old state.
      setConnected(false);
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [router, traceId, paused]);

  const badge = (
    <span className="badge badge-muted badge-flex" data-testid="live-status" data-connected={connected} title={connected ? 'New traces appear as they arrive' : 'Reconnecting to the collector…'}>
      <span className={`dot ${connected ? 'dot-live' : 'dot-off'}`} />
      {connected ? (paused && pending > 0 ? `${pending} new · show newest` : 'Live') : 'Offline'}
    </span>
  );
  return paused && pending > 0 ? <Link href={pausedHref}>{badge}</Link> : badge;
}
