// What opening a span with huge, hostile values costs the page: a run with two 100 KiB captured messages (emoji, CJK,
// NUL), 100 KiB tool arguments and a 100 KiB span name, sent over OTLP; each span is clicked open three times in
// Chromium (median kept) and its main-thread time measured until its details are painted, and a `?span=` link to the
// messages span is timed from navigation to its details. The first span opened in a page also pays for compiling the
// panel's code, whatever its values: that is measured apart, on the run's small root span, and reported.
import type { Page } from 'playwright-core';
import { BIG_NAME_START, bigValueRun } from '../src/fixtures/big-value-fixture.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { timeInPage, type PageTiming } from '../src/harness/page-timing.ts';
import type { Stack } from '../src/harness/stack.ts';
import { settle } from '../src/harness/visit.ts';

export interface SpanOpenFigures {
  /** The first span opened in the page (the root, small values): the panel's code runs for the first time. */
  firstOpen: PageTiming;
  /** Per span, the median of three opens. */
  spans: ({ name: string } & PageTiming)[];
  /** Navigation to `?span=<messages span>` → its details painted, on the page's clock. */
  linkMs: number;
  pageErrors: string[];
}

const OPENS = 3;
const SPANS = [
  { name: 'two 100 KiB messages', label: 'chat gpt-4.1' },
  { name: '100 KiB tool arguments', label: 'execute_tool bulk_import' },
  { name: '100 KiB name', label: BIG_NAME_START },
];

/** The detail panel holds this span's own answer, painted. */
const detailShown = (spanId: string) => `() => { const panel = document.querySelector('[data-testid=span-detail][data-span-id="${spanId}"]'); return !!panel && panel.getAttribute('aria-busy') !== 'true' && !!panel.querySelector('dl'); }`;

/**
 * @example
 * const figures = await measureSpanOpen(stack);
 */
export async function measureSpanOpen(stack: Stack): Promise<SpanOpenFigures> {
  const traceId = (await sendFixtures(stack.collectorUrl, [bigValueRun(Date.now() - 10_000)])).get('big-values')!;
  const page: Page = await stack.newPage();
  page.setDefaultTimeout(60_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(`${stack.dashboardUrl}/traces/${traceId}`);
    await settle(page);
    const open = async (label: string) => {
      const row = page.locator('[role=treeitem]').filter({ has: page.locator('.wf-label', { hasText: label }) }).first();
      const spanId = (await row.getAttribute('data-span-id'))!;
      const timing = await timeInPage(page, () => row.click(), detailShown(spanId));
      await page.getByRole('button', { name: 'Close span details' }).click();
      await page.getByTestId('span-detail').waitFor({ state: 'detached' });
      return { spanId, timing };
    };
    const firstOpen = (await open('invoke_agent bulk-importer')).timing;
    const spans: SpanOpenFigures['spans'] = [];
    let messagesSpanId = '';
    for (const { name, label } of SPANS) {
      const samples: PageTiming[] = [];
      for (let count = 0; count < OPENS; count++) {
        const opened = await open(label);
        if (label === 'chat gpt-4.1') messagesSpanId = opened.spanId;
        samples.push(opened.timing);
      }
      samples.sort((a, b) => a.mainThreadMs - b.mainThreadMs);
      spans.push({ name, ...samples[Math.floor(OPENS / 2)]! });
    }
    await page.goto(`${stack.dashboardUrl}/traces/${traceId}?span=${messagesSpanId}`, { waitUntil: 'commit' });
    await page.waitForFunction(detailShown(messagesSpanId), null, { polling: 50 });
    const linkMs = await page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => setTimeout(() => resolve(performance.now()), 0))));
    return { firstOpen, spans, linkMs, pageErrors };
  } finally {
    await page.close();
  }
}
