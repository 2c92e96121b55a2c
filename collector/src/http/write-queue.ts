// Coalesces the requests that arrive while SQLite is busy into one transaction per event-loop turn: fewer commits,
// more spans per second. Bounded: past `maxPendingSpans` waiting, `enqueue` refuses with a retryable 503 instead of
// queueing without end. A request's promise resolves only after its transaction committed.
import { CollectorError } from '../errors.ts';
import { storeBatch, type IngestResult } from '../ingest/ingest.ts';
import type { PreparedBatch } from '../ingest/prepare-batch.ts';
import type { SpanWriter } from '../storage/span-writer.ts';

interface Pending {
  batch: PreparedBatch;
  spans: number;
  resolve(result: IngestResult): void;
  reject(error: unknown): void;
}

export interface WriteQueue {
  enqueue(batch: PreparedBatch): Promise<IngestResult>;
  /** Spans waiting for their transaction. */
  readonly pendingSpans: number;
  /** Writes everything still queued now. */
  flush(): void;
}

/**
 * Creates the queue; `onStored` hears about every committed request (live updates, forwarding, counters), with the
 * batches it stored, in the same order.
 *
 * @example
 * const queue = createWriteQueue(writer, { maxPendingSpans: 100_000 });
 * const result = await queue.enqueue(prepareBatch(decodeProtobufTraces(body), defaultPricing));
 */
export function createWriteQueue(
  writer: SpanWriter,
  limits: { maxPendingSpans: number },
  onStored: (results: IngestResult[], batches: PreparedBatch[]) => void = () => {},
): WriteQueue {
  let queue: Pending[] = [];
  let pendingSpans = 0;
  let scheduled = false;

  const flush = (): void => {
    scheduled = false;
    const batch = queue;
    queue = [];
    pendingSpans = 0;
    if (batch.length === 0) return;
    const settled: { pending: Pending; result?: IngestResult; error?: unknown }[] = [];
    try {
      writer.transaction(() => {
        const nowMs = Date.now();
        for (const pending of batch) {
          // Each request is its own savepoint: one that fails is rolled back alone.
          try {
            settled.push({ pending, result: storeBatch(writer, pending.batch, nowMs) });
          } catch (error) {
            settled.push({ pending, error });
          }
        }
      });
    } catch (error) {
      // The commit itself failed: nothing of this batch is stored.
      for (const pending of batch) pending.reject(error);
      return;
    }
    const results: IngestResult[] = [];
    const stored: PreparedBatch[] = [];
    for (const { pending, result, error } of settled) {
      if (result) {
        results.push(result);
        stored.push(pending.batch);
        pending.resolve(result);
      } else pending.reject(error);
    }
    if (results.length > 0) onStored(results, stored);
  };

  return {
    enqueue(batch) {
      const spans = batch.spanCount;
      if (pendingSpans > 0 && pendingSpans + spans > limits.maxPendingSpans) {
        return Promise.reject(
          new CollectorError('overloaded', `write queue full (${pendingSpans} spans waiting); retry later`, { retryAfterSeconds: 1 }),
        );
      }
      pendingSpans += spans;
      const promise = new Promise<IngestResult>((resolve, reject) => queue.push({ batch, spans, resolve, reject }));
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
      return promise;
    },
    get pendingSpans() {
      return pendingSpans;
    },
    flush,
  };
}
