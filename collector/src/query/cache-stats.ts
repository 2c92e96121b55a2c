// GET /api/cache: tool cache outcomes per tool and the time hits saved (`hotpath.tool.saved_ms`).
// hitRate = (hits + shared) / (hits + misses + shared): calls with the cache off do not count against it.
import { and, isNotNull, sql } from 'drizzle-orm';
import { spans } from '../storage/schema.ts';
import type { CacheResponse } from './api-types.ts';
import type { QueryParams } from './query-params.ts';
import { byCodeUnit, type QueryStore } from './query-store.ts';
import { simulatedCall } from './simulated-call.ts';
import { spanScope } from './time-scope.ts';

/**
 * Answers `GET /api/cache`.
 *
 * @example
 * (await cacheStats(store, new QueryParams(new URLSearchParams()))).totals.hitRate;
 */
export async function cacheStats(store: QueryStore, params: QueryParams): Promise<CacheResponse> {
  const rows = await store.db
    .select({
      toolName: sql<string>`coalesce(${spans.toolName}, 'unknown')`,
      calls: sql<number>`count(*)`,
      hits: sql<number>`sum(case when ${spans.cacheHit} = 'hit' then 1 else 0 end)`,
      misses: sql<number>`sum(case when ${spans.cacheHit} = 'miss' then 1 else 0 end)`,
      shared: sql<number>`sum(case when ${spans.cacheHit} = 'shared' then 1 else 0 end)`,
      savedMs: sql<number>`coalesce(sum(case when ${spans.cacheHit} in ('hit', 'shared') then ${spans.savedMs} end), 0)`,
      simulatedCalls: sql<number>`sum(${simulatedCall})`,
    })
    .from(spans)
    .where(and(isNotNull(spans.cacheHit), ...spanScope(params)))
    .groupBy(spans.toolName);
  rows.sort((a, b) => b.calls - a.calls || byCodeUnit(a.toolName, b.toolName));
  const totals: CacheResponse['totals'] = { calls: 0, hits: 0, misses: 0, shared: 0, savedMs: 0, hitRate: 0 };
  let simulatedCalls = 0;
  const tools = rows.map(({ simulatedCalls: simulated, ...tool }) => {
    simulatedCalls += simulated;
    return { ...tool, simulated: simulated > 0 };
  });
  for (const tool of tools) {
    totals.calls += tool.calls;
    totals.hits += tool.hits;
    totals.misses += tool.misses;
    totals.shared += tool.shared;
    totals.savedMs += tool.savedMs;
  }
  const eligible = totals.hits + totals.misses + totals.shared;
  totals.hitRate = eligible > 0 ? (totals.hits + totals.shared) / eligible : 0;
  return { tools, totals, simulatedShare: totals.calls > 0 ? simulatedCalls / totals.calls : 0 };
}
