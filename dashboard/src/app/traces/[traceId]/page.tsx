// One trace as a waterfall. The server reads only the first page of spans (start order) and the trace's summary,
// so the first screen paints from it while the browser loads the rest and follows the trace live (TraceView).
import type { Metadata } from 'next';
import Link from 'next/link';
import type { SpanPage } from '@hotpath/collector/api-types';
import { CollectorErrorState } from '../../../components/CollectorErrorState.tsx';
import { EmptyState } from '../../../components/EmptyState.tsx';
import { PageHeader } from '../../../components/PageHeader.tsx';
import { TraceView } from '../../../components/TraceView.tsx';
import { CollectorResponseError } from '../../../lib/dashboard-error.ts';
import { isTraceId } from '../../../lib/trace-id.ts';
import { attempt } from '../../../server/attempt.ts';
import { queryCollector } from '../../../server/collector-client.ts';

export const metadata: Metadata = { title: 'Trace' };

/** Spans in the page the server renders: more than a screen of rows even when deep subtrees come first. */
const FIRST_PAGE = 2_000;

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
  const first = await attempt(() => queryCollector<SpanPage>(`/api/traces/${traceId}/spans`, { limit: FIRST_PAGE }));
  if (!first.ok) {
    const missing = first.error instanceof CollectorResponseError && first.error.status === 404;
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
          <CollectorErrorState error={first.error} />
        )}
      </>
    );
  }
  // A trace that stops sending anything (its process died) has its running spans shown as never ended after this.
  const quietAfterMs = Number(process.env.HOTPATH_QUIET_AFTER_MS) || 30_000;
  return <TraceView firstPage={first.value} quietAfterMs={quietAfterMs} />;
}
