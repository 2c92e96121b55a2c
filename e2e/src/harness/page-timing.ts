// Measures what the browser's main thread did around an action, and waits for the waterfall's own states, for the
// tests and benchmarks that assert or print how long something took in Chromium.
import type { Page } from 'playwright-core';

export interface PageTiming {
  /** From the action to the first frame painted after `done` held. */
  elapsedMs: number;
  /** Time of the main thread's long tasks (over 50 ms) in between. */
  longTaskMs: number;
  /** Time the page's main thread was busy in between, every task counted (Chromium's TaskDuration metric). */
  mainThreadMs: number;
}

/**
 * Runs `action`, then waits until `done` holds in the page, and answers what it cost the page (PageTiming).
 *
 * @example
 * const { elapsedMs, mainThreadMs } = await timeInPage(page, () => row.click(), '() => !!document.querySelector("dl")');
 */
export async function timeInPage(page: Page, action: () => Promise<void>, done: string): Promise<PageTiming> {
  const session = await page.context().newCDPSession(page);
  await session.send('Performance.enable');
  const busyMs = async () => ((await session.send('Performance.getMetrics')).metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
  await page.evaluate(() => {
    const state = window as unknown as { __longTasks: number; __observer?: PerformanceObserver; __started: number };
    state.__longTasks = 0;
    state.__observer?.disconnect();
    state.__observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.__longTasks += entry.duration;
    });
    state.__observer.observe({ type: 'longtask', buffered: false });
    state.__started = performance.now();
  });
  const busyBefore = await busyMs();
  await action();
  // Polled every 50 ms rather than every frame, so the polling itself hardly adds to the main thread's time.
  await page.waitForFunction(done, null, { polling: 50 });
  const timing = await page.evaluate(
    () =>
      new Promise<{ elapsedMs: number; longTaskMs: number }>((resolve) =>
        requestAnimationFrame(() =>
          setTimeout(() => {
            const state = window as unknown as { __longTasks: number; __started: number };
            resolve({ elapsedMs: performance.now() - state.__started, longTaskMs: state.__longTasks });
          }, 0),
        ),
      ),
  );
  const mainThreadMs = (await busyMs()) - busyBefore;
  await session.detach();
  return { ...timing, mainThreadMs };
}

/**
 * Waits until the trace page has every span the collector held when it opened.
 *
 * @example
 * await waitForAllSpans(page);
 */
export async function waitForAllSpans(page: Page, timeoutMs = 60_000): Promise<void> {
  // Once done the marker holds nothing to see: wait for it in the DOM, not for it to be visible.
  await page.locator('[data-testid=load-state][data-state=done]').waitFor({ state: 'attached', timeout: timeoutMs });
}
