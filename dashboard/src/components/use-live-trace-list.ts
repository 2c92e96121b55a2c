'use client';
// Keeps the traces list live without re-reading it: the collector's `traces` events name the traces each stored
// batch touched; at most once a second the page asks for just those, under its own filters (`traceIds=`), and merges
// them in (lib/live-list-merge.ts). On a later page nothing is inserted: newcomers are counted instead.
import { useEffect, useRef, useState } from 'react';
import type { TraceListResponse, TraceSummary } from '@hotpath/collector/api-types';
import { mergeListUpdate } from '../lib/live-list-merge.ts';
import type { SortKey } from '../lib/trace-list-query.ts';

const MIN_INTERVAL_MS = 1000;
/** The most trace ids one request asks about (the collector's limit). */
const MAX_IDS = 500;

export interface LiveTraceList {
  rows: TraceSummary[];
  connected: boolean;
  /** Matching traces that arrived but are not shown (later pages). */
  pending: number;
}

/**
 * @example
 * const { rows, connected, pending } = useLiveTraceList(traces, params, { sort: 'start', order: 'desc', pageSize: 50, firstPage: true });
 */
export function useLiveTraceList(
  initial: TraceSummary[],
  params: Record<string, string | number | undefined>,
  options: { sort: SortKey; order: 'asc' | 'desc'; pageSize: number; firstPage: boolean },
): LiveTraceList {
  const [rows, setRows] = useState(initial);
  const [connected, setConnected] = useState(false);
  const [pending, setPending] = useState(0);
  const latest = useRef(initial);
  // A new page from the server (filters, sort, paging) starts over.
  useEffect(() => {
    latest.current = initial;
    setRows(initial);
    setPending(0);
  }, [initial]);

  const key = JSON.stringify([params, options]);
  useEffect(() => {
    const changed = new Set<string>();
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastFetch = 0;
    const controller = new AbortController();
    const refresh = async () => {
      timer = null;
      lastFetch = Date.now();
      const ids = [...changed].slice(0, MAX_IDS);
      for (const id of ids) changed.delete(id);
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(params)) if (value !== undefined && name !== 'cursor' && name !== 'limit') query.set(name, String(value));
      query.set('traceIds', ids.join(','));
      query.set('limit', String(MAX_IDS));
      try {
        const response = await fetch(`/api/collector/traces?${query}`, { signal: controller.signal });
        if (!response.ok) return;
        const body = (await response.json()) as TraceListResponse;
        const merged = mergeListUpdate(latest.current, body.traces, ids, options);
        latest.current = merged.rows;
        setRows(merged.rows);
        if (merged.notShown > 0) setPending((count) => count + merged.notShown);
      } catch {
        // The next event asks again; the list stays as it is meanwhile.
      }
      if (changed.size > 0) schedule();
    };
    const schedule = () => {
      if (timer) return;
      timer = setTimeout(() => void refresh(), Math.max(0, lastFetch + MIN_INTERVAL_MS - Date.now()));
    };
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
      for (const id of ids) if (typeof id === 'string') changed.add(id);
      schedule();
    });
    return () => {
      source.close();
      controller.abort();
      if (timer) clearTimeout(timer);
      // The next subscription is not connected until it opens: events in between would be missed by anyone trusting it.
      setConnected(false);
    };
    // `key` stands for params and options, which arrive as new objects on every render.
  }, [key]);

  return { rows, connected, pending };
}
