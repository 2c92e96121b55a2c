// Live updates of the traces list without re-reading it: the collector names the traces a batch touched, the page
// asks for just those under its own filters (`traceIds=`), and this merges the answer into the rows shown. A trace
// that now matches is placed by the list's sort; one that no longer matches leaves; the page keeps its size.
import type { TraceSummary } from '@hotpath/collector/api-types';
import type { SortKey } from './trace-list-query.ts';

export interface ListMerge {
  rows: TraceSummary[];
  /** Changed traces that match but were not shown (on a later page, where nothing is inserted). */
  notShown: number;
}

const sortValue: Record<SortKey, (trace: TraceSummary) => number> = {
  start: (trace) => trace.startTime,
  duration: (trace) => trace.durationMs,
  tokens: (trace) => trace.inputTokens + trace.outputTokens,
  cost: (trace) => trace.costUsd,
};

/**
 * Merges the current summaries of changed traces into the shown rows. `matching` holds those of `changedIds` that
 * match the list's filters; on the first page new ones are inserted in sort order (the page keeps `pageSize` rows),
 * on later pages only shown rows are updated.
 *
 * @example
 * const { rows } = mergeListUpdate(rows, answer.traces, ids, { sort: 'start', order: 'desc', pageSize: 50, firstPage: true });
 */
export function mergeListUpdate(
  rows: readonly TraceSummary[],
  matching: readonly TraceSummary[],
  changedIds: readonly string[],
  options: { sort: SortKey; order: 'asc' | 'desc'; pageSize: number; firstPage: boolean },
): ListMerge {
  const updated = new Map(matching.map((trace) => [trace.traceId, trace]));
  const changed = new Set(changedIds);
  const shown = new Set(rows.map((trace) => trace.traceId));
  const next: TraceSummary[] = [];
  for (const row of rows) {
    if (!changed.has(row.traceId)) next.push(row);
    else if (updated.has(row.traceId)) next.push(updated.get(row.traceId)!);
    // else: it no longer matches the filters, so it leaves
  }
  const fresh = matching.filter((trace) => !shown.has(trace.traceId));
  if (!options.firstPage) return { rows: next, notShown: fresh.length };
  const value = sortValue[options.sort];
  const direction = options.order === 'desc' ? -1 : 1;
  const merged = [...next, ...fresh].sort((a, b) => direction * (value(a) - value(b) || (a.traceId < b.traceId ? -1 : a.traceId > b.traceId ? 1 : 0)));
  // A full page that ends before a newcomer's place keeps its last row; the newcomer belongs to a later page.
  const kept = merged.slice(0, Math.max(options.pageSize, next.length));
  const keptIds = new Set(kept.map((trace) => trace.traceId));
  return { rows: kept, notShown: fresh.filter((trace) => !keptIds.has(trace.traceId)).length };
}
