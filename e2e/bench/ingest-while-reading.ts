// Does reading a huge trace slow ingest down? A collector process (its command line) holds a 200,000-span trace and
// takes spans as fast as 4 concurrent senders can post them; the spans it acknowledges per second are counted in
// alternating windows, quiet and reading (a reader fetching the big trace again and again, as dashboards opening it
// would: the first screen, then every span in storage-order pages). Alternating windows, rather than one before and one
// after, keep a change in the machine's load from the other users of a shared machine out of the comparison. Each
// reading window is compared with the mean of the quiet windows on either side of it, and the drop is the mean of
// those comparisons: ingest slows as the database grows, steepest at first (measured: the first quiet window 18–23k
// spans/s, the last 11–13k), so a mean over all quiet windows would charge the reader for the growth too.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentShapedTrace, manyRuns, postAll, spansIn } from '../src/fixtures/otlp-json-batches.ts';
import { startCollectorProcess } from '../src/harness/collector-process.ts';

export interface IngestWhileReadingFigures {
  traceSpans: number;
  windowSeconds: number;
  /** Spans acknowledged per second in each window, in order (quiet windows first and last). */
  windows: { reading: boolean; spansPerSecond: number }[];
  quietSpansPerSecond: number;
  readingSpansPerSecond: number;
  /** Mean over the reading windows of 1 − reading ÷ (mean of the quiet windows before and after it). */
  drop: number;
  /** Pages of the big trace read during the reading windows (a first screen, then up to 50,000 spans each), and the mean time of one. */
  pagesRead: number;
  pageReadMs: number;
}

/**
 * @example
 * const figures = await measureIngestWhileReading({ traceSpans: 200_000, windowSeconds: 4, rounds: 4 });
 */
export async function measureIngestWhileReading(options: { traceSpans: number; windowSeconds: number; rounds: number }): Promise<IngestWhileReadingFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hotpath-bench-ingest-read-'));
  const collector = await startCollectorProcess(dataDir);
  try {
    const big = agentShapedTrace(options.traceSpans, Date.now() - 3_600_000);
    await postAll(collector.url, big.bodies, 2);
    let acknowledged = 0;
    let running = true;
    // Senders as cheap as an exporter's: 40 request bodies made once, every id's first 8 hex digits replaced by a
    // marker that each request swaps for its own number, so every span sent is new at the cost of one string replace.
    const templates = [...manyRuns(4_000, Date.now() - 600_000, Date.now(), 500)].map((body) =>
      body.replace(/"(traceId|spanId|parentSpanId)":"[0-9a-f]{8}/g, '"$1":"%ID8%'),
    );
    const perTemplate = templates.map(spansIn);
    let sequence = 0x10000000;
    const senders = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (running) {
          const index = sequence % templates.length;
          const body = templates[index]!.replaceAll('%ID8%', (sequence++).toString(16));
          const response = await fetch(`${collector.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
          await response.body?.cancel();
          if (response.ok) acknowledged += perTemplate[index]!;
        }
      }),
    );
    let pagesRead = 0;
    let readMs = 0;
    const readPage = async (query: string) => {
      const started = performance.now();
      const response = await fetch(`${collector.url}/api/traces/${big.traceId}/spans?${query}`);
      if (!response.ok) throw new Error(`a page of the big trace answered ${response.status}: ${await response.text()}`);
      // Only the cursor is needed: read from the page's tail, so parsing megabytes of JSON does not slow this
      // process's senders down (it would count against the collector).
      const tail = Buffer.from(await response.arrayBuffer()).subarray(-4096).toString('latin1');
      const found = /"nextCursor":(null|"([^"]*)")/.exec(tail);
      if (!found) throw new Error('a page of the big trace had no nextCursor at its end');
      const nextCursor = found[2] ?? null;
      readMs += performance.now() - started;
      pagesRead += 1;
      return nextCursor;
    };
    /** Reads the whole trace again and again until told to stop (checked between pages). */
    const read = async (stop: { now: boolean }) => {
      while (!stop.now) {
        await readPage('limit=2000');
        let cursor = await readPage('order=id&limit=50000');
        while (cursor !== null && !stop.now) cursor = await readPage(`order=id&limit=50000&cursor=${cursor}`);
      }
    };
    const window = async (reading: boolean) => {
      const from = acknowledged;
      const started = performance.now();
      const stop = { now: false };
      const reader = reading ? read(stop) : Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, options.windowSeconds * 1000));
      stop.now = true;
      const spansPerSecond = ((acknowledged - from) * 1000) / (performance.now() - started);
      // The page still being read finishes between windows, counted in neither.
      await reader;
      return { reading, spansPerSecond };
    };
    // Warm up (the write path and the caches), then measure.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const windows: IngestWhileReadingFigures['windows'] = [];
    for (let round = 0; round < options.rounds; round++) windows.push(await window(false), await window(true));
    windows.push(await window(false));
    const mean = (reading: boolean) => {
      const rates = windows.filter((entry) => entry.reading === reading).map((entry) => entry.spansPerSecond);
      return rates.reduce((sum, rate) => sum + rate, 0) / rates.length;
    };
    running = false;
    await senders;
    return {
      traceSpans: options.traceSpans,
      windowSeconds: options.windowSeconds,
      windows,
      quietSpansPerSecond: mean(false),
      readingSpansPerSecond: mean(true),
      drop: bracketedDrop(windows.map((entry) => entry.spansPerSecond)),
      pagesRead,
      pageReadMs: pagesRead > 0 ? readMs / pagesRead : 0,
    };
  } finally {
    await collector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * The mean slowdown of each odd window (reading) against the mean of its even neighbours (quiet).
 *
 * @example
 * bracketedDrop([100, 90, 100]); // ≈ 0.1
 * bracketedDrop([120, 99, 100]); // 0.1: the first quiet window's head start is halved, not spread over the run
 */
export function bracketedDrop(rates: readonly number[]): number {
  const drops: number[] = [];
  for (let index = 1; index + 1 < rates.length; index += 2) drops.push(1 - rates[index]! / ((rates[index - 1]! + rates[index + 1]!) / 2));
  return drops.reduce((sum, drop) => sum + drop, 0) / Math.max(1, drops.length);
}
