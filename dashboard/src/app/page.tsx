// Traces: every run the collector holds, filtered, sorted and paginated through the URL, updating live.
import Link from 'next/link';
import type { FacetsResponse, TraceListResponse } from '@hotpath/collector/api-types';
import { CollectorErrorState } from '../components/CollectorErrorState.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { PageHeader } from '../components/PageHeader.tsx';
import { TraceFilters } from '../components/TraceFilters.tsx';
import { TracesTable } from '../components/TracesTable.tsx';
import { collectorTraceParams, hasFilters, parseTraceListQuery, traceListHref, type SearchParamsRecord } from '../lib/trace-list-query.ts';
import { attempt } from '../server/attempt.ts';
import { queryCollector } from '../server/collector-client.ts';

const PAGE_SIZE = 50;

export default async function TracesPage({ searchParams }: { searchParams: Promise<SearchParamsRecord> }) {
  const { query, errors } = parseTraceListQuery(await searchParams);
  const now = Date.now();
  const params = collectorTraceParams(query, now, PAGE_SIZE);
  const [list, facets] = await Promise.all([
    attempt(() => queryCollector<TraceListResponse>('/api/traces', params)),
    attempt(() => queryCollector<FacetsResponse>('/api/facets')),
  ]);
  const firstPage = !query.cursor;

  return (
    <>
      <PageHeader
        title="Traces"
        subtitle="Agent runs as they reach the collector. Pick two to compare."
      />
      {errors.length > 0 ? (
        <div className="notice notice-warn" role="status" data-testid="parameter-warning">
          <div>
            <strong>Some filters in the link were ignored</strong>
            {errors.map((error) => error.message).join(' ')}
          </div>
        </div>
      ) : null}
      {!list.ok ? (
        <CollectorErrorState error={list.error} />
      ) : (
        <section className="panel">
          <TraceFilters query={query} facets={facets.ok ? facets.value : null} />
          {list.value.traces.length === 0 ? (
            hasFilters(query) ? (
              <EmptyState title="No traces match these filters">
                <Link href="/">Clear the filters</Link> or widen the time range.
              </EmptyState>
            ) : (
              <EmptyState title="No traces yet">
                Send OpenTelemetry spans to this collector&apos;s <code>/v1/traces</code> endpoint, for example with{' '}
                <code>setup(&#123; serviceName, endpoint &#125;)</code> from <code>@hotpath/sdk/otel</code>. They appear here as they arrive.
              </EmptyState>
            )
          ) : (
            <>
              <TracesTable
                traces={list.value.traces}
                query={query}
                now={now}
                collectorParams={params}
                pageSize={PAGE_SIZE}
                newestHref={firstPage ? undefined : traceListHref(query, {})}
              />
              <div className="pager">
                <span>
                  {list.value.traces.length} trace{list.value.traces.length === 1 ? '' : 's'} {firstPage ? 'on the newest page' : 'on this page'}
                </span>
                <span style={{ display: 'flex', gap: 8 }}>
                  <Link className="btn btn-sm" aria-disabled={firstPage} href={traceListHref(query, {})}>
                    First page
                  </Link>
                  <Link
                    className="btn btn-sm"
                    aria-disabled={!list.value.nextCursor}
                    href={list.value.nextCursor ? traceListHref(query, { cursor: list.value.nextCursor }) : '#'}
                  >
                    Next page →
                  </Link>
                </span>
              </div>
            </>
          )}
        </section>
      )}
    </>
  );
}
