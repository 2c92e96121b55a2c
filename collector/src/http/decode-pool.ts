// Decoding and preparing spans off the main thread. protobuf/JSON decoding, derived columns and JSON text cost
// about as much CPU as the SQLite writes, so with a worker thread doing them the main thread only writes and
// answers: on two cores both are busy at once. `workers: 0` does everything inline (the same code, one thread).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { CollectorError, type CollectorErrorCode } from '../errors.ts';
import { prepareBatch, type PreparedBatch } from '../ingest/prepare-batch.ts';
import type { PricingTable } from '../ingest/pricing.ts';
import { decodeJsonTraces } from '../otlp/decode-json.ts';
import { decodeProtobufTraces } from '../otlp/decode-protobuf.ts';
import { workerSource } from './worker-source.ts';

export type BodyEncoding = 'protobuf' | 'json';

/** What a decode worker answers: a batch, or the error to answer the sender with. */
export type DecodeReply =
  | { id: number; batch: PreparedBatch }
  | { id: number; error: { code: CollectorErrorCode; message: string } };

export interface DecodePool {
  prepare(body: Uint8Array, encoding: BodyEncoding): Promise<PreparedBatch>;
  /** Decode workers alive (a worker that failed is not replaced; with none, decoding runs inline). */
  readonly workers: number;
  close(): Promise<void>;
}

/**
 * One worker when the machine has a core to spare for it, else inline. On the 2-core benchmark machine one worker
 * measured 1.4–1.6× the inline throughput (collector/README.md); a second worker would only compete with the writer.
 */
export const defaultDecodeWorkers = availableParallelism() > 1 ? 1 : 0;

/**
 * Decodes an OTLP body and prepares its spans: the work a decode worker does.
 *
 * @throws CollectorError `bad_request` when the body is malformed.
 * @example
 * const batch = decodeAndPrepare(body, 'protobuf', defaultPricing);
 */
export function decodeAndPrepare(body: Uint8Array, encoding: BodyEncoding, pricing: PricingTable): PreparedBatch {
  const request = encoding === 'protobuf' ? decodeProtobufTraces(body) : decodeJsonTraces(Buffer.from(body).toString('utf8'));
  return prepareBatch(request, pricing);
}

/**
 * Starts `workers` decode threads (0 = decode inline).
 *
 * @example
 * const pool = createDecodePool({ workers: 1, pricing: defaultPricing });
 * const batch = await pool.prepare(body, 'protobuf');
 */
export function createDecodePool(options: { workers: number; pricing: PricingTable }): DecodePool {
  if (options.workers <= 0) {
    return {
      prepare: async (body, encoding) => decodeAndPrepare(body, encoding, options.pricing),
      workers: 0,
      close: async () => {},
    };
  }
  type Slot = { worker: Worker; pending: Map<number, { resolve(batch: PreparedBatch): void; reject(error: unknown): void }> };
  let nextId = 0;
  let closed = false;
  const slots: Slot[] = [];

  const spawn = (): Slot => {
    const worker = new Worker(workerSource(new URL('./decode-worker.ts', import.meta.url)), { eval: true, workerData: { pricing: options.pricing } });
    worker.unref();
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', (reply: DecodeReply) => {
      const waiting = slot.pending.get(reply.id);
      if (!waiting) return;
      slot.pending.delete(reply.id);
      if ('batch' in reply) waiting.resolve(reply.batch);
      else waiting.reject(new CollectorError(reply.error.code, reply.error.message));
    });
    const fail = (error: unknown) => {
      for (const waiting of slot.pending.values()) {
        waiting.reject(new CollectorError('internal', `decode worker failed: ${(error as Error)?.message ?? String(error)}`, { cause: error, retryAfterSeconds: 1 }));
      }
      slot.pending.clear();
      // A dead worker is not replaced (a worker that cannot start would otherwise be restarted forever):
      // its share of the work moves to the others, or inline once none is left.
      const index = slots.indexOf(slot);
      if (index !== -1) slots.splice(index, 1);
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!closed) fail(new Error(`exited with code ${code}`));
    });
    return slot;
  };
  for (let index = 0; index < options.workers; index++) slots.push(spawn());

  return {
    prepare(body, encoding) {
      if (slots.length === 0) return Promise.resolve().then(() => decodeAndPrepare(body, encoding, options.pricing));
      // The least busy worker; the body is copied to it, so the caller keeps its bytes (forwarding needs them).
      const slot = slots.reduce((best, candidate) => (candidate.pending.size < best.pending.size ? candidate : best));
      const id = nextId++;
      return new Promise<PreparedBatch>((resolve, reject) => {
        slot.pending.set(id, { resolve, reject });
        slot.worker.postMessage({ id, body, encoding });
      });
    },
    get workers() {
      return slots.length;
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
    },
  };
}
