// Span names and attributes come from untrusted senders: a trace full of script payloads is shown on every page
// as plain text, and nothing in it runs.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { XSS_PAYLOADS, standardFixtures } from '../src/fixtures/agent-run-fixtures.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { visit } from '../src/harness/visit.ts';
import { openSpan } from '../src/harness/span-detail.ts';
import { waitForCount } from '../src/harness/wait-for-count.ts';

let stack: Stack;
let ids: Map<string, string>;
let page: Page;

async function assertNothingRan(where: string) {
  // Live pages hold an event stream open, so the network never goes idle: wait for load and give any injected
  // handler (onerror fires as soon as a broken image is inserted) a moment to run.
  await page.waitForLoadState('load');
  await page.waitForTimeout(250);
  const state = await page.evaluate(() => ({
    flag: (window as unknown as { __hotpathXss?: string }).__hotpathXss,
    injectedImages: document.querySelectorAll('img[src="x"]').length,
    injectedSvgHandlers: document.querySelectorAll('[onload], [onerror]').length,
    injectedScripts: [...document.querySelectorAll('script')].filter((script) => script.textContent?.startsWith('window.__hotpathXss')).length,
  }));
  assert.deepEqual(state, { flag: undefined, injectedImages: 0, injectedSvgHandlers: 0, injectedScripts: 0 }, where);
}

describe('untrusted span data', () => {
  before(async () => {
    stack = await startStack();
    ids = await sendFixtures(stack.collectorUrl, standardFixtures(Date.now()));
    page = await stack.newPage();
  });
  after(() => stack?.close());

  it('is shown as text on every page and never runs', async () => {
    const xss = ids.get('xss')!;
    const pages = ['/', `/?q=${encodeURIComponent('<script>')}`, `/traces/${xss}`, '/spend', '/spend?groupBy=agent', '/spend?groupBy=service', '/routing', '/cache', `/compare?a=${xss}&b=${ids.get('baseline')}`, '/compare'];
    for (const path of pages) {
      await visit(page, `${stack.dashboardUrl}${path}`);
      await assertNothingRan(path);
    }
    await visit(page, `${stack.dashboardUrl}/`);
    await page.getByTestId('traces-table').getByText(XSS_PAYLOADS.script, { exact: false }).first().waitFor();
    await visit(page, `${stack.dashboardUrl}/traces/${xss}`);
    assert.ok((await page.getByTestId('trace-title').innerText()).includes(XSS_PAYLOADS.script + XSS_PAYLOADS.img), 'the payload is visible, literally');
    await waitForCount(page.locator('[role=treeitem]'), 3);
    let detailText = '';
    for (const row of await page.locator('[role=treeitem]').all()) {
      detailText = await (await openSpan(page, row)).innerText();
      await assertNothingRan(`detail of ${await row.getAttribute('data-span-id')}`);
    }
    assert.ok(detailText.includes(XSS_PAYLOADS.img));
    await stack.screenshot(page, 'safety-xss-detail');
    assert.deepEqual(stack.problems, [], 'no dialog opened and no page error was thrown');
    assert.deepEqual(stack.consoleErrors, [], 'no console errors (hydration mismatches, failed requests) on any page');
  });

  it('lets the browser reach only the read-only query API through the proxy', async () => {
    const refused = await fetch(`${stack.dashboardUrl}/api/collector/v1/traces`);
    assert.equal(refused.status, 404);
    assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'not_found');
    const post = await fetch(`${stack.dashboardUrl}/api/collector/traces`, { method: 'POST', body: '{}' });
    assert.equal(post.status, 405);
    const allowed = await fetch(`${stack.dashboardUrl}/api/collector/traces?limit=1`);
    assert.equal(allowed.status, 200);
  });
});
