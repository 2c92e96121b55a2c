// GET /api/cache: tool cache outcomes per tool and the time hits saved (`hotpath.tool.saved_ms`).
// hitRate = (hits + shared) / (hits + misses + shared): calls with the cache off do not count against it.
import { and, isNotNull, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from '../storage/schema.ts';
import { spans } from '../storage/schema.ts';
import type { CacheResponse } from './api-types.ts';
import type { QueryParams } from './query-params.ts';
import { simulatedCall } from './simulated-call.ts';
import { spanScope } from './time-scope.ts';

/**
 * Answers `GET /api/cache`.
 *
 * @example
 * cacheStats(db, new QueryParams(new URLSearchParams())).totals.hitRate;
 */
export function cacheStats(db: BetterSQLite3Database<typeof schema>, params: QueryParams): CacheResponse {
  const rows = db
    .select({
      toolName: sql<string>`coalesce(${spans.toolName}, 'unknown')`,
      calls: sql<number>`count(*)`,
      hits: sql<number>`sum(${spans.cacheHit} = 'hit')`,
      misses: sql<number>`sum(${spans.cacheHit} = 'miss')`,
      shared: sql<number>`sum(${spans.cacheHit} = 'shared')`,
      savedMs: sql<number>`coalesce(sum(case when ${spans.cacheHit} in ('hit', 'shared') then ${spans.savedMs} end), 0)`,
      simulatedCalls: sql<number>`sum(${simulatedCall})`,
    })
    .from(spans)
    .where(and(isNotNull(spans.cacheHit), ...spanScope(params)))
    .groupBy(spans.toolName)
    .orderBy(sql`count(*) desc`, spans.toolName)
    .all();
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
