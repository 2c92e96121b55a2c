// GET /api/traces/:traceId and /api/traces/:traceId/spans/:spanId: one trace with its spans, one span in full.
import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import { CollectorError } from '../errors.ts';
import { resources, scopes, spans, traces, type TraceRecord } from '../storage/schema.ts';
import type { SpanRow, TraceDetail } from './api-types.ts';
import type { QueryStore } from './query-store.ts';
import { toSpanRow, toTraceSummary, type StoredSpan } from './to-api.ts';

const fullSpanColumns = {
  ...getTableColumns(spans),
  resourceAttributes: resources.attributes,
  scopeName: scopes.name,
  scopeVersion: scopes.version,
};

/**
 * One trace with all its spans sorted by start time, or undefined when unknown. `full: false` is `view=waterfall`.
 *
 * @example
 * (await getTrace(store, traceId, { full: false }))?.spans.length;
 */
export async function getTrace(store: QueryStore, traceId: string, options: { full: boolean }): Promise<TraceDetail | undefined> {
  const record = await findTrace(store, traceId);
  if (record === undefined) return undefined;
  const { db } = store;
  const rows: StoredSpan[] = options.full
    ? await db
        .select(fullSpanColumns)
        .from(spans)
        .leftJoin(resources, eq(resources.id, spans.resourceId))
        .leftJoin(scopes, eq(scopes.id, spans.scopeId))
        .where(eq(spans.traceId, traceId))
        .orderBy(asc(spans.startMs), asc(spans.spanId))
    : await db.select().from(spans).where(eq(spans.traceId, traceId)).orderBy(asc(spans.startMs), asc(spans.spanId));
  return { trace: toTraceSummary(record), spans: rows.map((row) => toSpanRow(row, options.full)) };
}

/**
 * The stored summary of one trace, or undefined.
 *
 * @example
 * const record = await findTrace(store, traceId);
 */
export async function findTrace(store: QueryStore, traceId: string): Promise<TraceRecord | undefined> {
  const [record] = await store.db.select().from(traces).where(eq(traces.traceId, traceId)).limit(1);
  return record;
}

/**
 * Like getTrace, but a missing trace is a 404.
 *
 * @example
 * await requireTrace(store, traceId, { full: true });
 */
export async function requireTrace(store: QueryStore, traceId: string, options: { full: boolean }): Promise<TraceDetail> {
  const detail = await getTrace(store, traceId, options);
  if (detail === undefined) throw new CollectorError('not_found', `no trace ${traceId}`);
  return detail;
}

/**
 * One span with full data; a 404 when unknown.
 *
 * @example
 * (await getSpan(store, traceId, spanId)).attributes;
 */
export async function getSpan(store: QueryStore, traceId: string, spanId: string): Promise<SpanRow> {
  const [row] = await store.db
    .select(fullSpanColumns)
    .from(spans)
    .leftJoin(resources, eq(resources.id, spans.resourceId))
    .leftJoin(scopes, eq(scopes.id, spans.scopeId))
    .where(and(eq(spans.traceId, traceId), eq(spans.spanId, spanId)))
    .limit(1);
  if (row === undefined) throw new CollectorError('not_found', `no span ${spanId} in trace ${traceId}`);
  return toSpanRow(row, true);
}
