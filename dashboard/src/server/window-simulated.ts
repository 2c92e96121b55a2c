// Which runs of a time window were simulated, from the trace list (the aggregate answers carry no such flag).
import type { TraceListResponse } from '@hotpath/collector/api-types';
import { simulatedRuns, type SimulatedRuns } from '../lib/simulated-runs.ts';
import { queryCollector } from './collector-client.ts';

/** The collector's largest page: windows with more runs are judged on their newest 500. */
const LIMIT = 500;

/**
 * @example
 * const simulated = await windowSimulated(Date.now() - 3_600_000);
 */
export async function windowSimulated(from: number | undefined): Promise<SimulatedRuns> {
  const { traces } = await queryCollector<TraceListResponse>('/api/traces', { from, limit: LIMIT });
  return simulatedRuns(traces);
}
