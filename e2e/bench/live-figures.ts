// A trace that keeps growing while it is watched: its page is open in Chromium while `spansPerSecond` new spans arrive
// for `seconds` (OTLP/JSON batches every 100 ms, as a busy agent's exporter would send them). Measures the page's
// frame times meanwhile, and how long after the last batch every span is shown.
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { agentJson, exportRequest, postAll, toolJson } from '../src/fixtures/otlp-json-batches.ts';
import type { Stack } from '../src/harness/stack.ts';

export interface LiveFigures {
  spansPerSecond: number;
  seconds: number;
  /** Spans the trace holds at the end (its root and every one sent). */
  spans: number;
  frameP50Ms: number;
  frameP95Ms: number;
  /** From the last batch acknowledged to the waterfall counting every span. */
  allShownMs: number;
  pageErrors: string[];
}

const percentile = (values: number[], quantile: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(quantile * sorted.length) - 1))] ?? 0;
};

/**
 * @example
 * const figures = await measureLiveTrace(stack, { spansPerSecond: 1_000, seconds: 30 });
 */
export async function measureLiveTrace(stack: Stack, options: { spansPerSecond: number; seconds: number }): Promise<LiveFigures> {
  const traceId = randomBytes(16).toString('hex');
  const rootId = randomBytes(8).toString('hex');
  const start = Date.now();
  await postAll(stack.collectorUrl, [exportRequest('live-bench', [agentJson(traceId, rootId, undefined, start, (options.seconds + 5) * 1000, 'firehose')])]);
  const page: Page = await stack.newPage();
  page.setDefaultTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  try {
    await page.goto(`${stack.dashboardUrl}/traces/${traceId}`);
    await page.locator('[role=treeitem]').first().waitFor();
    await page.waitForSelector('[data-testid=live-status][data-connected=true]');
    // Source text: the TypeScript loader would name the callback with a helper the page lacks.
    await page.evaluate(`(() => {
      window.__frames = [];
      window.__watching = true;
      let previous = performance.now();
      const tick = (now) => {
        window.__frames.push(now - previous);
        previous = now;
        if (window.__watching) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    })()`);
    const perBatch = Math.round(options.spansPerSecond / 10);
    const batches = options.seconds * 10;
    let sent = 0;
    const began = Date.now();
    for (let batch = 0; batch < batches; batch++) {
      const spans = Array.from({ length: perBatch }, (_, index) => toolJson(traceId, rootId, start + 10 + (sent + index) * 0.5, 2, `step_${(sent + index) % 50}`));
      sent += perBatch;
      await postAll(stack.collectorUrl, [exportRequest('live-bench', spans)]);
      const wait = began + (batch + 1) * 100 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
    const lastSent = Date.now();
    const total = sent + 1;
    await page.waitForFunction((expected) => document.querySelector('[data-testid=waterfall-count]')?.textContent?.endsWith(`of ${expected.toLocaleString('en-US')} spans`), total, { timeout: 60_000 });
    const allShownMs = Date.now() - lastSent;
    const frames = await page.evaluate(() => {
      const state = window as unknown as { __frames: number[]; __watching: boolean };
      state.__watching = false;
      return state.__frames;
    });
    return { spansPerSecond: options.spansPerSecond, seconds: options.seconds, spans: total, frameP50Ms: percentile(frames, 0.5), frameP95Ms: percentile(frames, 0.95), allShownMs, pageErrors };
  } finally {
    await page.close();
  }
}
