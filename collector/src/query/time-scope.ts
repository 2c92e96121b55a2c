// The `from` / `to` / `traceId` scope shared by the routing and cache views.
import { eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { spans } from '../storage/schema.ts';
import type { QueryParams } from './query-params.ts';

/**
 * Model calls only, spelled with the literal of the partial index `spans_model_call_start` (schema.ts): SQLite
 * uses a partial index only when the query's term matches it, and a bound parameter does not.
 */
export const modelCallsOnly: SQL = sql`${spans.isModelCall} = 1`;

/**
 * Conditions on spans for `from`, `to` (start time) and `traceId`.
 *
 * @example
 * db.select().from(spans).where(and(eq(spans.isModelCall, 1), ...spanScope(params)));
 */
export function spanScope(params: QueryParams): SQL[] {
  const from = params.time('from');
  const to = params.time('to');
  const traceId = params.traceId('traceId');
  return [
    from === undefined ? undefined : gte(spans.startMs, from),
    to === undefined ? undefined : lte(spans.startMs, to),
    traceId === undefined ? undefined : eq(spans.traceId, traceId),
  ].filter((condition): condition is SQL => condition !== undefined);
}
