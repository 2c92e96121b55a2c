// GET /api/spend: tokens and cost of model calls over time buckets, grouped by model, agent or service.
// Only model-call spans count (never the run totals an invoke_agent span repeats), so nothing is counted twice.
import { eq, gte, lte, sql, type SQL } from 'drizzle-orm';
import { spans, traces } from '../storage/schema.ts';
import type { SpendBucket, SpendResponse } from './api-types.ts';
import { invalid, type QueryParams } from './query-params.ts';
import { byCodeUnit, type QueryStore } from './query-store.ts';
import { simulatedCall } from './simulated-call.ts';
import { modelCallsOnly } from './time-scope.ts';
import { parseTraceFilters, traceConditions, whereAll } from './trace-filters.ts';

const namedBuckets = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
const maxBuckets = 10_000;

/**
 * Answers `GET /api/spend`. Spans are bucketed by start time; `group` is `unknown` when a span has no value.
 *
 * @example
 * await spend(store, new QueryParams(new URLSearchParams('bucket=minute&groupBy=model')));
 */
export async function spend(store: QueryStore, params: QueryParams): Promise<SpendResponse> {
  const filters = parseTraceFilters(params);
  const bucketMs =
    params.integer('bucketMs', { min: 1000 }) ?? namedBuckets[params.oneOf('bucket', ['minute', 'hour', 'day'] as const) ?? 'hour'];
  const groupBy = params.oneOf('groupBy', ['model', 'agent', 'service'] as const) ?? 'model';
  if (filters.from !== undefined && filters.to !== undefined && (filters.to - filters.from) / bucketMs > maxBuckets) {
    throw invalid('bucket', `more than ${maxBuckets} buckets between from and to; choose a larger bucket`);
  }
  const groupColumn = { model: spans.model, agent: traces.agent, service: spans.service }[groupBy];
  const group = sql<string>`coalesce(${groupColumn}, 'unknown')`;
  // The bucket width as a constant, not a parameter: PostgreSQL matches GROUP BY to the selected expression by its
  // text, and two parameters ($1, $5) are not the same text. It is an integer the parameters above checked.
  const width = sql.raw(String(Math.trunc(bucketMs)));
  const start = sql<number>`floor(${spans.startMs} / ${width}) * ${width}`;
  // Time and model apply to the calls themselves; the other filters select the traces they belong to.
  const ofTraces = traceConditions(store.dialect, { ...filters, from: undefined, to: undefined }, { includeModel: false });
  const conditions: SQL[] = [modelCallsOnly, ...ofTraces];
  if (filters.from !== undefined) conditions.push(gte(spans.startMs, filters.from));
  if (filters.to !== undefined) conditions.push(lte(spans.startMs, filters.to));
  if (filters.model !== undefined) conditions.push(eq(spans.model, filters.model));
  const query = store.db
    .select({
      start,
      group,
      inputTokens: sql<number>`coalesce(sum(${spans.inputTokens}), 0)`,
      outputTokens: sql<number>`coalesce(sum(${spans.outputTokens}), 0)`,
      cachedInputTokens: sql<number>`coalesce(sum(${spans.cachedInputTokens}), 0)`,
      costUsd: sql<number>`coalesce(sum(${spans.costUsd}), 0)`,
      requests: sql<number>`count(*)`,
      simulatedRequests: sql<number>`sum(${simulatedCall})`,
    })
    .from(spans)
    .$dynamic();
  // The trace of each call is read only when it is needed (its agent, or a trace filter): at a week's 200,000 calls
  // the join is a third of the time.
  const rows = await (groupBy === 'agent' || ofTraces.length > 0 ? query.innerJoin(traces, eq(traces.traceId, spans.traceId)) : query)
    .where(whereAll(conditions))
    .groupBy(start, group);
  rows.sort((a, b) => a.start - b.start || byCodeUnit(a.group, b.group));
  const totals: SpendResponse['totals'] = { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, costUsd: 0, requests: 0, cachedShare: 0, simulatedShare: 0 };
  const groups = new Set<string>();
  let simulatedRequests = 0;
  const buckets = rows.map(({ simulatedRequests: simulated, ...row }): SpendBucket => {
    simulatedRequests += simulated;
    return { ...row, simulated: simulated > 0 };
  });
  for (const row of buckets) {
    groups.add(row.group);
    totals.inputTokens += row.inputTokens;
    totals.outputTokens += row.outputTokens;
    totals.cachedInputTokens += row.cachedInputTokens;
    totals.costUsd += row.costUsd;
    totals.requests += row.requests;
  }
  totals.cachedShare = totals.inputTokens > 0 ? totals.cachedInputTokens / totals.inputTokens : 0;
  totals.simulatedShare = totals.requests > 0 ? simulatedRequests / totals.requests : 0;
  return { bucketMs, groups: [...groups].sort(), buckets, totals };
}
