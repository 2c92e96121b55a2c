// The token spend page's data: the window (for "all time", from the oldest run), a bucket size that gives a
// readable chart, the spend itself and which runs in the window were simulated.
import type { SpendResponse, TraceListResponse } from '@hotpath/collector/api-types';
import type { AggregateQuery } from '../lib/aggregate-query.ts';
import { windowStart } from '../lib/aggregate-query.ts';
import { bucketSize } from '../lib/bucket-size.ts';
import type { SimulatedRuns } from '../lib/simulated-runs.ts';
import { queryCollector } from './collector-client.ts';
import { windowSimulated } from './window-simulated.ts';

/**
 * @example
 * const { spend, simulated } = await loadSpend({ range: '24h', groupBy: 'model' }, Date.now());
 */
export async function loadSpend(query: AggregateQuery, now: number): Promise<{ spend: SpendResponse; simulated: SimulatedRuns }> {
  let from = windowStart(query.range, now);
  if (from === undefined) {
    const oldest = await queryCollector<TraceListResponse>('/api/traces', { sort: 'start', order: 'asc', limit: 1 });
    from = oldest.traces[0]?.startTime ?? now - 3_600_000;
  }
  const bucketMs = bucketSize(from, now);
  const [spend, simulated] = await Promise.all([
    // Aligned to the bucket so the first bar covers a whole bucket.
    queryCollector<SpendResponse>('/api/spend', { from: Math.floor(from / bucketMs) * bucketMs, to: now, bucketMs, groupBy: query.groupBy }),
    windowSimulated(windowStart(query.range, now)),
  ]);
  return { spend, simulated };
}
