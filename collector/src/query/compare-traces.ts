// GET /api/compare: two traces side by side, with b − a differences and a's duration over b's.
import { eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import type * as schema from '../storage/schema.ts';
import { traces } from '../storage/schema.ts';
import type { CompareResponse } from './api-types.ts';
import { invalid, type QueryParams } from './query-params.ts';
import { requireTrace } from './get-trace.ts';

/**
 * Answers `GET /api/compare?a=…&b=…`.
 *
 * @example
 * compareTraces(db, new QueryParams(new URLSearchParams(`a=${baseline}&b=${optimized}`))).speedup;
 */
export function compareTraces(db: BetterSQLite3Database<typeof schema>, params: QueryParams): CompareResponse {
  const aId = params.traceId('a');
  const bId = params.traceId('b');
  if (aId === undefined) throw invalid('a', 'required: the first trace id');
  if (bId === undefined) throw invalid('b', 'required: the second trace id');
  const full = params.string('view') !== 'waterfall';
  const a = requireTrace(db, aId, { full });
  const b = requireTrace(db, bId, { full });
  // Call counts come from the stored summaries, which count model and tool calls the same way ingest does.
  const counts = (traceId: string) =>
    db.select({ modelCalls: traces.modelCalls, toolCalls: traces.toolCalls }).from(traces).where(eq(traces.traceId, traceId)).get() ?? {
      modelCalls: 0,
      toolCalls: 0,
    };
  const aCounts = counts(aId);
  const bCounts = counts(bId);
  return {
    a,
    b,
    speedup: b.trace.durationMs > 0 ? a.trace.durationMs / b.trace.durationMs : null,
    diff: {
      inputTokens: b.trace.inputTokens - a.trace.inputTokens,
      outputTokens: b.trace.outputTokens - a.trace.outputTokens,
      cachedInputTokens: b.trace.cachedInputTokens - a.trace.cachedInputTokens,
      costUsd: b.trace.costUsd - a.trace.costUsd,
      spanCount: b.trace.spanCount - a.trace.spanCount,
      modelCalls: bCounts.modelCalls - aCounts.modelCalls,
      toolCalls: bCounts.toolCalls - aCounts.toolCalls,
    },
  };
}
