// Navigates and waits until streamed content is on screen. Pages stream a loading shell first; React then
// reveals the real content (briefly throttled), so reading text straight after `load` could read the hidden copy.
import type { Page, Response } from 'playwright-core';

/**
 * @example
 * await visit(page, `${stack.dashboardUrl}/spend`);
 */
export async function visit(page: Page, url: string): Promise<Response | null> {
  const response = await page.goto(url);
  await page.waitForFunction(() => !document.querySelector('template[id^="B:"], div[hidden][id^="S:"]'));
  return response;
}
