'use client';
// The trace waterfall: a virtualized span tree (rows keyed by span id) with bars on one time axis, the critical
// path outlined, zoom by dragging the axis, and the selected span's details beside it. In `full` mode the
// selected span and zoom live in the URL; in `compact` mode (compare) a click opens the span's trace.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, useSyncExternalStore, type KeyboardEvent } from 'react';
import { criticalPath } from '../lib/critical-path.ts';
import { ancestorIds, flattenTree } from '../lib/flatten-tree.ts';
import { formatDuration } from '../lib/format.ts';
import { buildSpanTree } from '../lib/span-tree.ts';
import { clampRange, type TimeRange } from '../lib/time-scale.ts';
import { unpackSpans, type PackedSpans } from '../lib/packed-spans.ts';
import { parseWaterfallUrlState, writeWaterfallUrlState, type WaterfallUrlState } from '../lib/waterfall-url-state.ts';
import { SpanDetailPanel } from './SpanDetailPanel.tsx';
import { TimeAxis } from './TimeAxis.tsx';
import { WaterfallRow } from './WaterfallRow.tsx';

const ROW_HEIGHT = 26;
/** Toolbar and axis above the rows of a compact waterfall, and its tallest size. */
const COMPACT_CHROME_HEIGHT = 72;
const COMPACT_MAX_HEIGHT = 560;
const NO_STATE: WaterfallUrlState = { selectedSpanId: null, zoom: null };
const subscribeNever = () => () => {};

export interface WaterfallProps {
  traceId: string;
  /** The trace's spans in their packed form (see packed-spans.ts). */
  packed: PackedSpans;
  mode: 'full' | 'compact';
  /** Length of the time axis in ms; compare passes the longer run's duration so both share one scale. */
  scaleMs?: number;
  nameColumnWidth?: number;
}

function Legend() {
  return (
    <div className="legend" aria-label="Legend">
      <span><i className="cat-agent" />agent</span>
      <span><i className="cat-model" />model call</span>
      <span><i className="cat-tool" />tool</span>
      <span><i className="cat-cache-hit" />cache hit</span>
      <span><i className="cat-routing" />routing</span>
      <span><i className="cat-error" />error</span>
      <span><i style={{ boxShadow: '0 0 0 1.5px var(--critical)', background: '#fff' }} />critical path</span>
    </div>
  );
}

export function Waterfall({ traceId, packed, mode, scaleMs, nameColumnWidth = mode === 'full' ? 300 : 200 }: WaterfallProps) {
  const router = useRouter();
  const searchParams = useSearchParams();
  // Rows need the browser's scroll box, so the server renders none: it skips building the tree as well (for a
  // 20,000-span trace that is most of the server's render time). The browser builds it right after hydration.
  const inBrowser = useSyncExternalStore(subscribeNever, () => true, () => false);
  const tree = useMemo(() => buildSpanTree(inBrowser ? unpackSpans(packed) : []), [packed, inBrowser]);
  const onPath = useMemo(() => criticalPath(tree), [tree]);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(() => new Set());
  const [find, setFind] = useState('');
  // Deferred so typing stays responsive while a 20,000-span tree is filtered.
  const needle = useDeferredValue(find.trim().toLowerCase());
  const rows = useMemo(
    () => flattenTree(tree, collapsed, needle ? (span) => [span.name, span.model, span.toolName].some((text) => text?.toLowerCase().includes(needle)) : undefined),
    [tree, collapsed, needle],
  );
  const [showCritical, setShowCritical] = useState(true);
  const [localState, setLocalState] = useState<WaterfallUrlState>(NO_STATE);

  const fromUrl = useMemo(() => {
    if (mode !== 'full') return { state: NO_STATE, problem: null };
    try {
      return { state: parseWaterfallUrlState(searchParams), problem: null };
    } catch (error) {
      return { state: NO_STATE, problem: error instanceof Error ? error.message : String(error) };
    }
  }, [mode, searchParams]);
  const state = mode === 'full' ? fromUrl.state : localState;
  const duration = Math.max(scaleMs ?? 0, tree.end - tree.start, 0.001);
  const view: TimeRange = state.zoom ? clampRange(state.zoom, duration) : { start: 0, end: duration };
  const selected = state.selectedSpanId ? tree.byId.get(state.selectedSpanId) ?? null : null;

  const update = useCallback(
    (change: Partial<WaterfallUrlState>) => {
      if (mode !== 'full') {
        setLocalState((current) => ({ ...current, ...change }));
        return;
      }
      const current = new URLSearchParams(window.location.search);
      let base = NO_STATE;
      try {
        base = parseWaterfallUrlState(current);
      } catch {
        // A malformed value in the URL is replaced by the new state.
      }
      const next = writeWaterfallUrlState(current, { ...base, ...change }).toString();
      // Next.js syncs useSearchParams with history.replaceState (no server round trip for UI state); the state
      // argument must be null, or Next takes the call for its own and skips the sync.
      window.history.replaceState(null, '', next ? `?${next}` : window.location.pathname);
    },
    [mode],
  );

  const onSelect = useCallback(
    (spanId: string) => {
      if (mode === 'compact') router.push(`/traces/${encodeURIComponent(traceId)}?span=${encodeURIComponent(spanId)}`);
      else update({ selectedSpanId: spanId });
    },
    [mode, router, traceId, update],
  );
  const onToggle = useCallback((spanId: string) => {
    setCollapsed((current) => {
      const next = new Set(current);
      if (!next.delete(spanId)) next.add(spanId);
      return next;
    });
  }, []);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    getItemKey: (index) => rows[index]!.span.spanId,
  });

  // A span selected through the URL is revealed (ancestors expanded) and scrolled into view once.
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    const spanId = state.selectedSpanId;
    if (!spanId || revealed.current === spanId || !tree.byId.has(spanId)) return;
    const hidden = ancestorIds(tree, spanId).filter((id) => collapsed.has(id));
    if (hidden.length) {
      setCollapsed((current) => new Set([...current].filter((id) => !hidden.includes(id))));
      return;
    }
    revealed.current = spanId;
    const index = rows.findIndex((node) => node.span.spanId === spanId);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [state.selectedSpanId, tree, rows, collapsed, virtualizer]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = selected ? rows.indexOf(selected) : -1;
    const move = (to: number) => {
      const node = rows[Math.min(rows.length - 1, Math.max(0, to))];
      if (!node) return;
      revealed.current = node.span.spanId;
      update({ selectedSpanId: node.span.spanId });
      virtualizer.scrollToIndex(rows.indexOf(node), { align: 'auto' });
    };
    if (event.key === 'ArrowDown') move(index + 1);
    else if (event.key === 'ArrowUp') move(index - 1);
    else if ((event.key === 'ArrowLeft' || event.key === 'ArrowRight') && selected && selected.children.length) {
      const isCollapsed = collapsed.has(selected.span.spanId);
      if (isCollapsed === (event.key === 'ArrowRight')) onToggle(selected.span.spanId);
    } else if (event.key === 'Escape') update({ selectedSpanId: null });
    else return;
    event.preventDefault();
  };

  const allParents = useMemo(() => [...tree.byId.values()].filter((node) => node.children.length > 0).map((node) => node.span.spanId), [tree]);
  const waterfall = (
    <div
      className="waterfall"
      data-testid={`waterfall-${mode}`}
      // Compact waterfalls (compare) fit their rows up to a limit instead of filling the page.
      style={{ ['--name-col' as string]: `${nameColumnWidth}px`, height: mode === 'compact' ? Math.min(COMPACT_MAX_HEIGHT, COMPACT_CHROME_HEIGHT + rows.length * ROW_HEIGHT) : undefined }}
    >
      <div className="waterfall-toolbar">
        <span className="cell-sub" data-testid="waterfall-count">
          {inBrowser ? `${rows.length.toLocaleString('en-US')} of ${tree.byId.size.toLocaleString('en-US')} spans` : 'Loading spans…'}
        </span>
        <input
          type="search"
          className="wf-find"
          placeholder="Find span, model or tool"
          aria-label="Find span"
          value={find}
          onChange={(event) => setFind(event.target.value)}
        />
        <button type="button" className="btn btn-sm" onClick={() => setCollapsed(new Set())}>Expand all</button>
        <button type="button" className="btn btn-sm" onClick={() => setCollapsed(new Set(allParents.filter((id) => !tree.roots.some((root) => root.span.spanId === id))))}>
          Collapse all
        </button>
        <label className="cell-sub" style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
          <input type="checkbox" className="checkbox" checked={showCritical} onChange={(event) => setShowCritical(event.target.checked)} />
          Critical path
        </label>
        {state.zoom ? (
          <span className="badge badge-muted" data-testid="zoom-range">
            {formatDuration(view.start)} – {formatDuration(view.end)}
            <button type="button" className="wf-toggle" aria-label="Reset zoom" onClick={() => update({ zoom: null })}>✕</button>
          </span>
        ) : (
          <span className="cell-sub">Drag the axis to zoom</span>
        )}
        {mode === 'full' ? <Legend /> : null}
      </div>
      {fromUrl.problem ? (
        <div className="notice notice-warn" role="status" style={{ borderRadius: 0, border: 'none' }}>{fromUrl.problem} It was ignored.</div>
      ) : null}
      <div className="wf-header">
        <div className="wf-header-name">Span</div>
        <TimeAxis view={view} onZoom={(zoom) => update({ zoom })} />
      </div>
      <div className="wf-body" ref={scrollRef} tabIndex={0} role="tree" aria-label="Spans" onKeyDown={onKeyDown} data-testid="waterfall-body">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const node = rows[item.index]!;
            return (
              <WaterfallRow
                key={item.key}
                node={node}
                traceStart={tree.start}
                viewStart={view.start}
                viewEnd={view.end}
                top={item.start}
                selected={node === selected}
                collapsed={collapsed.has(node.span.spanId)}
                critical={showCritical && onPath.has(node.span.spanId)}
                onToggle={onToggle}
                onSelect={onSelect}
              />
            );
          })}
        </div>
      </div>
    </div>
  );

  if (mode === 'compact') return waterfall;
  return (
    <div className={`wf-layout${selected ? '' : ' no-detail'}`}>
      {waterfall}
      {selected ? (
        <SpanDetailPanel
          key={selected.span.spanId}
          traceId={traceId}
          span={selected.span}
          traceStart={tree.start}
          onClose={() => update({ selectedSpanId: null })}
          onZoomTo={() => {
            const pad = Math.max((selected.span.end - selected.span.start) * 0.05, 0.01);
            update({ zoom: clampRange({ start: selected.span.start - tree.start - pad, end: selected.span.end - tree.start + pad }, duration) });
          }}
        />
      ) : null}
    </div>
  );
}
