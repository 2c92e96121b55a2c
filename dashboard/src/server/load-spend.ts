// The token spend page's data: the window (for "all time", from the oldest run), a bucket size that gives a
// readable chart, and the spend itself (whose buckets say which include simulated runs).
import type { SpendResponse, TraceListResponse } from '@hotpath/collector/api-types';
import type { AggregateQuery } from '../lib/aggregate-query.ts';
import { windowStart } from '../lib/aggregate-query.ts';
import { bucketSize } from '../lib/bucket-size.ts';
import { queryCollector } from './collector-client.ts';

/**
 * @example
 * const spend = await loadSpend({ range: '24h', groupBy: 'model' }, Date.now());
 */
export async function loadSpend(query: AggregateQuery, now: number): Promise<SpendResponse> {
  let from = windowStart(query.range, now);
  if (from === undefined) {
    const oldest = await queryCollector<TraceListResponse>('/api/traces', { sort: 'start', order: 'asc', limit: 1 });
    from = oldest.traces[0]?.startTime ?? now - 3_600_000;
  }
  const bucketMs = bucketSize(from, now);
  // Aligned to the bucket so the first bar covers a whole bucket.
  return queryCollector<SpendResponse>('/api/spend', { from: Math.floor(from / bucketMs) * bucketMs, to: now, bucketMs, groupBy: query.groupBy });
}
