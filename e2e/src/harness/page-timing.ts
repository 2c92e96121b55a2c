// Measures what the browser's main thread did around an action, and waits for the waterfall's own states, for the
// tests and benchmarks that assert or print how long something took in Chromium.
import type { Page } from 'playwright-core';

/**
 * Runs `action`, then waits until `done` holds in the page, and answers the wall time from the action to the first
 * frame painted after `done` held, and the main thread's long-task time (tasks over 50 ms) in between.
 *
 * @example
 * const { elapsedMs, longTaskMs } = await timeInPage(page, () => row.click(), '() => !!document.querySelector("dl")');
 */
export async function timeInPage(page: Page, action: () => Promise<void>, done: string): Promise<{ elapsedMs: number; longTaskMs: number }> {
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
  await action();
  await page.waitForFunction(done);
  return page.evaluate(
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
