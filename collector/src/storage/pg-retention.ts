// Retention on PostgreSQL, with the rules of retention.ts (whole traces, oldest first, by age and by span count).
// Several collectors share the database and each runs retention on its own timer: one at a time does the work (an
// advisory lock the others skip over rather than wait for), and deadlocks with ingest are retried by deleting in
// small transactions, spans before their summary, as ingest writes them.
import type pg from 'pg';
import type { RetentionPolicy, RetentionResult } from './retention.ts';

/** Any number all Hotpath collectors agree on (migrations use 4318_0001). */
const retentionLock = 4318_0002;
const chunk = 500;

/**
 * Applies a retention policy now; `{ 0, 0 }` when another collector is applying it at this moment.
 *
 * @example
 * await applyPgRetention(pool, { maxAgeMs: 7 * 86_400_000 });
 */
export async function applyPgRetention(pool: pg.Pool, policy: RetentionPolicy, nowMs = Date.now()): Promise<RetentionResult> {
  const result: RetentionResult = { deletedTraces: 0, deletedSpans: 0 };
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [retentionLock]);
    if (!rows[0]!.locked) return result;
    try {
      const remove = async (traceIds: string[]) => {
        const sorted = [...traceIds].sort();
        for (let tries = 1; ; tries++) {
          try {
            await client.query('BEGIN');
            const spans = await client.query('DELETE FROM spans WHERE trace_id = ANY($1::text[])', [sorted]);
            const traces = await client.query('DELETE FROM traces WHERE trace_id = ANY($1::text[])', [sorted]);
            await client.query('COMMIT');
            result.deletedSpans += spans.rowCount ?? 0;
            result.deletedTraces += traces.rowCount ?? 0;
            return;
          } catch (error) {
            await client.query('ROLLBACK').catch(() => {});
            if ((error as { code?: string }).code !== '40P01' || tries >= 5) throw error;
          }
        }
      };
      if (policy.maxAgeMs !== undefined) {
        for (;;) {
          const expired = await client.query<{ trace_id: string }>('SELECT trace_id FROM traces WHERE end_ms < $1 LIMIT $2', [nowMs - policy.maxAgeMs, chunk]);
          if (expired.rows.length === 0) break;
          await remove(expired.rows.map((row) => row.trace_id));
        }
      }
      if (policy.maxSpans !== undefined) {
        const counted = await client.query<{ total: number }>('SELECT coalesce(sum(span_count), 0) AS total FROM traces');
        let total = counted.rows[0]!.total;
        while (total > policy.maxSpans) {
          const oldest = await client.query<{ trace_id: string; span_count: number }>('SELECT trace_id, span_count FROM traces ORDER BY start_ms ASC, trace_id ASC LIMIT $1', [chunk]);
          if (oldest.rows.length === 0) break;
          const victims: string[] = [];
          for (const row of oldest.rows) {
            if (total <= policy.maxSpans) break;
            victims.push(row.trace_id);
            total -= row.span_count;
          }
          await remove(victims);
        }
      }
      return result;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [retentionLock]);
    }
  } finally {
    client.release();
  }
}
