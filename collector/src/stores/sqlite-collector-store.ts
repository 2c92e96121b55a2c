// The collector's embedded store: one SQLite file (or `:memory:`). The writer batches requests into one transaction
// per event-loop turn (http/write-queue.ts) on the main thread, guarded by the integrity monitor (a damaged file is
// not written into; every failed write says why); reads run on a worker thread with their own read-only connection
// (http/read-pool.ts); live updates come straight from what this process stored.
import { eq } from 'drizzle-orm';
import type { CollectorStore, StoreListeners } from './collector-store.ts';
import { createReadPool } from '../http/read-pool.ts';
import { createWriteQueue } from '../http/write-queue.ts';
import type { TraceSummary } from '../query/api-types.ts';
import { toTraceSummary } from '../query/to-api.ts';
import { createIntegrityMonitor } from '../storage/integrity-check.ts';
import { openDatabase } from '../storage/open-database.ts';
import { applyRetention } from '../storage/retention.ts';
import { traces } from '../storage/schema.ts';
import { createSpanWriter } from '../storage/span-writer.ts';

export interface SqliteCollectorStoreOptions {
  /** The database file, or `:memory:`. */
  path: string;
  maxPendingSpans: number;
  /** How often PRAGMA quick_check runs on a worker thread (0: never; it also runs at start). */
  integrityCheckIntervalMs: number;
  readWorkers?: number;
  queryTimeoutMs?: number;
}

/** The SQLite store, with the summary reads its live streams of single traces need. */
export interface SqliteCollectorStore extends CollectorStore {
  /** A trace's summary now (a primary-key read on the writer's connection). */
  summary(traceId: string): TraceSummary | undefined;
}

/**
 * Opens the file (checking it: see open-database.ts for the failures it names) and returns the store.
 *
 * @example
 * const store = openSqliteCollectorStore({ path: './data/hotpath.sqlite', maxPendingSpans: 200_000, integrityCheckIntervalMs: 600_000 }, listeners);
 */
export function openSqliteCollectorStore(options: SqliteCollectorStoreOptions, listeners: StoreListeners): SqliteCollectorStore {
  const database = openDatabase(options.path);
  const integrity = createIntegrityMonitor({ path: options.path, intervalMs: options.integrityCheckIntervalMs });
  // A file too large to check before serving is checked in the background at once.
  if (!database.checkedAtOpen) void integrity.check();
  const writer = integrity.guard(createSpanWriter(database));
  const reads = createReadPool({ dbPath: options.path, db: database.db, workers: options.readWorkers, timeoutMs: options.queryTimeoutMs });
  const queue = createWriteQueue(writer, { maxPendingSpans: options.maxPendingSpans }, (results, batches) => {
    listeners.onStored(results, batches);
    const traceIds = new Set<string>();
    for (const result of results) for (const traceId of result.traceIds) traceIds.add(traceId);
    listeners.publish([...traceIds]);
    listeners.publishSpans(batches);
  });
  const countRows = database.sqlite.prepare('SELECT count(*) AS traces, coalesce(sum(span_count), 0) AS spans FROM traces');
  let closing: Promise<void> | undefined;
  return {
    location: options.path,
    enqueue: (batch) => queue.enqueue(batch),
    get pendingSpans() {
      return queue.pendingSpans;
    },
    read: (pathname, search) => reads.read(pathname, search),
    get readWorkers() {
      return reads.workers;
    },
    // Answers even when the database does not: that is when it matters.
    health() {
      let counts = { traces: 0, spans: 0 };
      try {
        counts = countRows.get() as typeof counts;
      } catch (error) {
        integrity.readFailed(error);
      }
      return { database: integrity.health(), ...counts };
    },
    check: () => integrity.check(),
    applyRetention: async (policy) => applyRetention(database, policy),
    summary(traceId) {
      const record = database.db.select().from(traces).where(eq(traces.traceId, traceId)).get();
      return record ? toTraceSummary(record) : undefined;
    },
    close() {
      closing ??= (async () => {
        queue.flush();
        await reads.close();
        await integrity.close();
        database.close();
      })();
      return closing;
    },
  };
}
