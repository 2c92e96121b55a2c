// Picks the spend chart's time bucket: a round size giving a readable number of bars for the window shown.

const NICE_BUCKETS_MS = [1_000, 5_000, 10_000, 30_000, 60_000, 300_000, 600_000, 1_800_000, 3_600_000, 10_800_000, 21_600_000, 43_200_000, 86_400_000, 604_800_000];

/**
 * The smallest round bucket that splits `[from, to]` into at most `maxBuckets` buckets (never under a second,
 * the collector's minimum).
 *
 * @example
 * bucketSize(0, 3_600_000) // 60_000: one bar per minute over an hour
 */
export function bucketSize(from: number, to: number, maxBuckets = 60): number {
  const span = Math.max(0, to - from);
  return NICE_BUCKETS_MS.find((size) => span / size <= maxBuckets) ?? NICE_BUCKETS_MS.at(-1)!;
}
