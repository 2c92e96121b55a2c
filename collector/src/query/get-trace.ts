// GET /api/traces/:traceId and /api/traces/:traceId/spans/:spanId: one trace with its spans, one span in full.
import { and, asc, eq, getTableColumns } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { CollectorError } from '../errors.ts';
import type * as schema from '../storage/schema.ts';
import { resources, scopes, spans, traces } from '../storage/schema.ts';
import type { SpanRow, TraceDetail } from './api-types.ts';
import { toSpanRow, toTraceSummary, type StoredSpan } from './to-api.ts';

type Db = BetterSQLite3Database<typeof schema>;

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
 * getTrace(db, traceId, { full: false })?.spans.length;
 */
export function getTrace(db: Db, traceId: string, options: { full: boolean }): TraceDetail | undefined {
  const record = db.select().from(traces).where(eq(traces.traceId, traceId)).get();
  if (record === undefined) return undefined;
  const rows: StoredSpan[] = options.full
    ? db
        .select(fullSpanColumns)
        .from(spans)
        .leftJoin(resources, eq(resources.id, spans.resourceId))
        .leftJoin(scopes, eq(scopes.id, spans.scopeId))
        .where(eq(spans.traceId, traceId))
        .orderBy(asc(spans.startMs), asc(spans.spanId))
        .all()
    : db.select().from(spans).where(eq(spans.traceId, traceId)).orderBy(asc(spans.startMs), asc(spans.spanId)).all();
  return { trace: toTraceSummary(record), spans: rows.map((row) => toSpanRow(row, options.full)) };
}

/**
 * Like getTrace, but a missing trace is a 404.
 *
 * @example
 * requireTrace(db, traceId, { full: true });
 */
export function requireTrace(db: Db, traceId: string, options: { full: boolean }): TraceDetail {
  const detail = getTrace(db, traceId, options);
  if (detail === undefined) throw new CollectorError('not_found', `no trace ${traceId}`);
  return detail;
}

/**
 * One span with full data; a 404 when unknown.
 *
 * @example
 * getSpan(db, traceId, spanId).attributes;
 */
export function getSpan(db: Db, traceId: string, spanId: string): SpanRow {
  const row = db
    .select(fullSpanColumns)
    .from(spans)
    .leftJoin(resources, eq(resources.id, spans.resourceId))
    .leftJoin(scopes, eq(scopes.id, spans.scopeId))
    .where(and(eq(spans.traceId, traceId), eq(spans.spanId, spanId)))
    .get();
  if (row === undefined) throw new CollectorError('not_found', `no span ${spanId} in trace ${traceId}`);
  return toSpanRow(row, true);
}
