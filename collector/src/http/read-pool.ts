// The query API's reads run off the thread that stores spans: a worker thread with its own read-only connection
// (WAL readers never block the writer) answers them, at a lower CPU priority, so reading a 200,000-span trace or a
// week of aggregates neither stalls ingest nor waits for it. A read that takes longer than `timeoutMs` is answered
// with a 503 `query_timeout` and its worker replaced (better-sqlite3 cannot interrupt a statement). Where no second
// connection can see the data (`:memory:`) or no worker is wanted, reads run inline through the same code.
import { Worker } from 'node:worker_threads';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { CollectorError } from '../errors.ts';
import { answerQuery, errorAnswer, type QueryAnswer } from '../query/answer-query.ts';
import { sqliteQueryStore } from '../query/query-store.ts';
import type * as schema from '../storage/schema.ts';
import type { ReadReply, ReadRequest } from './read-worker.ts';
import { workerSource } from './worker-source.ts';

export interface ReadPoolOptions {
  /** The database file; `:memory:` reads inline through `db`. */
  dbPath: string;
  /** The writer's connection, for inline reads. */
  db: BetterSQLite3Database<typeof schema>;
  /** Read threads; 0 reads inline. Default 1. */
  workers?: number;
  /** A read still running after this long is answered with 503 `query_timeout`. Default 30 s. */
  timeoutMs?: number;
  /** Nice value of the read threads on Linux (0 = same as the collector). Default 10. */
  nice?: number;
}

export interface ReadPool {
  read(pathname: string, search: string): Promise<QueryAnswer>;
  /** Read threads alive (0: reads run inline). */
  readonly workers: number;
  close(): Promise<void>;
}

/**
 * @example
 * const reads = createReadPool({ dbPath, db: database.db });
 * const { status, body } = await reads.read('/api/traces', 'limit=50');
 */
export function createReadPool(options: ReadPoolOptions): ReadPool {
  const wanted = options.dbPath === ':memory:' ? 0 : (options.workers ?? 1);
  const timeoutMs = options.timeoutMs ?? 30_000;
  if (wanted <= 0) {
    const store = sqliteQueryStore(options.db);
    return { read: (pathname, search) => answerQuery(store, pathname, search), workers: 0, close: async () => {} };
  }
  interface Waiting {
    resolve(answer: QueryAnswer): void;
    timer: NodeJS.Timeout;
  }
  interface Slot {
    worker: Worker;
    pending: Map<number, Waiting>;
  }
  let nextId = 0;
  let closed = false;
  const slots: Slot[] = [];

  const settleAll = (slot: Slot, error: CollectorError) => {
    for (const waiting of slot.pending.values()) {
      clearTimeout(waiting.timer);
      waiting.resolve(errorAnswer(error));
    }
    slot.pending.clear();
  };
  const spawn = (): Slot => {
    const worker = new Worker(workerSource(new URL('./read-worker.ts', import.meta.url)), {
      eval: true,
      workerData: { dbPath: options.dbPath, nice: options.nice ?? 10 },
    });
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: ReadReply) => {
      const waiting = slot.pending.get(reply.id);
      if (!waiting) return;
      slot.pending.delete(reply.id);
      clearTimeout(waiting.timer);
      waiting.resolve({ status: reply.status, body: Buffer.from(reply.body.buffer, reply.body.byteOffset, reply.body.byteLength).toString('utf8') });
    });
    const replace = (error: CollectorError) => {
      settleAll(slot, error);
      const index = slots.indexOf(slot);
      if (index === -1) return;
      slots.splice(index, 1);
      if (!closed) slots.push(spawn());
    };
    worker.on('error', (error) => replace(new CollectorError('unavailable', `the read worker failed: ${error.message}; retry`, { retryAfterSeconds: 1 })));
    worker.on('exit', (code) => {
      if (!closed) replace(new CollectorError('unavailable', `the read worker exited (${code}); retry`, { retryAfterSeconds: 1 }));
    });
    return slot;
  };
  for (let index = 0; index < wanted; index++) slots.push(spawn());

  return {
    read(pathname, search) {
      if (closed || slots.length === 0) return Promise.resolve(errorAnswer(new CollectorError('unavailable', 'the collector is closing')));
      const slot = slots.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
      const id = nextId++;
      return new Promise<QueryAnswer>((resolve) => {
        const timer = setTimeout(() => {
          // The statement cannot be interrupted: the worker goes, and with it the reads queued behind this one.
          slot.pending.delete(id);
          resolve(errorAnswer(new CollectorError('query_timeout', `the query ${pathname} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`)));
          settleAll(slot, new CollectorError('unavailable', `a slow query ahead of ${pathname} was stopped; retry`, { retryAfterSeconds: 1 }));
          const index = slots.indexOf(slot);
          if (index !== -1) slots.splice(index, 1, spawn());
          void slot.worker.terminate();
        }, timeoutMs);
        timer.unref();
        slot.pending.set(id, { resolve, timer });
        const request: ReadRequest = { id, pathname, search };
        slot.worker.postMessage(request);
      });
    },
    get workers() {
      return slots.length;
    },
    async close() {
      closed = true;
      for (const slot of slots) settleAll(slot, new CollectorError('unavailable', 'the collector is closing'));
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
