'use client';
// The trace waterfall: a virtualized span tree (row elements reused as they scroll) with bars on one time axis, the critical path
// outlined, a minimap of the whole trace, zoom (drag the axis or the minimap, or + / - / 0), search by name or by
// `key=value` attribute (answered by the collector), jumps to the next error or slow span, keyboard navigation
// (↑/↓ move, ←/→ fold or go to parent / first child, Enter opens the details, Esc closes them), huge traces opening
// folded below depth 2, and spans still running drawn growing to now. In `full` mode the selected span and zoom live
// in the URL; in `compact` mode (compare) a click opens the span's trace.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { SpanMatchesResponse } from '@hotpath/collector/api-types';
import { initialCollapse, isCollapsed, revealSpan, toggleCollapse, type CollapseState } from '../lib/collapse-state.ts';
import { criticalPath } from '../lib/critical-path.ts';
import { flattenTree } from '../lib/flatten-tree.ts';
import { formatDuration } from '../lib/format.ts';
import { navigationTargets, nextTarget } from '../lib/span-navigation.ts';
import type { SpanNode, SpanTree } from '../lib/span-tree.ts';
import { clampRange, type TimeRange } from '../lib/time-scale.ts';
import { parseWaterfallUrlState, writeWaterfallUrlState, type WaterfallUrlState } from '../lib/waterfall-url-state.ts';
import type { WaterfallSpan } from '../lib/waterfall-span.ts';
import { SpanDetailPanel } from './SpanDetailPanel.tsx';
import { TimeAxis } from './TimeAxis.tsx';
import { WaterfallMinimap } from './WaterfallMinimap.tsx';
import { WaterfallRow } from './WaterfallRow.tsx';

const ROW_HEIGHT = 26;
/** Toolbar and axis above the rows of a compact waterfall, and its tallest size. */
const COMPACT_CHROME_HEIGHT = 72;
const COMPACT_MAX_HEIGHT = 560;
/** The height of the rows area the server renders rows for (a 900 px window); the browser measures the real one. */
const FIRST_SCREEN_HEIGHT = 800;
const rowHeight = () => ROW_HEIGHT;
const NO_STATE: WaterfallUrlState = { selectedSpanId: null, zoom: null };
/** The critical path is recomputed at most this often while spans keep arriving. */
const PATH_REFRESH_MS = 1500;
/** Searches the collector answers: `key=value` attributes and span ids. */
const SERVER_SEARCH = /=|^[0-9a-f]{16}$/i;

export interface WaterfallViewProps {
  traceId: string;
  tree: SpanTree;
  /** Moves on whenever `tree` changed (it is changed in place while pages and live updates arrive). */
  version: number;
  mode: 'full' | 'compact';
  /** Length of the time axis in ms; compare passes the longer run's duration so both share one scale. */
  scaleMs?: number;
  nameColumnWidth?: number;
  /** Spans the trace holds in all (decides whether it opens folded), when more are still loading. */
  expectedSpans?: number;
  /** Running spans in the tree (start records): while there are any, the view follows the clock. */
  runningCount?: number;
  /** When the collector last heard of the trace, and how long after that it counts as quiet. */
  lastSeenTime?: number;
  quietAfterMs?: number;
  /** Shown in the toolbar (loading progress). */
  status?: ReactNode;
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
      <span><i className="legend-running" />running</span>
      <span><i className="legend-critical" />critical path</span>
    </div>
  );
}

/**
 * The clock running spans grow to: ticks once a second while any span runs. Null until the page has hydrated, so the
 * server's render and the browser's first one agree (the axis labels depend on it).
 */
function useRunningClock(active: boolean): number | null {
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    if (!active) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

/** Spans matching the find box: names, models and tools in the browser; attributes and ids by the collector. */
function useFind(traceId: string, needle: string, version: number): { match: ((span: WaterfallSpan) => boolean) | undefined; note: string | null } {
  const server = needle !== '' && SERVER_SEARCH.test(needle);
  const [answer, setAnswer] = useState<{ needle: string; ids: ReadonlySet<string> | null; error: string | null }>({ needle: '', ids: null, error: null });
  useEffect(() => {
    if (!server) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      fetch(`/api/collector/traces/${encodeURIComponent(traceId)}/matches?${new URLSearchParams({ q: needle })}`, { signal: controller.signal })
        .then(async (response) => {
          const body = (await response.json()) as Partial<SpanMatchesResponse> & { error?: { message?: string } };
          if (!response.ok || !body.spanIds) throw new Error(body.error?.message ?? `HTTP ${response.status}`);
          setAnswer({ needle, ids: new Set(body.spanIds), error: null });
        })
        .catch((error: unknown) => {
          if (!controller.signal.aborted) setAnswer({ needle, ids: null, error: error instanceof Error ? error.message : String(error) });
        });
    }, 250);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
    // New spans may match too: asked again when the trace changed.
  }, [server, needle, traceId, version]);
  return useMemo(() => {
    if (needle === '') return { match: undefined, note: null };
    if (!server) {
      const lower = needle.toLowerCase();
      return { match: (span: WaterfallSpan) => [span.name, span.model, span.toolName].some((text) => text?.toLowerCase().includes(lower)), note: null };
    }
    if (answer.needle !== needle) return { match: undefined, note: 'Searching…' };
    if (answer.error !== null) return { match: () => false, note: answer.error };
    const ids = answer.ids!;
    return { match: (span: WaterfallSpan) => ids.has(span.spanId), note: `${ids.size.toLocaleString('en-US')} matching` };
  }, [needle, server, answer]);
}

export function WaterfallView(props: WaterfallViewProps) {
  const { traceId, tree, version, mode, scaleMs, runningCount = 0, lastSeenTime = 0, quietAfterMs = 30_000 } = props;
  const nameColumnWidth = props.nameColumnWidth ?? (mode === 'full' ? 300 : 200);
  const router = useRouter();
  const searchParams = useSearchParams();
  const [collapse, setCollapse] = useState<CollapseState>(() => initialCollapse(props.expectedSpans ?? tree.byId.size));
  const [find, setFind] = useState('');
  // Deferred so typing stays responsive while a 200,000-span tree is filtered.
  const needle = useDeferredValue(find.trim());
  const found = useFind(traceId, needle, version);
  const rows = useMemo(
    () => flattenTree(tree, (node) => isCollapsed(collapse, node), found.match),
    // `version`: the tree changes in place.
    [tree, version, collapse, found.match],
  );
  const [showCritical, setShowCritical] = useState(true);
  const [localState, setLocalState] = useState<WaterfallUrlState>(NO_STATE);
  const [focusedId, setFocusedId] = useState<string | null>(null);

  // Running spans grow to now until the trace goes quiet; then they stop where the collector last heard of it.
  const clock = useRunningClock(runningCount > 0);
  const quiet = runningCount > 0 && clock !== null && clock - lastSeenTime > quietAfterMs;
  const runningEnd = runningCount === 0 ? 0 : quiet || clock === null ? lastSeenTime : clock;

  const latestVersion = useRef(version);
  latestVersion.current = version;
  const [pathVersion, setPathVersion] = useState(version);
  const pathStale = pathVersion !== version;
  useEffect(() => {
    if (!pathStale) return;
    const timer = setTimeout(() => setPathVersion(latestVersion.current), PATH_REFRESH_MS);
    return () => clearTimeout(timer);
  }, [pathStale, pathVersion]);
  const onPath = useMemo(() => criticalPath(tree), [tree, pathVersion]);
  const targets = useMemo(() => navigationTargets(tree), [tree, pathVersion]);

  const fromUrl = useMemo(() => {
    if (mode !== 'full') return { state: NO_STATE, problem: null };
    try {
      return { state: parseWaterfallUrlState(searchParams), problem: null };
    } catch (error) {
      return { state: NO_STATE, problem: error instanceof Error ? error.message : String(error) };
    }
  }, [mode, searchParams]);
  const state = mode === 'full' ? fromUrl.state : localState;
  const traceEnd = Math.max(tree.end, runningEnd);
  const duration = Math.max(scaleMs ?? 0, traceEnd - tree.start, 0.001);
  const view: TimeRange = state.zoom ? clampRange(state.zoom, duration) : { start: 0, end: duration };
  const selected = state.selectedSpanId ? (tree.byId.get(state.selectedSpanId) ?? null) : null;
  const cursorId = focusedId ?? state.selectedSpanId;

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

  const scrollRef = useRef<HTMLDivElement>(null);
  // Stable callbacks: the virtualizer recomputes every row's offset whenever getItemKey changes, which at 200,000
  // rows cost tens of milliseconds on every scroll frame.
  const getItemKey = useCallback((index: number) => rows[index]!.span.spanId, [rows]);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: rowHeight,
    overscan: 4,
    getItemKey,
    // The server renders the first screen of rows too, so they paint with the HTML, before the scripts have loaded.
    initialRect: { width: 0, height: mode === 'full' ? FIRST_SCREEN_HEIGHT : COMPACT_MAX_HEIGHT },
  });
  // Rows painted from the server's HTML do not answer clicks or keys until React has taken them over: marked busy
  // until then (tests and assistive technology wait on it).
  const [interactive, setInteractive] = useState(false);
  useEffect(() => setInteractive(true), []);

  // A span to bring into view once the rows include it (after unfolding what hid it).
  const pendingScroll = useRef<string | null>(null);
  const goTo = useCallback(
    (spanId: string, options: { open: boolean }) => {
      if (!tree.byId.has(spanId)) return;
      setCollapse((current) => revealSpan(current, tree, spanId));
      setFocusedId(spanId);
      pendingScroll.current = spanId;
      if (options.open) update({ selectedSpanId: spanId });
    },
    [tree, update],
  );
  useEffect(() => {
    const spanId = pendingScroll.current;
    if (!spanId) return;
    const index = rows.findIndex((node) => node.span.spanId === spanId);
    if (index === -1) return;
    pendingScroll.current = null;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  }, [rows, virtualizer]);

  // A span selected through the URL is revealed and scrolled into view once it has arrived.
  const revealed = useRef<string | null>(null);
  useEffect(() => {
    const spanId = state.selectedSpanId;
    if (!spanId || revealed.current === spanId || !tree.byId.has(spanId)) return;
    revealed.current = spanId;
    goTo(spanId, { open: false });
  }, [state.selectedSpanId, tree, version, goTo]);

  const onSelect = useCallback(
    (spanId: string) => {
      if (mode === 'compact') router.push(`/traces/${encodeURIComponent(traceId)}?span=${encodeURIComponent(spanId)}`);
      else {
        setFocusedId(spanId);
        revealed.current = spanId;
        update({ selectedSpanId: spanId });
      }
    },
    [mode, router, traceId, update],
  );
  const onToggle = useCallback((spanId: string) => {
    const node = tree.byId.get(spanId);
    if (node) setCollapse((current) => toggleCollapse(current, node));
  }, [tree]);

  const zoomBy = (factor: number) => {
    const focus = cursorId ? tree.byId.get(cursorId) : undefined;
    const center = focus ? (focus.span.start + (focus.span.running ? Math.max(focus.span.start, runningEnd) : focus.span.end)) / 2 - tree.start : (view.start + view.end) / 2;
    const half = ((view.end - view.start) * factor) / 2;
    const next = clampRange({ start: center - half, end: center + half }, duration);
    update({ zoom: next.start <= 0 && next.end >= duration ? null : next });
  };
  const pan = (direction: 1 | -1) => {
    const shift = ((view.end - view.start) / 4) * direction;
    if (!state.zoom) return;
    const length = view.end - view.start;
    const start = Math.min(Math.max(0, view.start + shift), duration - length);
    update({ zoom: { start, end: start + length } });
  };
  const jump = (list: readonly string[], direction: 1 | -1) => {
    const target = nextTarget(list, targets.order, cursorId, direction);
    if (target) goTo(target, { open: mode === 'full' });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const index = cursorId ? rows.findIndex((node) => node.span.spanId === cursorId) : -1;
    const node = index >= 0 ? rows[index]! : undefined;
    const moveTo = (to: number) => {
      const target = rows[Math.min(rows.length - 1, Math.max(0, to))];
      if (!target) return;
      setFocusedId(target.span.spanId);
      revealed.current = target.span.spanId;
      // Once the details are open they follow the keyboard.
      if (state.selectedSpanId && mode === 'full') update({ selectedSpanId: target.span.spanId });
      virtualizer.scrollToIndex(rows.indexOf(target), { align: 'auto' });
    };
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? ROW_HEIGHT * 10) / ROW_HEIGHT) - 1);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(index + 1);
        break;
      case 'ArrowUp':
        moveTo(index === -1 ? 0 : index - 1);
        break;
      case 'PageDown':
        moveTo(index + page);
        break;
      case 'PageUp':
        moveTo(index - page);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(rows.length - 1);
        break;
      case 'ArrowRight':
        if (!node) moveTo(0);
        else if (node.children.length > 0 && isCollapsed(collapse, node)) onToggle(node.span.spanId);
        else if (rows[index + 1]?.depth === node.depth + 1) moveTo(index + 1);
        break;
      case 'ArrowLeft':
        if (!node) moveTo(0);
        else if (node.children.length > 0 && !isCollapsed(collapse, node)) onToggle(node.span.spanId);
        else if (node.span.parentSpanId) {
          const parentIndex = rows.findIndex((row) => row.span.spanId === node.span.parentSpanId);
          if (parentIndex >= 0) moveTo(parentIndex);
        }
        break;
      case 'Enter':
      case ' ':
        if (node) onSelect(node.span.spanId);
        break;
      case 'Escape':
        update({ selectedSpanId: null });
        break;
      case 'e':
      case 'E':
        jump(targets.errors, event.shiftKey ? -1 : 1);
        break;
      case 's':
      case 'S':
        jump(targets.slow, event.shiftKey ? -1 : 1);
        break;
      case '+':
      case '=':
        zoomBy(0.5);
        break;
      case '-':
        zoomBy(2);
        break;
      case '0':
        update({ zoom: null });
        break;
      case '[':
        pan(-1);
        break;
      case ']':
        pan(1);
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  const range = virtualizer.range;
  const virtualItems = virtualizer.getVirtualItems();
  const waterfall = (
    <div
      className="waterfall"
      data-testid={`waterfall-${mode}`}
      // Compact waterfalls (compare) fit their rows up to a limit instead of filling the page.
      style={{ ['--name-col' as string]: `${nameColumnWidth}px`, height: mode === 'compact' ? Math.min(COMPACT_MAX_HEIGHT, COMPACT_CHROME_HEIGHT + rows.length * ROW_HEIGHT) : undefined }}
    >
      <div className="waterfall-toolbar">
        <span className="cell-sub" data-testid="waterfall-count">
          {`${rows.length.toLocaleString('en-US')} of ${tree.byId.size.toLocaleString('en-US')} spans`}
        </span>
        {props.status}
        <input
          type="search"
          className="wf-find"
          placeholder="Find: name, model, tool or key=value"
          aria-label="Find span"
          value={find}
          onChange={(event) => setFind(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') scrollRef.current?.focus();
          }}
        />
        {found.note ? <span className="cell-sub" data-testid="find-note" role="status">{found.note}</span> : null}
        <button type="button" className="btn btn-sm" onClick={() => setCollapse({ depth: null, toggled: new Set() })}>Expand all</button>
        <button type="button" className="btn btn-sm" onClick={() => setCollapse({ depth: 1, toggled: new Set() })}>Collapse all</button>
        {mode === 'full' ? (
          <>
            <span className="wf-group" role="group" aria-label="Errors">
              <button type="button" className="btn btn-sm" disabled={targets.errors.length === 0} onClick={() => jump(targets.errors, 1)} aria-label={`Next error: ${targets.errors.length} error${targets.errors.length === 1 ? '' : 's'} ↓`} title="Next error (e; previous: Shift+E)">
                {targets.errors.length} error{targets.errors.length === 1 ? '' : 's'} ↓
              </button>
            </span>
            <button type="button" className="btn btn-sm" disabled={targets.slow.length === 0} onClick={() => jump(targets.slow, 1)} aria-label={`Next slow span: ${targets.slow.length} slow ↓`} title={`Next span of ${formatDuration(targets.slowThresholdMs)} or more (s; previous: Shift+S)`}>
              {targets.slow.length} slow ↓
            </button>
          </>
        ) : null}
        <label className="cell-sub" style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
          <input type="checkbox" className="checkbox" checked={showCritical} onChange={(event) => setShowCritical(event.target.checked)} />
          Critical path
        </label>
        <span className="wf-group" role="group" aria-label="Zoom">
          <button type="button" className="btn btn-sm" onClick={() => zoomBy(2)} aria-label="Zoom out" title="Zoom out (-)">−</button>
          <button type="button" className="btn btn-sm" onClick={() => zoomBy(0.5)} aria-label="Zoom in" title="Zoom in (+)">+</button>
        </span>
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
      {mode === 'full' ? (
        <WaterfallMinimap
          rows={rows}
          version={version}
          traceStart={tree.start}
          duration={duration}
          runningEnd={runningEnd}
          view={view}
          firstRow={range?.startIndex ?? 0}
          lastRow={range?.endIndex ?? 0}
          onJump={(rowIndex) => {
            const target = rows[rowIndex];
            if (!target) return;
            setFocusedId(target.span.spanId);
            virtualizer.scrollToIndex(rowIndex, { align: 'center' });
          }}
          onZoom={(zoom) => update({ zoom })}
        />
      ) : null}
      <div className="wf-header">
        <div className="wf-header-name">Span</div>
        <TimeAxis view={view} onZoom={(zoom) => update({ zoom })} />
      </div>
      <div
        className="wf-body"
        ref={scrollRef}
        tabIndex={0}
        role="tree"
        aria-label="Spans (arrow keys move, Enter opens details, e / s jump to the next error / slow span, + / - / 0 zoom)"
        aria-activedescendant={cursorId ? `wf-row-${cursorId}` : undefined}
        onKeyDown={onKeyDown}
        aria-busy={interactive ? undefined : true}
        data-testid="waterfall-body"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualItems.map((item) => {
            const node: SpanNode = rows[item.index]!;
            return (
              <WaterfallRow
                // Keyed by screen slot, not span id: a scroll step patches the same ~30 row elements in place
                // instead of removing and creating them, which was a fifth of the page's script time while
                // scrolling 50,000 rows (frames of 21–28 ms over whole stretches of the trace).
                key={item.index % virtualItems.length}
                node={node}
                traceStart={tree.start}
                viewStart={view.start}
                viewEnd={view.end}
                top={item.start}
                selected={node.span.spanId === cursorId}
                collapsed={isCollapsed(collapse, node)}
                critical={showCritical && onPath.has(node.span.spanId)}
                runningEnd={runningEnd}
                quiet={quiet}
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
          runningEnd={runningEnd}
          quiet={quiet}
          onClose={() => update({ selectedSpanId: null })}
          onZoomTo={() => {
            const end = selected.span.running ? Math.max(selected.span.start, runningEnd) : selected.span.end;
            const pad = Math.max((end - selected.span.start) * 0.05, 0.01);
            update({ zoom: clampRange({ start: selected.span.start - tree.start - pad, end: end - tree.start + pad }, duration) });
          }}
        />
      ) : null}
    </div>
  );
}
