// GET /api/traces: filtered, sorted trace summaries with keyset cursors, stable while new traces arrive.
import { and, asc, desc, eq, gt, lt, or, type SQL } from 'drizzle-orm';
import { traces, type TraceRecord } from '../storage/schema.ts';
import type { TraceListResponse } from './api-types.ts';
import { invalid, type QueryParams } from './query-params.ts';
import type { QueryStore } from './query-store.ts';
import { toTraceSummary } from './to-api.ts';
import { parseTraceFilters, traceConditions, whereAll } from './trace-filters.ts';

const sortColumns = {
  start: traces.startMs,
  duration: traces.durationMs,
  tokens: traces.totalTokens,
  cost: traces.costUsd,
} as const;
type SortKey = keyof typeof sortColumns;

/**
 * Answers `GET /api/traces`.
 *
 * @example
 * await listTraces(store, new QueryParams(new URLSearchParams('agent=support&limit=20')));
 * // → { traces: [...], nextCursor: 'eyJ…' | null }
 */
export async function listTraces(store: QueryStore, params: QueryParams): Promise<TraceListResponse> {
  const filters = parseTraceFilters(params);
  const sort: SortKey = params.oneOf('sort', ['start', 'duration', 'tokens', 'cost'] as const) ?? 'start';
  const order = params.oneOf('order', ['desc', 'asc'] as const) ?? 'desc';
  const limit = params.integer('limit', { min: 1, max: 500 }) ?? 50;
  const column = sortColumns[sort];
  const conditions = traceConditions(store.dialect, filters);
  const cursor = params.string('cursor');
  if (cursor !== undefined) {
    const { value, traceId } = decodeCursor(cursor, sort, order);
    const after = order === 'desc' ? lt : gt;
    conditions.push(or(after(column, value), and(eq(column, value), after(traces.traceId, traceId))) as SQL);
  }
  const direction = order === 'desc' ? desc : asc;
  const rows = await store.db
    .select()
    .from(traces)
    .where(whereAll(conditions))
    .orderBy(direction(column), direction(traces.traceId))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last !== undefined ? encodeCursor(sort, order, sortValue(last, sort), last.traceId) : null;
  return { traces: page.map(toTraceSummary), nextCursor };
}

function sortValue(record: TraceRecord, sort: SortKey): number {
  switch (sort) {
    case 'start':
      return record.startMs;
    case 'duration':
      return record.durationMs;
    case 'tokens':
      return record.totalTokens;
    case 'cost':
      return record.costUsd;
  }
}

function encodeCursor(sort: SortKey, order: string, value: number, traceId: string): string {
  return Buffer.from(JSON.stringify([sort, order, value, traceId])).toString('base64url');
}

function decodeCursor(cursor: string, sort: SortKey, order: string): { value: number; traceId: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor', 'not a cursor returned by this API');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    typeof parsed[2] !== 'number' ||
    typeof parsed[3] !== 'string'
  ) {
    throw invalid('cursor', 'not a cursor returned by this API');
  }
  if (parsed[0] !== sort || parsed[1] !== order) {
    throw invalid('cursor', `the cursor was made for sort=${String(parsed[0])}&order=${String(parsed[1])}`);
  }
  return { value: parsed[2], traceId: parsed[3] };
}
