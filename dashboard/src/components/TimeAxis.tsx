'use client';
// The waterfall's time axis: round ticks across the visible range; drag across it to zoom into a slice.
import { useRef, useState, type PointerEvent } from 'react';
import { formatDuration } from '../lib/format.ts';
import { axisTicks, type TimeRange } from '../lib/time-scale.ts';

export function TimeAxis({ view, onZoom }: { view: TimeRange; onZoom: (range: TimeRange) => void }) {
  const ref = useRef<HTMLDivElement>(null);
  const [brush, setBrush] = useState<{ from: number; to: number } | null>(null);
  const length = view.end - view.start;
  const fraction = (event: PointerEvent<HTMLDivElement>) => {
    const box = ref.current!.getBoundingClientRect();
    return Math.min(1, Math.max(0, (event.clientX - box.left) / Math.max(1, box.width)));
  };
  return (
    <div
      ref={ref}
      className="wf-axis"
      data-testid="time-axis"
      title="Drag to zoom into a time range"
      onPointerDown={(event) => {
        event.currentTarget.setPointerCapture(event.pointerId);
        const at = fraction(event);
        setBrush({ from: at, to: at });
      }}
      onPointerMove={(event) => {
        if (brush) setBrush({ ...brush, to: fraction(event) });
      }}
      onPointerUp={(event) => {
        if (!brush) return;
        const to = fraction(event);
        const [low, high] = brush.from < to ? [brush.from, to] : [to, brush.from];
        setBrush(null);
        if ((high - low) * (ref.current?.clientWidth ?? 0) >= 4) onZoom({ start: view.start + low * length, end: view.start + high * length });
      }}
      onPointerCancel={() => setBrush(null)}
    >
      {axisTicks(view, 6).map((tick) => (
        <span key={tick} className="wf-tick" style={{ left: `${((tick - view.start) / length) * 100}%` }}>
          {formatDuration(tick)}
        </span>
      ))}
      {brush ? (
        <div className="wf-brush" style={{ left: `${Math.min(brush.from, brush.to) * 100}%`, width: `${Math.abs(brush.to - brush.from) * 100}%` }} />
      ) : null}
    </div>
  );
}
