// PostgreSQL write benchmark: a throwaway cluster (src/testing/postgres-cluster.ts), then the bench's realistic
// 512-span batches (genai-batch.ts, decoded and prepared up front) stored for a fixed time through 1 writer and
// then through 3 writers at once, each an independent PgStore with its own connections, as separate collector
// instances would be. Prints spans/s for each, and the spans stored. No HTTP: this measures the shared store.
// Knobs: HOTPATH_BENCH_SECONDS (10 per run), HOTPATH_BENCH_FLUSH (requests per transaction, 4).
import { loadavg } from 'node:os';
import { prepareBatch, type PreparedBatch } from '../src/ingest/prepare-batch.ts';
import { defaultPricing } from '../src/ingest/pricing.ts';
import { decodeProtobufTraces } from '../src/otlp/decode-protobuf.ts';
import { openPgStore } from '../src/storage/pg-store.ts';
import { startPostgresCluster } from '../src/testing/postgres-cluster.ts';
import { createBatchFactory } from './genai-batch.ts';

const seconds = Number(process.env.HOTPATH_BENCH_SECONDS ?? 10);
const flushSize = Number(process.env.HOTPATH_BENCH_FLUSH ?? 4);

const cluster = await startPostgresCluster();
if ('skipped' in cluster) {
  console.log(`skipped: ${cluster.skipped}`);
  process.exit(0);
}
const { url } = cluster;
const factory = createBatchFactory(512);
let nextBatch = 1;
const batch = (): PreparedBatch => prepareBatch(decodeProtobufTraces(factory.batch(nextBatch++)), defaultPricing);

async function run(writers: number): Promise<{ spansPerSecond: number; stored: number }> {
  const stores = await Promise.all(Array.from({ length: writers }, () => openPgStore(url, { maxConnections: 2 })));
  // Prepared before the clock starts: decoding is the collector's own cost, measured by ingest-bench.ts.
  const ready = Array.from({ length: writers }, () => Array.from({ length: Math.ceil((seconds * 40_000) / 512 / writers) + flushSize }, batch));
  let spans = 0;
  const deadline = performance.now() + seconds * 1000;
  const started = performance.now();
  await Promise.all(
    stores.map(async (store, writer) => {
      const queue = ready[writer]!;
      while (performance.now() < deadline && queue.length >= flushSize) {
        const results = await store.storeBatches(queue.splice(0, flushSize), Date.now());
        for (const result of results) spans += result.acceptedSpans;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const { rows } = await stores[0]!.pool.query<{ count: string }>('SELECT count(*) FROM spans');
  await Promise.all(stores.map((store) => store.close()));
  return { spansPerSecond: spans / elapsed, stored: Number(rows[0]!.count) };
}

try {
  console.log(`PostgreSQL store, 512-span batches, ${flushSize} per transaction, ${seconds} s per run (load average ${loadavg()[0]!.toFixed(1)})`);
  for (const writers of [1, 3]) {
    const { spansPerSecond, stored } = await run(writers);
    console.log(`${writers} writer${writers === 1 ? ' ' : 's'}  ${Math.round(spansPerSecond).toLocaleString('en-US').padStart(8)} spans/s   (${stored.toLocaleString('en-US')} spans stored in all, load average ${loadavg()[0]!.toFixed(1)})`);
  }
} finally {
  await cluster.stop();
}
