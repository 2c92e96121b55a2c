// Order statistics for the benchmark's wall-clock figures. Percentiles interpolate linearly between the two
// nearest ranks (Hyndman & Fan type 7, numpy's and R's default), so the p50 of an even-sized sample is its median.

/** A summary of one sample of durations (milliseconds). Every figure is 0 for an empty sample. */
export interface Distribution {
  count: number;
  p50: number;
  p95: number;
  mean: number;
  total: number;
}

/**
 * The `p`-th percentile (0–100) of `values`, interpolating between ranks.
 *
 * @example
 * percentile([1, 2, 3, 4], 50); // 2.5
 * percentile([10, 20, 30], 95); // 29
 */
export function percentile(values: readonly number[], p: number): number {
  if (!Number.isFinite(p) || p < 0 || p > 100) throw new RangeError(`percentile must be within 0–100, got ${p}`);
  if (values.length === 0) return 0;
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError(`cannot take a percentile of a non-finite value (${value})`);
  }
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lower = Math.floor(rank);
  const upper = Math.ceil(rank);
  const low = sorted[lower]!;
  return low + (sorted[upper]! - low) * (rank - lower);
}

/**
 * Count, p50, p95, mean and total of a sample.
 *
 * @example
 * distribution([120, 80, 100]); // { count: 3, p50: 100, p95: 118, mean: 100, total: 300 }
 */
export function distribution(values: readonly number[]): Distribution {
  const total = values.reduce((sum, value) => sum + value, 0);
  return {
    count: values.length,
    p50: percentile(values, 50),
    p95: percentile(values, 95),
    mean: values.length === 0 ? 0 : total / values.length,
    total,
  };
}
