// Maps time onto the waterfall's horizontal axis. Times inside a trace are offsets in milliseconds from the
// trace start; a view range is the visible slice of them, so zoom is nothing more than a new range.

/** A slice of a trace's timeline, in milliseconds from the trace start. */
export interface TimeRange {
  start: number;
  end: number;
}

/** Where a bar sits, as fractions in [0, 1] of the row's width. */
export interface BarGeometry {
  left: number;
  width: number;
  /** The span continues past the left or right edge of the view. */
  clippedLeft: boolean;
  clippedRight: boolean;
}

/**
 * Position of a span's bar in the view, or null when the span lies entirely outside it.
 *
 * @example
 * barGeometry(100, 300, { start: 0, end: 1000 }) // { left: 0.1, width: 0.2, clippedLeft: false, clippedRight: false }
 */
export function barGeometry(startOffset: number, endOffset: number, view: TimeRange): BarGeometry | null {
  const length = view.end - view.start;
  if (!(length > 0)) return null;
  if (endOffset < view.start || startOffset > view.end) return null;
  const from = Math.max(startOffset, view.start);
  const to = Math.min(Math.max(endOffset, startOffset), view.end);
  return {
    left: (from - view.start) / length,
    width: (to - from) / length,
    clippedLeft: startOffset < view.start,
    clippedRight: endOffset > view.end,
  };
}

/**
 * Evenly spaced, round tick positions across a range (1, 2 or 5 times a power of ten).
 *
 * @example
 * axisTicks({ start: 0, end: 1000 }, 5) // [0, 200, 400, 600, 800, 1000]
 */
export function axisTicks(range: TimeRange, approximateCount = 6): number[] {
  const length = range.end - range.start;
  if (!(length > 0) || !Number.isFinite(length)) return [range.start];
  const raw = length / Math.max(1, approximateCount);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw) ?? 10 * power;
  const ticks: number[] = [];
  const first = Math.ceil(range.start / step) * step;
  for (let tick = first; tick <= range.end + step * 1e-9; tick += step) ticks.push(Number(tick.toPrecision(12)));
  return ticks;
}

/**
 * Clamps a requested range into [0, duration], keeping at least `minimum` milliseconds visible.
 *
 * @example
 * clampRange({ start: -5, end: 2000 }, 1000) // { start: 0, end: 1000 }
 */
export function clampRange(range: TimeRange, duration: number, minimum = 0.001): TimeRange {
  const total = Math.max(duration, minimum);
  let start = Math.min(Math.max(range.start, 0), total);
  let end = Math.min(Math.max(range.end, 0), total);
  if (end < start) [start, end] = [end, start];
  if (end - start < minimum) {
    end = Math.min(total, start + minimum);
    start = Math.max(0, end - minimum);
  }
  return { start, end };
}
