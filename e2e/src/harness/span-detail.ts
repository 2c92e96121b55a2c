// Selecting a span in a waterfall and waiting for its details: the panel fetches them on selection and says so
// (aria-busy, `Loading span…`), so reading it straight after the click would read the placeholder, or the
// previous span's details under the new name.
import type { Locator, Page } from 'playwright-core';
import { settle } from './visit.ts';

/**
 * Clicks a waterfall row and waits until the detail panel shows that span's own details; answers the panel.
 *
 * @example
 * const detail = await openSpan(page, row('chat sim-small'));
 * assert.match(await detail.innerText(), /cache_read/);
 */
export async function openSpan(page: Page, row: Locator): Promise<Locator> {
  const spanId = await row.getAttribute('data-span-id');
  if (!spanId) throw new Error('openSpan: the row carries no data-span-id');
  await row.click();
  const detail = page.locator(`[data-testid=span-detail][data-span-id="${spanId}"]`);
  await detail.waitFor();
  await page.waitForFunction((id) => document.querySelector(`[data-testid=span-detail][data-span-id="${id}"]`)?.getAttribute('aria-busy') !== 'true', spanId);
  await settle(page);
  return detail;
}
