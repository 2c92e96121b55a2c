// The collector's store on PostgreSQL (`--database-url postgres://…`): several collectors share one database with
// no coordination of their own. Writes go through pg-write-queue.ts into pg-store.ts (order-free merges); reads are
// the same query layer as SQLite's (query/query-store.ts with the PostgreSQL dialect) on a pool of their own, with
// the server cancelling a read that runs past the query timeout; live updates reach every instance through
// pg-live-feed.ts; retention runs on one instance at a time (pg-retention.ts).
import { randomUUID } from 'node:crypto';
import { drizzle } from 'drizzle-orm/node-postgres';
import type { CollectorStore, StoreListeners } from './collector-store.ts';
import { CollectorError } from '../errors.ts';
import type { DatabaseHealth } from '../query/api-types.ts';
import { answerQuery } from '../query/answer-query.ts';
import { postgresDialect, type QueryDb, type QueryStore } from '../query/query-store.ts';
import { describePg, messageOf, pgCause, redactDatabaseUrl } from '../storage/pg-failure.ts';
import { startPgLiveFeed } from '../storage/pg-live-feed.ts';
import { createPgPool } from '../storage/pg-pool.ts';
import { applyPgRetention } from '../storage/pg-retention.ts';
import { openPgStore } from '../storage/pg-store.ts';
import { createPgWriteQueue } from '../storage/pg-write-queue.ts';
import * as schema from '../storage/pg-schema.ts';

export interface PgCollectorStoreOptions {
  url: string;
  maxPendingSpans: number;
  /** A query API read running longer is cancelled and answered with 503 `query_timeout`. */
  queryTimeoutMs: number;
  /** NOTIFY channel of the collectors sharing this database. Default `hotpath_commits`. */
  channel?: string;
}

/** A health query longer than this counts as the database not answering. */
const healthTimeoutMs = 5_000;

/**
 * Connects (applying migrations, one collector at a time), starts listening for commits, and returns the store.
 *
 * @throws CollectorError naming the server and the cause, with exit code 15 (unreachable) or 16 (refused).
 * @example
 * const store = await openPgCollectorStore({ url, maxPendingSpans: 200_000, queryTimeoutMs: 30_000 }, listeners);
 */
export async function openPgCollectorStore(options: PgCollectorStoreOptions, listeners: StoreListeners): Promise<CollectorStore> {
  const { url } = options;
  const channel = options.channel ?? 'hotpath_commits';
  const writer = await openPgStore(url, { maxConnections: 4, announce: { channel, instance: randomUUID() } });
  const readPool = createPgPool(url, { max: 4, statementTimeoutMs: options.queryTimeoutMs, applicationName: 'hotpath-collector reads' });
  // The listening connection and health checks: apart from reads, so neither waits behind a slow query.
  const controlPool = createPgPool(url, { max: 2, statementTimeoutMs: healthTimeoutMs, applicationName: 'hotpath-collector control' });
  const queries: QueryStore = {
    // The query layer's builders over drizzle's node-postgres driver (see QueryDb for why the type says SQLite).
    db: drizzle(readPool, { schema }) as unknown as QueryDb,
    dialect: postgresDialect,
    describeFailure(error) {
      const cause = pgCause(error);
      if (cause === 'timeout') return new CollectorError('query_timeout', `the query took longer than ${Math.round(options.queryTimeoutMs / 1000)} s and was stopped`, { cause: error });
      if (cause !== undefined) return new CollectorError('unavailable', `could not read: ${describePg(url, cause, messageOf(error))}`, { cause: error, retryAfterSeconds: 5 });
      return undefined;
    },
  };
  const queue = createPgWriteQueue(writer, { url, maxPendingSpans: options.maxPendingSpans }, (results, batches) => listeners.onStored(results, batches));
  const feed = await startPgLiveFeed({
    pool: controlPool,
    channel,
    onCommit(notice) {
      listeners.publish(notice.traceIds);
      listeners.relay(notice.traceIds, notice.receivedMs);
    },
  });
  let lastCheck: DatabaseHealth['lastCheck'] = null;

  const check = async () => {
    const started = performance.now();
    let counts = { traces: 0, spans: 0 };
    let readProblem: string | null = null;
    try {
      const { rows } = await controlPool.query<{ traces: number; spans: number }>('SELECT count(*) AS traces, coalesce(sum(span_count), 0) AS spans FROM traces');
      counts = rows[0]!;
    } catch (error) {
      readProblem = describePg(url, pgCause(error) ?? 'unreachable', messageOf(error));
    }
    lastCheck = { time: Date.now(), durationMs: Math.round(performance.now() - started), ok: readProblem === null };
    const listening = feed.problem();
    const problem = readProblem ?? queue.problem() ?? (listening ? `live updates from other collectors are paused since ${new Date(listening.sinceMs).toISOString()} (${listening.message}); reconnecting` : null);
    const database: DatabaseHealth = { ok: readProblem === null && queue.problem() === null, problem, lastCheck };
    return { database, ...counts };
  };

  let retaining: Promise<unknown> = Promise.resolve();
  let closing: Promise<void> | undefined;
  return {
    location: redactDatabaseUrl(url),
    enqueue: (batch) => queue.enqueue(batch),
    get pendingSpans() {
      return queue.pendingSpans;
    },
    read: (pathname, search) => answerQuery(queries, pathname, search),
    readWorkers: 0,
    health: check,
    check: async () => (await check()).database,
    applyRetention(policy) {
      // One round after the other in this process (another instance's round is skipped over, not waited for).
      const round = retaining.then(() => applyPgRetention(writer.pool, policy));
      retaining = round.catch(() => {});
      return round;
    },
    close() {
      closing ??= (async () => {
        await queue.drain();
        await retaining;
        await feed.close();
        await Promise.all([writer.close(), readPool.end(), controlPool.end()]);
      })();
      return closing;
    },
  };
}
