// Retention: whole traces are removed, oldest first, once they are older than `maxAgeMs` (by end time) or while
// the store holds more than `maxSpans` spans. Deleting whole traces keeps every remaining trace complete.
import type { CollectorDatabase } from './open-database.ts';

export interface RetentionPolicy {
  /** Remove traces that ended longer ago than this. */
  maxAgeMs?: number;
  /** Keep at most about this many spans (whole traces are removed, so the count lands at or below it). */
  maxSpans?: number;
}

export interface RetentionResult {
  deletedTraces: number;
  deletedSpans: number;
}

const chunk = 500;

/**
 * Applies a retention policy now.
 *
 * @example
 * applyRetention(database, { maxAgeMs: 7 * 86_400_000, maxSpans: 5_000_000 });
 */
export function applyRetention(database: CollectorDatabase, policy: RetentionPolicy, nowMs = Date.now()): RetentionResult {
  const { sqlite } = database;
  const result: RetentionResult = { deletedTraces: 0, deletedSpans: 0 };
  const deleteSpans = sqlite.prepare('DELETE FROM spans WHERE trace_id = ?');
  const deleteTrace = sqlite.prepare('DELETE FROM traces WHERE trace_id = ?');
  const removeAll = sqlite.transaction((traceIds: string[]) => {
    for (const traceId of traceIds) {
      result.deletedSpans += deleteSpans.run(traceId).changes;
      result.deletedTraces += deleteTrace.run(traceId).changes;
    }
  });
  if (policy.maxAgeMs !== undefined) {
    const expired = sqlite.prepare('SELECT trace_id FROM traces WHERE end_ms < ? LIMIT ?').pluck();
    for (;;) {
      const traceIds = expired.all(nowMs - policy.maxAgeMs, chunk) as string[];
      if (traceIds.length === 0) break;
      removeAll(traceIds);
    }
  }
  if (policy.maxSpans !== undefined) {
    let total = (sqlite.prepare('SELECT coalesce(sum(span_count), 0) FROM traces').pluck().get() as number) ?? 0;
    const oldest = sqlite.prepare('SELECT trace_id, span_count FROM traces ORDER BY start_ms ASC, trace_id ASC LIMIT ?');
    while (total > policy.maxSpans) {
      const rows = oldest.all(chunk) as { trace_id: string; span_count: number }[];
      if (rows.length === 0) break;
      const victims: string[] = [];
      for (const row of rows) {
        if (total <= policy.maxSpans) break;
        victims.push(row.trace_id);
        total -= row.span_count;
      }
      removeAll(victims);
    }
  }
  return result;
}
