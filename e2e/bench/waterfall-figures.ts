// Measures the trace page in Chromium for one big trace: time from navigation to the first rows painted and to every
// span loaded, a jump to the end (median of 5), frame times while scrolling, the JS heap, and any page error. Used by the render
// benchmark (full sizes) and by its reduced run in `npm test` (tests/render-floors.test.ts).
import type { Page } from 'playwright-core';
import { LAST_STEP_NAME } from '../src/fixtures/otlp-json-batches.ts';
import type { Stack } from '../src/harness/stack.ts';

export interface WaterfallFigures {
  spans: number;
  firstRowsMs: number;
  allLoadedMs: number;
  jumpToEndMs: number;
  frameP50Ms: number;
  frameP95Ms: number;
  heapMb: number;
  rowsInDom: number;
  pageErrors: string[];
}

const SCROLL_STEPS = 200;

// Runs in the page; kept as source text so the TypeScript loader adds no helpers the page lacks.
const SCROLL_SCRIPT = `async (lastName, steps) => {
  const body = document.querySelector('[data-testid=waterfall-body]');
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())));
  const frames = [];
  let previous = await frame();
  for (let step = 1; step <= steps; step++) {
    body.scrollTop = (body.scrollHeight * step) / steps;
    const now = await frame();
    frames.push(now - previous);
    previous = now;
  }
  const jumps = [];
  let rowsInDom = 0;
  for (let jump = 0; jump < 5; jump++) {
    body.scrollTop = 0;
    await frame();
    await frame();
    const started = performance.now();
    body.scrollTop = body.scrollHeight;
    for (;;) {
      const painted = await frame();
      const labels = [...body.querySelectorAll('.wf-label')].map((label) => label.textContent);
      if (labels.includes(lastName)) {
        jumps.push(painted - started);
        rowsInDom = body.querySelectorAll('[role=treeitem]').length;
        break;
      }
      if (painted - started > 30000) throw new Error('the last row never appeared');
    }
  }
  jumps.sort((a, b) => a - b);
  return { jumpToEndMs: jumps[2], frames, rowsInDom };
}`;

const percentile = (values: number[], quantile: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))]!;
};

/**
 * Opens `/traces/<traceId>` in a new tab and measures it.
 *
 * @example
 * const figures = await measureWaterfall(stack, traceId, 50_000);
 */
export async function measureWaterfall(stack: Stack, traceId: string, spans: number): Promise<WaterfallFigures> {
  const page: Page = await stack.newPage();
  page.setDefaultTimeout(180_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    // Times on the page's own clock (0 = navigation start): the first frame painted once rows exist, and the moment
    // the last page of spans was merged.
    await page.addInitScript(() => {
      const state = window as unknown as { __firstRows?: number; __allLoaded?: number };
      const observer = new MutationObserver(() => {
        if (state.__firstRows === undefined && document.querySelector('[role=treeitem]')) {
          state.__firstRows = -1;
          requestAnimationFrame(() => setTimeout(() => (state.__firstRows = performance.now()), 0));
        }
        if (state.__allLoaded === undefined && document.querySelector('[data-testid=load-state][data-state=done]')) {
          state.__allLoaded = -1;
          requestAnimationFrame(() => setTimeout(() => (state.__allLoaded = performance.now()), 0));
          observer.disconnect();
        }
      });
      observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-state'] });
    });
    await page.goto(`${stack.dashboardUrl}/traces/${traceId}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => ((window as unknown as { __allLoaded?: number }).__allLoaded ?? -1) > 0, null, { timeout: 300_000 });
    const { firstRowsMs, allLoadedMs } = await page.evaluate(() => {
      const state = window as unknown as { __firstRows: number; __allLoaded: number };
      return { firstRowsMs: state.__firstRows, allLoadedMs: state.__allLoaded };
    });
    const scroll = (await page.evaluate(`(${SCROLL_SCRIPT})(${JSON.stringify(LAST_STEP_NAME)}, ${SCROLL_STEPS})`)) as { jumpToEndMs: number; frames: number[]; rowsInDom: number };
    const session = await page.context().newCDPSession(page);
    await session.send('HeapProfiler.collectGarbage');
    const heap = (await session.send('Runtime.getHeapUsage')) as { usedSize: number };
    await session.detach();
    const count = await page.getByTestId('waterfall-count').innerText();
    if (!count.includes(`of ${spans.toLocaleString('en-US')} spans`)) pageErrors.push(`the waterfall holds "${count}", expected ${spans} spans`);
    return {
      spans,
      firstRowsMs,
      allLoadedMs,
      jumpToEndMs: scroll.jumpToEndMs,
      frameP50Ms: percentile(scroll.frames, 0.5),
      frameP95Ms: percentile(scroll.frames, 0.95),
      heapMb: heap.usedSize / 1024 / 1024,
      rowsInDom: scroll.rowsInDom,
      pageErrors,
    };
  } finally {
    await page.close();
  }
}
