// Where ingest's CPU goes, stage by stage, in one process and without HTTP: decoding the ingest benchmark's
// protobuf batches, preparing rows (derived columns, JSON), and storing them — in full (spans and trace summaries,
// as the write queue does) and then the span rows alone on tables with fewer and fewer indexes, down to a bare
// table with no key at all, the floor of what SQLite asks per row of this shape. Every figure is milliseconds of
// CPU per 1,000 spans, the median of `HOTPATH_BENCH_REPEATS` (5) passes after one warm-up pass, on the same
// batches as `npm run bench`.
// Knobs: HOTPATH_BENCH_BATCHES (300 batches of 512 spans), HOTPATH_BENCH_REPEATS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeBatch } from '../src/ingest/ingest.ts';
import { prepareBatch, type PreparedBatch } from '../src/ingest/prepare-batch.ts';
import { defaultPricing } from '../src/ingest/pricing.ts';
import { decodeProtobufTraces } from '../src/otlp/decode-protobuf.ts';
import { openDatabase, type CollectorDatabase } from '../src/storage/open-database.ts';
import { createSpanWriter, type SpanWriter } from '../src/storage/span-writer.ts';
import { createBatchFactory } from './genai-batch.ts';

const batchCount = Number(process.env.HOTPATH_BENCH_BATCHES ?? 300);
const repeats = Number(process.env.HOTPATH_BENCH_REPEATS ?? 5);
/** Requests per transaction: about what the write queue coalesces under the ingest benchmark's load. */
const requestsPerTransaction = 4;
const factory = createBatchFactory(512);
const spanCount = batchCount * factory.spansPerBatch;
const dir = mkdtempSync(join(tmpdir(), 'hotpath-stage-costs-'));

function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/** Median over the repeats of CPU ms per 1,000 spans; each pass gets fresh batches (new ids) from `fresh`. */
function measure<T>(fresh: (pass: number) => T, work: (input: T) => void): number {
  const perThousand: number[] = [];
  // Pass 0 warms up (compiled code, a grown heap, the page cache) and is not counted.
  for (let pass = 0; pass <= repeats; pass++) {
    const input = fresh(pass);
    const ms = cpuMs(() => work(input));
    if (pass > 0) perThousand.push((ms / spanCount) * 1000);
  }
  perThousand.sort((a, b) => a - b);
  return perThousand[Math.floor(perThousand.length / 2)]!;
}

const bodiesFor = (pass: number) => Array.from({ length: batchCount }, (_, index) => factory.batch(pass * batchCount + index + 1));
const preparedFor = (pass: number) => bodiesFor(pass).map((body) => prepareBatch(decodeProtobufTraces(body), defaultPricing));

const decodeMs = measure(bodiesFor, (bodies) => {
  for (const body of bodies) decodeProtobufTraces(body);
});
const prepareMs = measure(
  (pass) => bodiesFor(pass).map((body) => decodeProtobufTraces(body)),
  (requests) => {
    for (const request of requests) prepareBatch(request, defaultPricing);
  },
);

let databaseFiles = 0;
/** A new database file per pass, so every pass writes into empty tables. */
function storeWith(setUp: string, write: (database: CollectorDatabase, batches: PreparedBatch[]) => void): number {
  return measure(
    (pass) => {
      const database = openDatabase(join(dir, `${databaseFiles++}.sqlite`));
      database.sqlite.exec(setUp);
      return { database, batches: preparedFor(pass) };
    },
    ({ database, batches }) => {
      write(database, batches);
      database.sqlite.close();
    },
  );
}

/** Writes the batches through the collector's span writer, `requestsPerTransaction` requests per transaction. */
function inTransactions(store: (writer: SpanWriter, batch: PreparedBatch) => void) {
  return (database: CollectorDatabase, batches: PreparedBatch[]): void => {
    const writer = createSpanWriter(database);
    for (let index = 0; index < batches.length; index += requestsPerTransaction) {
      writer.transaction(() => {
        for (const batch of batches.slice(index, index + requestsPerTransaction)) store(writer, batch);
      });
    }
  };
}

const fullMs = storeWith('', inTransactions((writer, batch) => storeBatch(writer, batch, Date.now())));
// The span rows alone (no summaries, resources or scopes), through the collector's own insert statement.
const insertRows = inTransactions((writer, batch) => {
  for (const { rows } of batch.groups) for (const row of rows) writer.insertSpan(row);
});
const rowsAllIndexesMs = storeWith('', insertRows);
const dropSecondary = 'DROP INDEX spans_span_id; DROP INDEX spans_model_call_start; DROP INDEX spans_cache_start; DROP INDEX spans_routed_start;';
const rowsKeyOnlyMs = storeWith(dropSecondary, insertRows);
// The same columns with no primary key, no unique constraint and no index: rows appended in rowid order.
const rowsBareMs = storeWith('ALTER TABLE spans RENAME TO spans_kept; CREATE TABLE spans AS SELECT * FROM spans_kept WHERE 0;', insertRows);
rmSync(dir, { recursive: true, force: true });

const line = (name: string, ms: number) => console.log(`${name.padEnd(58)} ${ms.toFixed(1).padStart(5)} ms   (${Math.round(1_000_000 / ms).toLocaleString('en-US')} spans/s per core)`);
console.log(`CPU per 1,000 spans, median of ${repeats} passes over ${spanCount.toLocaleString('en-US')} spans (${batchCount} × ${factory.spansPerBatch}-span protobuf batches)`);
line('decode (protobuf → objects)', decodeMs);
line('prepare (validate, derived columns, JSON)', prepareMs);
line('store: spans + trace summaries (what the collector does)', fullMs);
line('store: span rows alone, every index of the schema', rowsAllIndexesMs);
line('store: span rows alone, primary key only', rowsKeyOnlyMs);
line('store: span rows alone, a bare table with no key', rowsBareMs);
line('decode + prepare + store', decodeMs + prepareMs + fullMs);
