'use client';
// One waterfall row: the span's name indented by depth with a collapse toggle, and its time bar on the shared
// axis. A span still running (known from its start record) grows to `runningEnd` in a striped, pulsing bar; once its
// trace has gone quiet it stops there and reads "no end received". Memoized on primitive props so scrolling and
// selecting re-render only the rows that changed.
import { memo } from 'react';
import { formatDuration } from '../lib/format.ts';
import type { SpanNode } from '../lib/span-tree.ts';
import { barGeometry } from '../lib/time-scale.ts';

/** Indentation stops growing here so very deep traces keep their names readable. */
const MAX_INDENT_DEPTH = 24;

export interface WaterfallRowProps {
  node: SpanNode;
  traceStart: number;
  viewStart: number;
  viewEnd: number;
  top: number;
  /** The keyboard's current row (`aria-selected`). */
  selected: boolean;
  collapsed: boolean;
  critical: boolean;
  /** Where running spans end on screen (now, or the last moment the trace was heard of once it went quiet). */
  runningEnd: number;
  /** The trace went quiet: running spans never reported an end. */
  quiet: boolean;
  onToggle: (spanId: string) => void;
  onSelect: (spanId: string) => void;
}

function WaterfallRowView({ node, traceStart, viewStart, viewEnd, top, selected, collapsed, critical, runningEnd, quiet, onToggle, onSelect }: WaterfallRowProps) {
  const { span } = node;
  const end = span.running ? Math.max(span.start, runningEnd) : span.end;
  const duration = end - span.start;
  const bar = barGeometry(span.start - traceStart, end - traceStart, { start: viewStart, end: viewEnd });
  const category = span.error ? 'error' : span.category;
  const hasChildren = node.children.length > 0;
  const state = span.running ? (quiet ? 'no-end' : 'running') : span.inProgress ? 'in-progress' : undefined;
  // Duration label after the bar when there is room, else before it, else inside it.
  const labelPlace = !bar || bar.left + bar.width < 0.8 ? 'after' : bar.left > 0.2 ? 'before' : 'inside';
  const label = span.running ? (quiet ? `no end received · ${formatDuration(duration)}+` : `running ${formatDuration(duration)}`) : span.inProgress ? 'running…' : formatDuration(duration);
  return (
    <div
      className="wf-row"
      id={`wf-row-${span.spanId}`}
      role="treeitem"
      aria-level={node.depth + 1}
      aria-selected={selected}
      aria-expanded={hasChildren ? !collapsed : undefined}
      data-span-id={span.spanId}
      data-category={span.category}
      data-critical={critical || undefined}
      data-state={state}
      style={{ transform: `translateY(${top}px)` }}
      onClick={() => onSelect(span.spanId)}
      title={`${span.name.length > 300 ? `${span.name.slice(0, 300)}…` : span.name} · ${label}`}
    >
      <div className="wf-name" style={{ paddingLeft: 6 + Math.min(node.depth, MAX_INDENT_DEPTH) * 14 }}>
        {hasChildren ? (
          <button
            type="button"
            className="wf-toggle"
            tabIndex={-1}
            aria-label={collapsed ? `Expand ${span.name.slice(0, 200)}` : `Collapse ${span.name.slice(0, 200)}`}
            onClick={(event) => {
              event.stopPropagation();
              onToggle(span.spanId);
            }}
          >
            {collapsed ? '▶' : '▼'}
          </button>
        ) : (
          <span className="wf-toggle-spacer" />
        )}
        <span className={`cat-dot cat-${category}`} />
        <span className="wf-label">{span.name}</span>
        {span.inProgress ? <span className="badge badge-progress">in progress</span> : null}
        {state === 'running' ? <span className="badge badge-progress badge-running">running</span> : null}
        {state === 'no-end' ? <span className="badge badge-warn">no end</span> : null}
        {span.cacheHit === 'hit' ? <span className="badge badge-cache">cached</span> : null}
        {collapsed && hasChildren ? <span className="wf-count">+{node.descendantCount}</span> : null}
      </div>
      <div className="wf-track">
        {bar ? (
          <>
            <div
              className={`wf-bar cat-${category}${critical ? ' critical' : ''}${state ? ` ${state}` : ''}${bar.clippedLeft ? ' clipped-left' : ''}${bar.clippedRight ? ' clipped-right' : ''}`}
              style={{ left: `${bar.left * 100}%`, width: `${bar.width * 100}%` }}
            />
            <span
              className={`wf-duration${labelPlace === 'inside' ? ' inside' : ''}`}
              style={
                labelPlace === 'after'
                  ? { left: `calc(${(bar.left + bar.width) * 100}% + 4px)` }
                  : labelPlace === 'before'
                    ? { right: `calc(${(1 - bar.left) * 100}% + 4px)` }
                    : { right: `calc(${(1 - bar.left - bar.width) * 100}% + 6px)` }
              }
            >
              {label}
            </span>
          </>
        ) : null}
      </div>
    </div>
  );
}

export const WaterfallRow = memo(WaterfallRowView);
