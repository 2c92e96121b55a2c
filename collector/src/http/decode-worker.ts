// A decode worker thread (see decode-pool.ts): bodies in, prepared batches or typed errors out.
import { parentPort, workerData } from 'node:worker_threads';
import { CollectorError } from '../errors.ts';
import type { PricingTable } from '../ingest/pricing.ts';
import { decodeAndPrepare, type BodyEncoding, type DecodeReply } from './decode-pool.ts';

const { pricing } = workerData as { pricing: PricingTable };

parentPort!.on('message', ({ id, body, encoding }: { id: number; body: Uint8Array; encoding: BodyEncoding }) => {
  let reply: DecodeReply;
  try {
    reply = { id, batch: decodeAndPrepare(body, encoding, pricing) };
  } catch (error) {
    reply = CollectorError.isInstance(error)
      ? { id, error: { code: error.code, message: error.message } }
      : { id, error: { code: 'internal', message: `decoding failed: ${(error as Error).message}` } };
  }
  parentPort!.postMessage(reply);
});
