// Live updates across collectors sharing one PostgreSQL: every commit announces the traces it touched with NOTIFY
// (pg-store.ts `announce`, sent inside the transaction), and every collector LISTENs on one connection of its own,
// its own commits included, so each live view sees what any instance stored, in commit order.
//
// Why LISTEN/NOTIFY rather than polling: a notice is delivered only once its transaction commits (never for one that
// rolled back), costs nothing while nothing happens, arrives within milliseconds, and needs no column of its own;
// polling by `updated_ms` would read the writers' clocks, and miss a transaction that committed after a later one
// had been seen. What NOTIFY does not give is a replay: notices sent while the listening connection is down are lost.
// So after reconnecting, the feed reports as changed every trace updated since shortly before the connection was
// lost (by `updated_ms`, with a margin for the writers' clocks).
import type pg from 'pg';
import { messageOf } from './pg-failure.ts';
import type { PgCommitNotice } from './pg-store.ts';

export interface PgLiveFeed {
  /** Null while listening; else since when and why not. */
  problem(): { sinceMs: number; message: string } | null;
  close(): Promise<void>;
}

export interface PgLiveFeedOptions {
  /** A pool to take the listening connection from (it is kept, not returned). */
  pool: pg.Pool;
  channel: string;
  /** A commit was announced (by any collector, this one included). */
  onCommit(notice: PgCommitNotice): void;
  /** Margin for the writers' clocks when catching up after a lost connection. Default 10 s. */
  clockMarginMs?: number;
  /** Wait before reconnecting, doubled up to 30 s. Default 500 ms. */
  retryMs?: number;
}

/** Traces reported after a lost connection at most (the most recently updated). */
const maxCatchUp = 5_000;

/**
 * Starts listening (resolves once the first LISTEN is in place, or after a first failure, which it keeps retrying).
 *
 * @example
 * const feed = await startPgLiveFeed({ pool, channel: 'hotpath_spans', onCommit: (notice) => live.publish(notice.traceIds) });
 */
export async function startPgLiveFeed(options: PgLiveFeedOptions): Promise<PgLiveFeed> {
  const margin = options.clockMarginMs ?? 10_000;
  let client: pg.PoolClient | undefined;
  let closed = false;
  let problem: { sinceMs: number; message: string } | null = null;
  let retryTimer: NodeJS.Timeout | undefined;
  let delay = options.retryMs ?? 500;

  const onNotification = (message: pg.Notification) => {
    if (message.channel !== options.channel || message.payload === undefined) return;
    try {
      options.onCommit(JSON.parse(message.payload) as PgCommitNotice);
    } catch {
      // Not one of ours (someone else NOTIFYing on the channel): nothing to relay.
    }
  };

  const lost = (error: unknown) => {
    if (client !== undefined) {
      client.off('notification', onNotification);
      // Destroy rather than return a broken connection to the pool.
      client.release(error instanceof Error ? error : true);
      client = undefined;
    }
    problem ??= { sinceMs: Date.now(), message: messageOf(error) };
    if (closed || retryTimer !== undefined) return;
    retryTimer = setTimeout(() => void connect(), delay).unref();
    delay = Math.min(delay * 2, 30_000);
  };

  const connect = async (): Promise<void> => {
    retryTimer = undefined;
    try {
      const next = await options.pool.connect();
      if (closed) {
        next.release();
        return;
      }
      client = next;
      next.on('notification', onNotification);
      next.on('error', lost);
      await next.query(`LISTEN "${options.channel.replaceAll('"', '""')}"`);
      delay = options.retryMs ?? 500;
      const gap = problem;
      problem = null;
      if (gap !== null) await catchUp(next, gap.sinceMs - margin);
    } catch (error) {
      lost(error);
    }
  };

  const catchUp = async (connection: pg.PoolClient, sinceMs: number) => {
    const { rows } = await connection.query<{ trace_id: string; updated_ms: number }>(
      'SELECT trace_id, updated_ms FROM traces WHERE updated_ms >= $1 ORDER BY updated_ms DESC LIMIT $2',
      [sinceMs, maxCatchUp],
    );
    if (rows.length > 0) options.onCommit({ instance: '', receivedMs: sinceMs, traceIds: rows.map((row) => row.trace_id) });
  };

  await connect();
  return {
    problem: () => problem,
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (client !== undefined) {
        const listening = client;
        client = undefined;
        listening.off('notification', onNotification);
        await listening.query(`UNLISTEN *`).catch(() => {});
        listening.release();
      }
    },
  };
}
