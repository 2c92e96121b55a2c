'use client';
// Live arrival: listens to the collector's `traces` events (proxied at /api/collector/live) and re-renders the
// page's server data when a batch touches what the page shows. Refreshes are throttled so a busy collector
// cannot keep the page re-rendering.
import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState } from 'react';

const MIN_REFRESH_INTERVAL_MS = 1000;

export function LiveUpdates({ traceId, paused = false }: { traceId?: string; paused?: boolean }) {
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
      if (timer.current) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [router, traceId, paused]);

  return (
    <span className="badge badge-muted badge-flex" data-testid="live-status" data-connected={connected} title={connected ? 'New traces appear as they arrive' : 'Reconnecting to the collector…'}>
      <span className={`dot ${connected ? 'dot-live' : 'dot-off'}`} />
      {connected ? (paused && pending > 0 ? `${pending} new — go to first page` : 'Live') : 'Offline'}
    </span>
  );
}
