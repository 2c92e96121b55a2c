'use client';
// The whole trace at a glance, above the rows: every visible row as a line on one small canvas (time across, row
// order down, coloured by kind), with a frame around what is on screen (the rows scrolled to and the zoomed time
// range). Click to jump there; drag across to zoom into a time range. Drawn once per change of rows, not per scroll,
// so it costs the same for 200,000 rows as for 20 while scrolling.
import { useEffect, useRef, useState, type PointerEvent } from 'react';
import type { SpanNode } from '../lib/span-tree.ts';
import type { TimeRange } from '../lib/time-scale.ts';

const HEIGHT = 44;
/** The colour variables of globals.css each category's bar takes (so dark mode applies here too). */
const CATEGORY_VARIABLES: Record<string, string> = {
  agent: '--agent',
  model: '--model',
  tool: '--tool',
  'cache-hit': '--cache-hit',
  routing: '--routing',
  other: '--other',
  error: '--error',
};

export interface WaterfallMinimapProps {
  rows: readonly SpanNode[];
  /** Changes whenever the rows or their spans change (the tree is changed in place). */
  version: number;
  traceStart: number;
  /** Length of the whole time axis, ms. */
  duration: number;
  /** Where running spans end for now. */
  runningEnd: number;
  view: TimeRange;
  /** Rows on screen, first and last index. */
  firstRow: number;
  lastRow: number;
  onJump: (rowIndex: number) => void;
  onZoom: (range: TimeRange) => void;
}

export function WaterfallMinimap({ rows, version, traceStart, duration, runningEnd, view, firstRow, lastRow, onJump, onZoom }: WaterfallMinimapProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [width, setWidth] = useState(0);
  const [brush, setBrush] = useState<{ from: number; to: number } | null>(null);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    const observer = new ResizeObserver(() => setWidth(canvas.clientWidth));
    observer.observe(canvas);
    setWidth(canvas.clientWidth);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const frame = requestAnimationFrame(() => {
      const scale = window.devicePixelRatio || 1;
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(HEIGHT * scale);
      const context = canvas.getContext('2d');
      if (!context) return;
      const style = getComputedStyle(canvas);
      const colours = Object.fromEntries(Object.entries(CATEGORY_VARIABLES).map(([category, variable]) => [category, style.getPropertyValue(variable).trim() || '#888']));
      context.clearRect(0, 0, canvas.width, canvas.height);
      const rowHeight = Math.max(1, canvas.height / Math.max(1, rows.length));
      const across = canvas.width / Math.max(duration, 0.001);
      let colour = '';
      rows.forEach((node, index) => {
        const { span } = node;
        const next = colours[span.error ? 'error' : span.category]!;
        if (next !== colour) context.fillStyle = colour = next;
        const end = span.running ? Math.max(span.start, runningEnd) : span.end;
        context.fillRect((span.start - traceStart) * across, (index * canvas.height) / rows.length, Math.max(1, (end - span.start) * across), rowHeight);
      });
    });
    return () => cancelAnimationFrame(frame);
  }, [rows, version, width, traceStart, duration, runningEnd]);

  const fractionAt = (event: PointerEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    return { x: Math.min(1, Math.max(0, (event.clientX - box.left) / Math.max(1, box.width))), y: Math.min(1, Math.max(0, (event.clientY - box.top) / Math.max(1, box.height))) };
  };
  const total = Math.max(1, rows.length);
  const frame = {
    left: `${(view.start / Math.max(duration, 0.001)) * 100}%`,
    width: `${Math.max(0.4, ((view.end - view.start) / Math.max(duration, 0.001)) * 100)}%`,
    top: `${(firstRow / total) * 100}%`,
    height: `max(3px, ${((lastRow - firstRow + 1) / total) * 100}%)`,
  };
  return (
    <div
      className="wf-minimap"
      data-testid="minimap"
      title="The whole trace: click to jump there, drag across to zoom"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        const { x } = fractionAt(event);
        setBrush({ from: x, to: x });
      }}
      onPointerMove={(event) => {
        if (brush) setBrush({ ...brush, to: fractionAt(event).x });
      }}
      onPointerUp={(event) => {
        if (!brush) return;
        const { x, y } = fractionAt(event);
        const [low, high] = brush.from < x ? [brush.from, x] : [x, brush.from];
        setBrush(null);
        if ((high - low) * event.currentTarget.clientWidth >= 4) onZoom({ start: low * duration, end: high * duration });
        else onJump(Math.min(rows.length - 1, Math.floor(y * rows.length)));
      }}
      onPointerCancel={() => setBrush(null)}
    >
      <canvas ref={canvasRef} style={{ width: '100%', height: HEIGHT }} aria-label={`Overview of ${rows.length.toLocaleString('en-US')} rows`} role="img" />
      <div className="wf-minimap-window" data-testid="minimap-window" style={frame} />
      {brush ? <div className="wf-brush" style={{ left: `${Math.min(brush.from, brush.to) * 100}%`, width: `${Math.abs(brush.to - brush.from) * 100}%` }} /> : null}
    </div>
  );
}
