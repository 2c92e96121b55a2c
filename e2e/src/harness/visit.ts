// Navigation helpers that wait until a page's content is on screen. Pages stream a loading shell first
// (marked aria-busy) and React then reveals the real content, briefly throttled: reading text straight after
// `load` or a URL change could read the loading shell or the hidden copy.
import type { Page, Response } from 'playwright-core';

/**
 * Waits until no loading shell and no hidden streamed content is left.
 *
 * @example
 * await page.getByRole('link', { name: 'Next page →' }).click();
 * await page.waitForURL(/cursor=/);
 * await settle(page);
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[aria-busy="true"], template[id^="B:"], div[hidden][id^="S:"]'));
}

/**
 * Navigates and settles.
 *
 * @example
 * await visit(page, `${stack.dashboardUrl}/spend`);
 */
export async function visit(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await settle(page);
  return response;
}
