// How a figure moved between two runs, for the compare view: the signed difference and its share of the first
// run's figure. Whether the move is good for the user is change-tone.ts's question.

export interface Change {
  delta: number;
  /** delta / a; null when a is zero (no baseline to compare with). */
  ratio: number | null;
}

/**
 * @example
 * relativeChange(12_000, 8_000) // { delta: -4000, ratio: -0.333… }
 */
export function relativeChange(a: number, b: number): Change {
  const delta = b - a;
  return { delta, ratio: a !== 0 ? delta / Math.abs(a) : null };
}

/**
 * Speedup as a label: "3.2× faster", "1.5× slower" or "same speed".
 *
 * @example
 * speedupLabel(3.21) // '3.21× faster'
 */
export function speedupLabel(speedup: number | null): string {
  if (speedup === null || !Number.isFinite(speedup) || speedup <= 0) return 'n/a';
  if (Math.abs(speedup - 1) < 0.005) return 'same speed';
  return speedup > 1 ? `${speedup.toFixed(2)}× faster` : `${(1 / speedup).toFixed(2)}× slower`;
}
