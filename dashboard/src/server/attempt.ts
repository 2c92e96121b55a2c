// Runs a query API call and answers its value or the dashboard error it raised, so a page can render an error
// state in place of the failed section while unexpected errors still reach the error boundary.
import { DashboardError } from '../lib/dashboard-error.ts';

export type Attempt<T> = { ok: true; value: T } | { ok: false; error: DashboardError };

/**
 * @example
 * const traces = await attempt(() => queryCollector<TraceListResponse>('/api/traces'));
 * if (!traces.ok) return <CollectorErrorState error={traces.error} />;
 */
export async function attempt<T>(load: () => Promise<T>): Promise<Attempt<T>> {
  try {
    return { ok: true, value: await load() };
  } catch (error) {
    if (DashboardError.isInstance(error)) return { ok: false, error };
    throw error;
  }
}
