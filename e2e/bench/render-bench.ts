// Render benchmark: sends a 20,000-span trace through OTLP to a real collector, then measures in Chromium the
// time from navigation to the first waterfall rows painted, and from a jump to the bottom to the last row
// painted, plus frame times while scrolling through every row. Prints figures; asserts nothing about speed.
//
//   cd e2e && npm run bench:render            (HOTPATH_BENCH_SPANS and HOTPATH_BENCH_RUNS to change the size)
import { cpus, loadavg } from 'node:os';
import { LAST_SPAN_NAME, largeRun } from '../src/fixtures/large-run-fixture.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { startStack } from '../src/harness/stack.ts';

const SPANS = Number(process.env.HOTPATH_BENCH_SPANS ?? 20_000);
const RUNS = Number(process.env.HOTPATH_BENCH_RUNS ?? 5);
const SCROLL_STEPS = 200;

interface Sample {
  firstRowsMs: number;
  documentBytes: number;
  lastRowMs: number;
  frameP50Ms: number;
  frameMaxMs: number;
  renderedRows: number;
}

// Runs in the page. Kept as source text: the TypeScript loader would otherwise add helpers the page lacks.
const SCROLL_SCRIPT = `async (lastName, steps) => {
  const body = document.querySelector('[data-testid=waterfall-body]');
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  // Scroll through every row in even steps, timing each frame.
  const frames = [];
  let previous = await frame();
  for (let step = 1; step <= steps; step++) {
    body.scrollTop = (body.scrollHeight * step) / steps;
    const now = await frame();
    frames.push(now - previous);
    previous = now;
  }
  // Then from the top, a jump to the bottom: time until the last row is painted.
  body.scrollTop = 0;
  await frame();
  const started = performance.now();
  body.scrollTop = body.scrollHeight;
  for (;;) {
    const painted = await frame();
    const labels = [...body.querySelectorAll('.wf-label')].map((label) => label.textContent);
    if (labels.includes(lastName)) return { lastRowMs: painted - started, frames, renderedRows: body.querySelectorAll('[role=treeitem]').length };
    if (painted - started > 30000) throw new Error('the last row never appeared');
  }
}`;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const stack = await startStack();
try {
  const sendStarted = Date.now();
  const ids = await sendFixtures(stack.collectorUrl, [largeRun(Date.now() - 15 * 60_000, SPANS)], { timeoutMs: 120_000 });
  console.log(`sent and stored ${SPANS.toLocaleString('en-US')} spans over OTLP in ${((Date.now() - sendStarted) / 1000).toFixed(1)} s`);
  const url = `${stack.dashboardUrl}/traces/${ids.get('large')}`;
  const samples: Sample[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await stack.newPage();
    page.setDefaultTimeout(120_000);
    // Time of the first frame painted after the first rows exist, on the page's own clock (0 = navigation start).
    await page.addInitScript(() => {
      const state = window as unknown as { __firstRowsPainted?: number };
      const observer = new MutationObserver(() => {
        if (!document.querySelector('[role=treeitem]')) return;
        observer.disconnect();
        requestAnimationFrame(() => setTimeout(() => (state.__firstRowsPainted = performance.now()), 0));
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    const response = await page.goto(url, { waitUntil: 'commit' });
    const documentBytes = (await response?.body())?.byteLength ?? 0;
    await page.waitForFunction(() => (window as unknown as { __firstRowsPainted?: number }).__firstRowsPainted !== undefined);
    const firstRowsMs = await page.evaluate(() => (window as unknown as { __firstRowsPainted: number }).__firstRowsPainted);
    const scroll = (await page.evaluate(`(${SCROLL_SCRIPT})(${JSON.stringify(LAST_SPAN_NAME)}, ${SCROLL_STEPS})`)) as {
      lastRowMs: number;
      frames: number[];
      renderedRows: number;
    };
    const sorted = [...scroll.frames].sort((a, b) => a - b);
    samples.push({
      firstRowsMs,
      documentBytes,
      lastRowMs: scroll.lastRowMs,
      frameP50Ms: sorted[Math.floor(sorted.length / 2)]!,
      frameMaxMs: sorted.at(-1)!,
      renderedRows: scroll.renderedRows,
    });
    if (run === 0) await stack.screenshot(page, 'bench-20k-bottom');
    await page.close();
  }
  const pick = (key: keyof Sample) => median(samples.map((sample) => sample[key]));
  console.log(`\nwaterfall render, ${SPANS.toLocaleString('en-US')}-span trace, Chromium 1440×900, median of ${RUNS} runs:`);
  console.log(`  navigation → first rows painted     ${pick('firstRowsMs').toFixed(0)} ms   (runs: ${samples.map((sample) => sample.firstRowsMs.toFixed(0)).join(', ')})`);
  console.log(`  jump to bottom → last row painted   ${pick('lastRowMs').toFixed(1)} ms`);
  console.log(`  scrolling all rows in ${SCROLL_STEPS} steps: frame p50 ${pick('frameP50Ms').toFixed(1)} ms, worst ${pick('frameMaxMs').toFixed(1)} ms`);
  console.log(`  rows in the DOM at once             ${pick('renderedRows')} (virtualized)`);
  console.log(`  HTML document                       ${(pick('documentBytes') / 1_048_576).toFixed(2)} MiB`);
  console.log(`  (machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)}: figures move with load)`);
} finally {
  await stack.close();
}
