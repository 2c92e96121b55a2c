// The sentence over an aggregate page whose figures include simulated runs, from the collector's
// `simulatedShare`; the rows themselves carry their own label.
import { formatPercent } from './format.ts';

/** Which calls a share counts, and how many of them were simulated (0 to 1). */
export interface SimulatedShare {
  share: number;
  /** Plural noun of the calls counted, e.g. `model calls`. */
  calls: string;
}

/**
 * Null when nothing was simulated; rounding never claims "all" or "none" when that is not so.
 *
 * @example
 * simulatedShareSentence({ share: 0.25, calls: 'model calls' }) // '25.0% of the model calls in this window are simulated'
 */
export function simulatedShareSentence({ share, calls }: SimulatedShare): string | null {
  if (!(share > 0)) return null;
  if (share >= 1) return `All ${calls} in this window are simulated`;
  const shown = formatPercent(share);
  const amount = shown === '100.0%' ? 'Over 99.9%' : shown === '0.00%' ? 'Under 0.01%' : shown;
  return `${amount} of the ${calls} in this window are simulated`;
}
