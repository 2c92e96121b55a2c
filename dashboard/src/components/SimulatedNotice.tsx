// Page-level label for aggregate figures that include simulated runs.
import type { SimulatedRuns } from '../lib/simulated-runs.ts';
import { SimulatedBadge } from './SimulatedBadge.tsx';

export function SimulatedNotice({ simulated }: { simulated: SimulatedRuns }) {
  if (!simulated.any) return null;
  return (
    <div className="notice notice-warn" role="status" data-testid="simulated-notice">
      <SimulatedBadge />
      <div>
        {simulated.all ? 'Every run in this window is simulated' : `${simulated.traceIds.size} run${simulated.traceIds.size === 1 ? '' : 's'} in this window ${simulated.traceIds.size === 1 ? 'is' : 'are'} simulated`}
        : their model calls went to Hotpath&apos;s simulated model server, so their latencies and costs are modelled, not measured.
      </div>
    </div>
  );
}
