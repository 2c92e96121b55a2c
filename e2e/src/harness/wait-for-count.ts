// Waits until a locator matches exactly `count` elements: client-side updates land a frame or two after the
// action that caused them, so counting straight away would race.
import type { Locator } from 'playwright-core';

/**
 * @example
 * await waitForCount(page.locator('[role=treeitem]'), 4);
 */
export async function waitForCount(locator: Locator, count: number, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let seen = await locator.count();
  while (seen !== count) {
    if (Date.now() > deadline) throw new Error(`expected ${count} matches, still ${seen} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
    seen = await locator.count();
  }
}
