// GET /api/traces/:traceId/spans: a trace's spans in pages of columns. In start order (`order=start`, the default)
// the first page is the first screen of the waterfall; in storage order (`order=id`) each page is a range of the
// primary key, read in time proportional to the page, which is how the rest of a 200,000-span trace is loaded (a
// start-order page must look at every span of the trace to find the next ones). `since` gives the spans stored or
// replaced after a time (the live stream's catch-up). GET /api/traces/:traceId/matches: the spans of one trace
// matching search terms.
import { and, asc, eq, gt, gte, or, sql, type SQL } from 'drizzle-orm';
import { CollectorError } from '../errors.ts';
import { spans } from '../storage/schema.ts';
import type { SpanMatchesResponse, SpanPage } from './api-types.ts';
import { findTrace } from './get-trace.ts';
import { invalid, type QueryParams } from './query-params.ts';
import type { QueryStore } from './query-store.ts';
import { parseSearchTerms } from './search-terms.ts';
import { toSpanColumns } from './span-columns.ts';
import { toTraceSummary } from './to-api.ts';

const defaultLimit = 5_000;
const maxLimit = 50_000;
const maxMatches = 100_000;

const columnFields = {
  spanId: spans.spanId,
  parentSpanId: spans.parentSpanId,
  name: spans.name,
  operation: spans.operation,
  startMs: spans.startMs,
  durationMs: spans.durationMs,
  statusCode: spans.statusCode,
  simulated: spans.simulated,
  open: spans.open,
  model: spans.model,
  toolName: spans.toolName,
  inputTokens: spans.inputTokens,
  outputTokens: spans.outputTokens,
  costUsd: spans.costUsd,
  cacheHit: spans.cacheHit,
};

/**
 * One page of a trace's spans. `order` is `start` (start time, then span id) or `id` (span id: the cheapest way
 * through a whole trace); `cursor` continues after the previous page of the same order; `since` (epoch ms) keeps
 * only spans the collector stored or replaced at or after that time; `limit` is 1–50,000 (default 5,000).
 *
 * @throws CollectorError `not_found` for an unknown trace, `bad_request` for a bad parameter.
 * @example
 * const first = await traceSpanPage(store, traceId, new QueryParams(new URLSearchParams('limit=2000')));
 * const next = await traceSpanPage(store, traceId, new QueryParams(new URLSearchParams(`cursor=${first.nextCursor}`)));
 */
export async function traceSpanPage(store: QueryStore, traceId: string, params: QueryParams): Promise<SpanPage> {
  const readAt = Date.now();
  const limit = params.integer('limit', { min: 1, max: maxLimit }) ?? defaultLimit;
  const since = params.time('since');
  const cursor = params.string('cursor');
  const byId = (params.oneOf('order', ['start', 'id'] as const) ?? 'start') === 'id';
  const record = await findTrace(store, traceId);
  if (record === undefined) throw new CollectorError('not_found', `no trace ${traceId}`);
  const conditions: SQL[] = [eq(spans.traceId, traceId)];
  if (since !== undefined) conditions.push(gte(spans.receivedMs, since));
  if (cursor !== undefined) {
    const [startMs, spanId] = decodeCursor(cursor, byId);
    conditions.push(byId ? gt(spans.spanId, spanId) : or(gt(spans.startMs, startMs!), and(eq(spans.startMs, startMs!), gt(spans.spanId, spanId)))!);
  }
  const rows = await store.db
    .select(columnFields)
    .from(spans)
    .where(and(...conditions))
    .orderBy(...(byId ? [asc(spans.spanId)] : [asc(spans.startMs), asc(spans.spanId)]))
    .limit(limit + 1);
  const page = rows.length > limit ? rows.slice(0, limit) : rows;
  const last = page.at(-1);
  return {
    trace: toTraceSummary(record),
    // Offsets from the trace's start, so every page of a trace shares one base.
    spans: toSpanColumns(page, record.startMs),
    nextCursor: rows.length > limit && last ? encodeCursor(byId ? null : last.startMs, last.spanId) : null,
    readAt,
  };
}

/**
 * The spans of one trace matching every term of `q`: `key=value` compares the span's attribute (numbers and booleans
 * by their spelling too), words are found in the span's name, model or tool name (case-insensitive), hex ids match
 * span ids.
 *
 * @example
 * (await traceMatches(store, traceId, new QueryParams(new URLSearchParams('q=gen_ai.tool.name=lookup_order')))).spanIds;
 */
export async function traceMatches(store: QueryStore, traceId: string, params: QueryParams): Promise<SpanMatchesResponse> {
  const text = params.string('q');
  if (text === undefined) throw invalid('q', 'required: what to look for');
  const terms = parseSearchTerms(text, 'q');
  if ((await findTrace(store, traceId)) === undefined) throw new CollectorError('not_found', `no trace ${traceId}`);
  const { dialect } = store;
  const conditions: SQL[] = [eq(spans.traceId, traceId)];
  for (const [key, value] of terms.attributes) conditions.push(dialect.attributeEquals(spans.attributes, key, value));
  const names = sql`lower(${spans.name} || ${'\n'} || coalesce(${spans.model}, '') || ${'\n'} || coalesce(${spans.toolName}, ''))`;
  for (const word of terms.words) conditions.push(dialect.contains(names, word));
  for (const id of terms.ids) conditions.push(or(eq(spans.spanId, id), dialect.contains(names, id))!);
  const rows = await store.db
    .select({ spanId: spans.spanId })
    .from(spans)
    .where(and(...conditions))
    .limit(maxMatches + 1);
  return { spanIds: rows.slice(0, maxMatches).map((row) => row.spanId), truncated: rows.length > maxMatches };
}

/** A start-order cursor holds the last start and span id; a storage-order one the span id, with null for the start. */
function encodeCursor(startMs: number | null, spanId: string): string {
  return Buffer.from(JSON.stringify([startMs, spanId])).toString('base64url');
}

function decodeCursor(cursor: string, byId: boolean): [number | null, string] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor', 'not a cursor returned by this API');
  }
  if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[1] !== 'string' || !(typeof parsed[0] === 'number' || parsed[0] === null)) {
    throw invalid('cursor', 'not a cursor returned by this API');
  }
  if ((parsed[0] === null) !== byId) throw invalid('cursor', `the cursor was made for order=${byId ? 'start' : 'id'}`);
  return [parsed[0], parsed[1]];
}
