// Pivots the collector's spend buckets (one per time bucket and group) into chart rows (one per time bucket,
// a column per group), filling empty buckets with zeros so gaps in traffic show as gaps, not as slopes.
import type { SpendFigures, SpendResponse } from '@hotpath/collector/api-types';

/** Which figure a chart plots. `tokens` is input + output. */
export type SpendMetric = 'tokens' | 'inputTokens' | 'outputTokens' | 'cachedInputTokens' | 'costUsd' | 'requests';

/** One chart row: the bucket start (epoch ms) and one value per group. */
export type SpendRow = { start: number } & Record<string, number>;

/** At most this many buckets are filled in, so a tiny bucket over a long range cannot freeze the page. */
const MAX_BUCKETS = 2000;

/**
 * Chart rows for one metric, sorted by time, every group present in every row.
 *
 * @example
 * spendSeries(spend, 'costUsd') // [{ start: 1700000000000, 'sim-large': 0.12, 'sim-small': 0.01 }, …]
 */
export function spendSeries(spend: Pick<SpendResponse, 'bucketMs' | 'groups' | 'buckets'>, metric: SpendMetric): SpendRow[] {
  const rows = new Map<number, SpendRow>();
  const empty = (start: number): SpendRow => {
    const row = { start } as SpendRow;
    for (const group of spend.groups) row[group] = 0;
    return row;
  };
  for (const bucket of spend.buckets) {
    const row = rows.get(bucket.start) ?? empty(bucket.start);
    const value = metric === 'tokens' ? bucket.inputTokens + bucket.outputTokens : bucket[metric];
    row[bucket.group] = (row[bucket.group] ?? 0) + value;
    rows.set(bucket.start, row);
  }
  const starts = [...rows.keys()].sort((a, b) => a - b);
  if (starts.length >= 2 && spend.bucketMs > 0) {
    const first = starts[0]!;
    const last = starts.at(-1)!;
    if ((last - first) / spend.bucketMs <= MAX_BUCKETS) {
      for (let start = first; start < last; start += spend.bucketMs) if (!rows.has(start)) rows.set(start, empty(start));
    }
  }
  return [...rows.values()].sort((a, b) => a.start - b.start);
}

/**
 * Share of input tokens served from the provider's prompt cache, per bucket across all groups; null for buckets
 * without input tokens.
 *
 * @example
 * cachedShareSeries(spend) // [{ start: 1700000000000, cachedShare: 0.42 }, …]
 */
export function cachedShareSeries(spend: Pick<SpendResponse, 'bucketMs' | 'groups' | 'buckets'>): { start: number; cachedShare: number | null }[] {
  const input = spendSeries(spend, 'inputTokens');
  const cached = spendSeries(spend, 'cachedInputTokens');
  return input.map((row, index) => {
    const total = spend.groups.reduce((sum, group) => sum + (row[group] ?? 0), 0);
    const hit = spend.groups.reduce((sum, group) => sum + (cached[index]?.[group] ?? 0), 0);
    // A bucket without input tokens has no share (a gap in the line), not a share of zero.
    return { start: row.start, cachedShare: total > 0 ? hit / total : null };
  });
}

/** One group's totals; `simulated` when any of its buckets includes a simulated call. */
export interface GroupSpend extends SpendFigures {
  group: string;
  simulated: boolean;
}

/**
 * Totals per group, largest cost first: the table under the charts.
 *
 * @example
 * spendByGroup(spend)[0] // { group: 'sim-large', inputTokens: 12000, …, costUsd: 0.31, simulated: true }
 */
export function spendByGroup(spend: Pick<SpendResponse, 'groups' | 'buckets'>): GroupSpend[] {
  const empty = (group: string): GroupSpend => ({ group, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, costUsd: 0, requests: 0, simulated: false });
  const totals = new Map(spend.groups.map((group) => [group, empty(group)]));
  for (const bucket of spend.buckets) {
    const total = totals.get(bucket.group) ?? empty(bucket.group);
    total.inputTokens += bucket.inputTokens;
    total.outputTokens += bucket.outputTokens;
    total.cachedInputTokens += bucket.cachedInputTokens;
    total.costUsd += bucket.costUsd;
    total.requests += bucket.requests;
    total.simulated ||= bucket.simulated;
    totals.set(bucket.group, total);
  }
  return [...totals.values()].sort((a, b) => b.costUsd - a.costUsd || b.inputTokens + b.outputTokens - (a.inputTokens + a.outputTokens));
}
