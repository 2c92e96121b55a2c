// Whether the store can be trusted and written, for /api/health and for ingest's answers. Two sources:
// - `PRAGMA quick_check` at start (open-database.ts) and then periodically, on a worker thread with its own
//   read-only connection, so a check of a large file never stalls ingest or queries;
// - every write: a failed transaction says why (locked, full, read-only, damaged) until one succeeds again.
// While the file is known to be damaged, ingest refuses with 503 rather than write into it.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { CollectorError } from '../errors.ts';
import type { DatabaseHealth } from '../query/api-types.ts';
import type { SpanWriter } from './span-writer.ts';
import { describeStorage, storageCause } from './storage-failure.ts';

export type { DatabaseHealth };

export interface IntegrityMonitor {
  health(): DatabaseHealth;
  /** Runs quick_check now (it also runs every `intervalMs`). */
  check(): Promise<DatabaseHealth>;
  /** The writer, refusing while the file is damaged and reporting why a write failed. */
  guard(writer: SpanWriter): SpanWriter;
  /** A read failed: damage found by a read counts as damage. */
  readFailed(error: unknown): void;
  close(): Promise<void>;
}

/**
 * The worker, in plain JavaScript so it needs no TypeScript loader (worker threads do not inherit tsx's hooks):
 * one quick_check per message, on a fresh read-only connection that sees what is on disk.
 */
const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
parentPort.on('message', () => {
  const started = performance.now();
  let reply;
  try {
    const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
    try {
      db.pragma('busy_timeout = 5000');
      const problems = db.pragma('quick_check(5)').map((row) => row.quick_check).filter((line) => line !== 'ok');
      reply = { problems };
    } finally {
      db.close();
    }
  } catch (error) {
    reply = { error: { code: error.code, message: error.message } };
  }
  reply.durationMs = performance.now() - started;
  parentPort.postMessage(reply);
});
`;

type CheckReply = { durationMs: number; problems?: string[]; error?: { code?: string; message: string } };

/**
 * Starts watching a database file (`:memory:` has nothing to check on disk: only writes are watched).
 *
 * @example
 * const monitor = createIntegrityMonitor({ path, intervalMs: 600_000 });
 * const writer = monitor.guard(createSpanWriter(database));
 */
export function createIntegrityMonitor(options: { path: string; intervalMs: number }): IntegrityMonitor {
  let damaged: string | null = null;
  let writeProblem: string | null = null;
  let lastCheck: DatabaseHealth['lastCheck'] = null;
  let worker: Worker | undefined;
  let running: Promise<DatabaseHealth> | undefined;
  const health = (): DatabaseHealth => ({ ok: damaged === null && writeProblem === null, problem: damaged ?? writeProblem, lastCheck });

  const check = (): Promise<DatabaseHealth> => {
    if (options.path === ':memory:') return Promise.resolve(health());
    running ??= new Promise<DatabaseHealth>((resolve) => {
      if (worker === undefined) {
        worker = new Worker(workerSource, { eval: true, workerData: { path: options.path, driver: createRequire(import.meta.url).resolve('better-sqlite3') } });
        worker.unref();
      }
      worker.once('message', (reply: CheckReply) => {
        running = undefined;
        const cause = reply.error ? storageCause(reply.error) : reply.problems && reply.problems.length > 0 ? 'corrupt' : undefined;
        const sound = cause === undefined;
        lastCheck = { time: Date.now(), durationMs: Math.round(reply.durationMs), ok: sound };
        // Only damage sticks: a check that could not run (busy, say) is not news about the file.
        if (cause === 'corrupt' || cause === 'not-a-database') {
          damaged = describeStorage(options.path, cause, reply.problems?.join('; ') ?? reply.error?.message);
        } else if (sound) damaged = null;
        resolve(health());
      });
      worker!.postMessage('check');
    });
    return running;
  };
  const timer = options.intervalMs > 0 && options.path !== ':memory:' ? setInterval(() => void check(), options.intervalMs).unref() : undefined;

  return {
    health,
    check,
    guard(writer) {
      // Transactions nest (a request is a savepoint in the queue's transaction): only a whole transaction that
      // committed with no failure inside says writing works again.
      let depth = 0;
      let failedInside = false;
      return {
        ...writer,
        transaction(work) {
          if (damaged !== null) throw new CollectorError('unavailable', `not storing spans: ${damaged}`, { retryAfterSeconds: 30 });
          if (depth === 0) failedInside = false;
          depth += 1;
          try {
            const result = writer.transaction(work);
            if (depth === 1 && !failedInside) writeProblem = null;
            return result;
          } catch (error) {
            const cause = storageCause(error);
            if (cause === undefined) throw error;
            failedInside = true;
            writeProblem = describeStorage(options.path, cause, (error as Error).message);
            if (cause === 'corrupt') damaged = writeProblem;
            throw new CollectorError('unavailable', `could not store the spans: ${writeProblem}`, { cause: error, retryAfterSeconds: cause === 'locked' ? 1 : 5 });
          } finally {
            depth -= 1;
          }
        },
      };
    },
    readFailed(error) {
      const cause = storageCause(error);
      if (cause === 'corrupt' || cause === 'not-a-database') damaged = describeStorage(options.path, cause, (error as Error).message);
    },
    async close() {
      if (timer) clearInterval(timer);
      await worker?.terminate();
    },
  };
}
