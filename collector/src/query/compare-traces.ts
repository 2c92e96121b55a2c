// GET /api/compare: two traces side by side, with b − a differences and a's duration over b's.
import type { CompareResponse } from './api-types.ts';
import { invalid, type QueryParams } from './query-params.ts';
import { findTrace, requireTrace } from './get-trace.ts';
import type { QueryStore } from './query-store.ts';

/**
 * Answers `GET /api/compare?a=…&b=…`.
 *
 * @example
 * (await compareTraces(store, new QueryParams(new URLSearchParams(`a=${baseline}&b=${optimized}`)))).speedup;
 */
export async function compareTraces(store: QueryStore, params: QueryParams): Promise<CompareResponse> {
  const aId = params.traceId('a');
  const bId = params.traceId('b');
  if (aId === undefined) throw invalid('a', 'required: the first trace id');
  if (bId === undefined) throw invalid('b', 'required: the second trace id');
  const full = params.string('view') !== 'waterfall';
  const a = await requireTrace(store, aId, { full });
  const b = await requireTrace(store, bId, { full });
  // Call counts come from the stored summaries, which count model and tool calls the same way ingest does.
  const counts = async (traceId: string) => (await findTrace(store, traceId)) ?? { modelCalls: 0, toolCalls: 0 };
  const aCounts = await counts(aId);
  const bCounts = await counts(bId);
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
