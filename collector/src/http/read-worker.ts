// The query API's read worker thread (see read-pool.ts): opens its own read-only connection and answers reads,
// serialized to JSON bytes here and handed over without a copy.
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { answerQuery } from '../query/answer-query.ts';
import { sqliteQueryStore } from '../query/query-store.ts';
import { openReadDatabase } from '../storage/open-read-database.ts';

export interface ReadRequest {
  id: number;
  pathname: string;
  search: string;
}

export interface ReadReply {
  id: number;
  status: number;
  body: Uint8Array;
}

const { dbPath, nice } = workerData as { dbPath: string; nice: number };

// Reads give way to ingest on a busy machine: on Linux a thread has its own nice value (its id is the last part of
// /proc/thread-self), so this lowers the priority of this thread only, never the collector's writing main thread.
try {
  if (nice > 0) setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), nice);
} catch {
  // not Linux, or not allowed: reads simply run at the same priority
}

const store = sqliteQueryStore(openReadDatabase(dbPath).db);
// better-sqlite3 answers within the call, so one read is done before the next message is taken.
parentPort!.on('message', async ({ id, pathname, search }: ReadRequest) => {
  const answer = await answerQuery(store, pathname, search);
  const body = Buffer.from(answer.body);
  // A Buffer may share a pooled ArrayBuffer: transfer a copy only when it does not own its memory alone.
  const bytes = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? new Uint8Array(body.buffer) : new Uint8Array(body);
  const reply: ReadReply = { id, status: answer.status, body: bytes };
  parentPort!.postMessage(reply, [bytes.buffer as ArrayBuffer]);
});
