// One trace as a waterfall, with the selected span's details beside it; refreshes while spans keep arriving.
import type { Metadata } from 'next';
import Link from 'next/link';
import type { TraceDetail } from '@hotpath/collector/api-types';
import { CollectorErrorState } from '../../../components/CollectorErrorState.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { LiveUpdates } from '../../../components/LiveUpdates.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { TimeShareLine } from '../../../components/TimeShareLine.tsx';
import { TraceSummaryLine } from '../../../components/TraceSummaryLine.tsx';
import { Waterfall } from '../../../components/Waterfall.tsx';
import { CollectorResponseError } from '../../../lib/dashboard-error.ts';
import { isTraceId } from '../../../lib/trace-id.ts';
import { packSpans } from '../../../lib/packed-spans.ts';
import { timeBreakdown } from '../../../lib/time-breakdown.ts';
import { attempt } from '../../../server/attempt.ts';
import { queryCollector } from '../../../server/collector-client.ts';

export const metadata: Metadata = { title: 'Trace' };

export default async function TracePage({ params }: { params: Promise<{ traceId: string }> }) {
  const { traceId: raw } = await params;
  const traceId = raw.toLowerCase();
  if (!isTraceId(traceId)) {
    return (
      <>
        <PageHeader title="Trace" />
        <div className="panel">
          <EmptyState title="That is not a trace id">
            Trace ids are 32 hexadecimal digits. <Link href="/">Back to the traces</Link>
          </EmptyState>
        </div>
      </>
    );
  }
  const detail = await attempt(() => queryCollector<TraceDetail>(`/api/traces/${traceId}`, { view: 'waterfall' }));
  if (!detail.ok) {
    const missing = detail.error instanceof CollectorResponseError && detail.error.status === 404;
    return (
      <>
        <PageHeader title="Trace" subtitle={<span className="mono">{traceId}</span>} />
        {missing ? (
          <div className="panel">
            <EmptyState title="No such trace">
              The collector holds no spans for this trace id. It may not have arrived yet, or retention removed it. <Link href="/">Back to the traces</Link>
            </EmptyState>
          </div>
        ) : (
          <CollectorErrorState error={detail.error} />
        )}
      </>
    );
  }
  const { trace, spans } = detail.value;
  return (
    <>
      <PageHeader
        title={<span data-testid="trace-title">{trace.name}</span>}
        subtitle={
          <>
            <TraceSummaryLine trace={trace} />
            <TimeShareLine parts={timeBreakdown(spans, trace.startTime, trace.endTime)} totalMs={trace.durationMs} />
          </>
        }
        actions={
          <>
            <LiveUpdates traceId={trace.traceId} />
            <Link className="btn btn-sm" href={`/compare?a=${trace.traceId}`}>Compare…</Link>
          </>
        }
      />
      <Waterfall traceId={trace.traceId} packed={packSpans(spans)} mode="full" />
    </>
  );
}
