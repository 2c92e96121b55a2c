// "2 cancelled / 1 fell back": tool calls that worked as designed though something did not happen (a speculative
// call stopped unused, a timeout its fallback answered), shown beside a trace's status, never as errors.
import type { TraceSummary } from '@hotpath/collector/api-types';

/**
 * The text for a trace's cancelled and fallen-back tool calls, or null when there are none.
 *
 * @example
 * quietOutcomesText({ cancelledCount: 2, fellBackCount: 1 }) // '2 cancelled / 1 fell back'
 */
export function quietOutcomesText(trace: Pick<TraceSummary, 'cancelledCount' | 'fellBackCount'>): string | null {
  const parts = [];
  if ((trace.cancelledCount ?? 0) > 0) parts.push(`${trace.cancelledCount} cancelled`);
  if ((trace.fellBackCount ?? 0) > 0) parts.push(`${trace.fellBackCount} fell back`);
  return parts.length === 0 ? null : parts.join(' / ');
}
