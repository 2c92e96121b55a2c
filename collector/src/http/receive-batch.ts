// What both OTLP receivers (HTTP and gRPC) do with a body once it is read: decode and prepare it, store it through
// the write queue, and hand the accepted bytes to forwarding.
import { CollectorError } from '../errors.ts';
import type { IngestResult } from '../ingest/ingest.ts';
import type { PreparedBatch } from '../ingest/prepare-batch.ts';
import type { BodyEncoding, DecodePool } from './decode-pool.ts';
import type { WriteQueue } from './write-queue.ts';

export type ReceiveBatch = (body: Buffer, encoding: BodyEncoding, contentType: string) => Promise<IngestResult>;

/**
 * Creates the shared receive step.
 *
 * @throws CollectorError from decoding (400) or the queue (503); a storage failure becomes a retryable 503.
 * @example
 * const receive = createReceiveBatch({ decoder, queue });
 * const result = await receive(body, 'protobuf', 'application/x-protobuf');
 */
export function createReceiveBatch(options: {
  decoder: DecodePool;
  queue: Pick<WriteQueue, 'enqueue'>;
  onAccepted?: (body: Buffer, contentType: string) => void;
  /** Changes a prepared batch before it is stored (start records: ingest/started-spans.ts). */
  transform?: (batch: PreparedBatch) => PreparedBatch;
}): ReceiveBatch {
  return async (body, encoding, contentType) => {
    const prepared = await options.decoder.prepare(body, encoding);
    const batch = options.transform ? options.transform(prepared) : prepared;
    let result: IngestResult;
    try {
      result = await options.queue.enqueue(batch);
    } catch (error) {
      if (CollectorError.isInstance(error)) throw error;
      // Storage failing (disk full, database locked) is the server's trouble: 503 tells exporters to retry.
      throw new CollectorError('unavailable', `could not store the spans: ${(error as Error).message}`, { cause: error, retryAfterSeconds: 1 });
    }
    options.onAccepted?.(body, contentType);
    return result;
  };
}
