// One line of a trace's headline figures: start, duration, spans, tokens, cost, status and badges.
import type { TraceSummary } from '@hotpath/collector/api-types';
import { formatCost, formatDuration, formatTimestamp, formatTokens, shortId } from '../lib/format.ts';
import { quietOutcomesText } from '../lib/quiet-outcomes.ts';
import { SimulatedBadge } from './SimulatedBadge.tsx';

export function TraceSummaryLine({ trace }: { trace: TraceSummary }) {
  return (
    <div className="trace-meta" data-testid="trace-summary">
      <span className="mono" title={trace.traceId}>{shortId(trace.traceId, 16)}</span>
      {trace.service ? <span>service <b>{trace.service}</b></span> : null}
      {trace.agent ? <span>agent <b>{trace.agent}</b></span> : null}
      <span>started <b>{formatTimestamp(trace.startTime)}</b> UTC</span>
      <span>duration <b>{formatDuration(trace.durationMs)}</b></span>
      <span><b>{trace.spanCount.toLocaleString('en-US')}</b> spans{trace.openSpanCount > 0 ? <> · <b>{trace.openSpanCount.toLocaleString('en-US')}</b> running</> : null}</span>
      <span>tokens <b>{formatTokens(trace.inputTokens)}</b> in · <b>{formatTokens(trace.outputTokens)}</b> out · <b>{formatTokens(trace.cachedInputTokens)}</b> cached</span>
      <span>cost <b>{formatCost(trace.costUsd)}</b></span>
      {trace.status === 'error' ? <span className="badge badge-error">{trace.errorCount} error{trace.errorCount === 1 ? '' : 's'}</span> : <span className="badge badge-ok">ok</span>}
      {quietOutcomesText(trace) ? <span className="cell-sub" data-testid="quiet-outcomes">{quietOutcomesText(trace)}</span> : null}
      {trace.inProgress ? <span className="badge badge-progress">in progress</span> : null}
      {trace.simulated ? <SimulatedBadge /> : null}
    </div>
  );
}
