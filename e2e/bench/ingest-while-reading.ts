// Does reading a huge trace slow ingest down? A collector process (its command line) holds a 200,000-span trace and
// takes spans as fast as 4 concurrent senders can post them; the spans it acknowledges per second are counted in
// three windows: before, while a reader fetches every page of the big trace again and again (as dashboards opening it
// would), and after. The drop compares the middle window with the mean of the other two, measured in one run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentShapedTrace, manyRuns, postAll, spansIn } from '../src/fixtures/otlp-json-batches.ts';
import { startCollectorProcess } from '../src/harness/collector-process.ts';

export interface IngestWhileReadingFigures {
  traceSpans: number;
  windowSeconds: number;
  beforeSpansPerSecond: number;
  readingSpansPerSecond: number;
  afterSpansPerSecond: number;
  /** 1 − reading ÷ mean(before, after). */
  drop: number;
  /** Full reads of the big trace (every page) during the middle window, and the mean time of one. */
  traceReads: number;
  traceReadMs: number;
}

/**
 * @example
 * const figures = await measureIngestWhileReading({ traceSpans: 200_000, windowSeconds: 8 });
 */
export async function measureIngestWhileReading(options: { traceSpans: number; windowSeconds: number }): Promise<IngestWhileReadingFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), 'hotpath-bench-ingest-read-'));
  const collector = await startCollectorProcess(dataDir);
  try {
    const big = agentShapedTrace(options.traceSpans, Date.now() - 3_600_000);
    await postAll(collector.url, big.bodies, 2);
    let acknowledged = 0;
    let running = true;
    const runs = manyRuns(10_000_000, Date.now() - 600_000, Date.now(), 500);
    const counted = (function* () {
      for (const body of runs) {
        if (!running) return;
        yield body;
      }
    })();
    const senders = (async () => {
      const iterator = counted[Symbol.iterator]();
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          for (let next = iterator.next(); !next.done; next = iterator.next()) {
            const response = await fetch(`${collector.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: next.value });
            await response.body?.cancel();
            if (response.ok) acknowledged += spansIn(next.value);
          }
        }),
      );
    })();
    const window = async (work?: () => Promise<void>) => {
      const from = acknowledged;
      const started = performance.now();
      const stop = { now: false };
      const background = work ? (async () => {
        while (!stop.now) await work();
      })() : Promise.resolve();
      await new Promise((resolve) => setTimeout(resolve, options.windowSeconds * 1000));
      stop.now = true;
      const rate = ((acknowledged - from) * 1000) / (performance.now() - started);
      await background;
      return rate;
    };
    // Warm up (the write path and the caches), then measure.
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const before = await window();
    let traceReads = 0;
    let readMs = 0;
    const reading = await window(async () => {
      const started = performance.now();
      let cursor: string | null = '';
      while (cursor !== null) {
        const response = await fetch(`${collector.url}/api/traces/${big.traceId}/spans?limit=50000${cursor ? `&cursor=${cursor}` : ''}`);
        const page = (await response.json()) as { nextCursor: string | null };
        cursor = page.nextCursor;
      }
      readMs += performance.now() - started;
      traceReads += 1;
    });
    const after = await window();
    running = false;
    await senders;
    return {
      traceSpans: options.traceSpans,
      windowSeconds: options.windowSeconds,
      beforeSpansPerSecond: before,
      readingSpansPerSecond: reading,
      afterSpansPerSecond: after,
      drop: 1 - reading / ((before + after) / 2),
      traceReads,
      traceReadMs: traceReads > 0 ? readMs / traceReads : 0,
    };
  } finally {
    await collector.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
