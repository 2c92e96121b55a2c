// The write queue of a collector on PostgreSQL (http/write-queue.ts is SQLite's): requests that arrive together are
// stored in one transaction, a few transactions in flight at once so the server's round trips overlap with decoding.
// Bounded like SQLite's: past `maxPendingSpans` waiting or being written, `enqueue` refuses with a retryable 503. A
// request's promise resolves only after its transaction committed.
//
// Failures: when the server is the trouble (down, refusing, full, read-only) every request of the transaction gets a
// 503 saying so, and `problem()` keeps the sentence until a transaction commits again. Anything else is retried one
// request per transaction, so a request that cannot be stored fails alone, as a SQLite savepoint would.
import { CollectorError } from '../errors.ts';
import type { IngestResult } from '../ingest/ingest.ts';
import type { PreparedBatch } from '../ingest/prepare-batch.ts';
import { describePg, messageOf, pgCause } from './pg-failure.ts';
import type { PgStore } from './pg-store.ts';

export interface PgWriteQueue {
  enqueue(batch: PreparedBatch): Promise<IngestResult>;
  /** Spans waiting for or in their transaction. */
  readonly pendingSpans: number;
  /** Why the last transaction failed, while no later one has committed; null when writing works. */
  problem(): string | null;
  /** Resolves once everything queued so far is written (or has failed). */
  drain(): Promise<void>;
}

interface Pending {
  batch: PreparedBatch;
  resolve(result: IngestResult): void;
  reject(error: unknown): void;
}

export interface PgWriteQueueOptions {
  /** The database URL, for the sentences failures are described with. */
  url: string;
  maxPendingSpans: number;
  /** Transactions in flight at once. Default 2. */
  maxInFlight?: number;
  /** Requests per transaction at most. Default 16. */
  maxRequestsPerTransaction?: number;
}

/**
 * @example
 * const queue = createPgWriteQueue(store, { url, maxPendingSpans: 200_000 }, (results) => count(results));
 * const result = await queue.enqueue(prepareBatch(decodeProtobufTraces(body), defaultPricing));
 */
export function createPgWriteQueue(store: PgStore, options: PgWriteQueueOptions, onStored: (results: IngestResult[], batches: PreparedBatch[]) => void = () => {}): PgWriteQueue {
  const maxInFlight = options.maxInFlight ?? 2;
  const perTransaction = options.maxRequestsPerTransaction ?? 16;
  let queue: Pending[] = [];
  let pendingSpans = 0;
  let inFlight = 0;
  let scheduled = false;
  let problem: string | null = null;
  let idle: (() => void)[] = [];

  const unavailable = (error: unknown): CollectorError | undefined => {
    const cause = pgCause(error);
    if (cause === undefined) return undefined;
    problem = describePg(options.url, cause, messageOf(error));
    return new CollectorError('unavailable', `could not store the spans: ${problem}`, { cause: error, retryAfterSeconds: cause === 'timeout' ? 1 : 5 });
  };

  const write = async (group: Pending[]): Promise<void> => {
    try {
      const results = await store.storeBatches(
        group.map((pending) => pending.batch),
        Date.now(),
      );
      problem = null;
      group.forEach((pending, index) => pending.resolve(results[index]!));
      onStored(results, group.map((pending) => pending.batch));
    } catch (error) {
      const refusal = unavailable(error);
      if (refusal !== undefined || group.length === 1) {
        for (const pending of group) pending.reject(refusal ?? error);
        return;
      }
      // Not the server's fault: one request at a time, so only the one that cannot be stored fails.
      for (const pending of group) await write([pending]);
    }
  };

  const pump = (): void => {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const group = queue.slice(0, perTransaction);
      queue = queue.slice(group.length);
      inFlight += 1;
      const spans = group.reduce((sum, pending) => sum + pending.batch.spanCount, 0);
      void write(group).finally(() => {
        inFlight -= 1;
        pendingSpans -= spans;
        if (queue.length > 0) pump();
        else if (inFlight === 0) {
          const waiting = idle;
          idle = [];
          for (const resolve of waiting) resolve();
        }
      });
    }
  };

  return {
    enqueue(batch) {
      const spans = batch.spanCount;
      if (pendingSpans > 0 && pendingSpans + spans > options.maxPendingSpans) {
        return Promise.reject(new CollectorError('overloaded', `write queue full (${pendingSpans} spans waiting); retry later`, { retryAfterSeconds: 1 }));
      }
      pendingSpans += spans;
      const promise = new Promise<IngestResult>((resolve, reject) => queue.push({ batch, resolve, reject }));
      // Requests of one event-loop turn go together.
      if (!scheduled) {
        scheduled = true;
        setImmediate(pump);
      }
      return promise;
    },
    get pendingSpans() {
      return pendingSpans;
    },
    problem: () => problem,
    drain() {
      if (queue.length === 0 && inFlight === 0) return Promise.resolve();
      if (!scheduled) pump();
      return new Promise<void>((resolve) => idle.push(resolve));
    },
  };
}
