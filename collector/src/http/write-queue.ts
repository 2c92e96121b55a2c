// Coalesces the requests that arrive while SQLite is busy into one transaction per event-loop turn: fewer commits,
// more spans per second. Bounded: past `maxPendingSpans` waiting, `enqueue` refuses with a retryable 503 instead of
// queueing without end. A request's promise resolves only after its transaction committed.
import { CollectorError } from '../errors.ts';
import { ingest, type IngestOptions, type IngestResult } from '../ingest/ingest.ts';
import { countSpans, type TraceExportRequest } from '../otlp/otlp-types.ts';
import type { SpanWriter } from '../storage/span-writer.ts';

interface Pending {
  request: TraceExportRequest;
  spans: number;
  resolve(result: IngestResult): void;
  reject(error: unknown): void;
}

export interface WriteQueue {
  enqueue(request: TraceExportRequest): Promise<IngestResult>;
  /** Spans waiting for their transaction. */
  readonly pendingSpans: number;
  /** Writes everything still queued now. */
  flush(): void;
}

/**
 * Creates the queue; `onStored` hears about every committed request (live updates, forwarding, counters).
 *
 * @example
 * const queue = createWriteQueue(writer, { pricing: defaultPricing }, { maxPendingSpans: 100_000 });
 * const result = await queue.enqueue(decodeProtobufTraces(body));
 */
export function createWriteQueue(
  writer: SpanWriter,
  options: Omit<IngestOptions, 'nowMs'>,
  limits: { maxPendingSpans: number },
  onStored: (results: IngestResult[]) => void = () => {},
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
            settled.push({ pending, result: ingest(writer, pending.request, { ...options, nowMs }) });
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
    for (const { pending, result, error } of settled) {
      if (result) {
        results.push(result);
        pending.resolve(result);
      } else pending.reject(error);
    }
    if (results.length > 0) onStored(results);
  };

  return {
    enqueue(request) {
      const spans = countSpans(request);
      if (pendingSpans > 0 && pendingSpans + spans > limits.maxPendingSpans) {
        return Promise.reject(
          new CollectorError('overloaded', `write queue full (${pendingSpans} spans waiting); retry later`, { retryAfterSeconds: 1 }),
        );
      }
      pendingSpans += spans;
      const promise = new Promise<IngestResult>((resolve, reject) => queue.push({ request, spans, resolve, reject }));
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
