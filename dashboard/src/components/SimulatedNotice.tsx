// Page-level label for aggregate figures that include simulated runs; the simulated rows carry their own badge.
import { simulatedShareSentence, type SimulatedShare } from '../lib/simulated-share.ts';
import { SimulatedBadge } from './SimulatedBadge.tsx';

export function SimulatedNotice({ simulated }: { simulated: SimulatedShare }) {
  const sentence = simulatedShareSentence(simulated);
  if (sentence === null) return null;
  return (
    <div className="notice notice-warn" role="status" data-testid="simulated-notice">
      <SimulatedBadge />
      <div>
        {sentence}: their runs used Hotpath&apos;s simulated model server, so their latencies and costs are modelled, not measured. Rows that include
        them are labelled.
      </div>
    </div>
  );
}
