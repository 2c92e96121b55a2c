// The compare and cache pages read right in Chromium: a change is coloured by whether it is good for the user, a
// run with errors is never simply "faster" in green, the cache page's counts add up, and no page or span detail
// shows a raw unrounded number.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { compareReadingFixtures, RAW_FIRST_CHUNK_MS } from '../src/fixtures/compare-reading-fixtures.ts';
import { allSpans } from '../src/fixtures/fixture-span.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { visit } from '../src/harness/visit.ts';

const fixtures = compareReadingFixtures(Date.now());
let stack: Stack;
let ids: Map<string, string>;
let page: Page;

const id = (key: string) => ids.get(key)!;
const compareUrl = (a: string, b: string) => `${stack.dashboardUrl}/compare?a=${id(a)}&b=${id(b)}`;
const tone = (testId: string) => page.getByTestId(testId).getAttribute('data-tone');
/** A number printed with five or more decimals (not a price such as $0.000444): a value nobody formatted. */
const RAW_NUMBER = /(?<![$\d.])\d+\.\d{5,}/;

describe('compare and cache pages read right', () => {
  before(async () => {
    stack = await startStack();
    ids = await sendFixtures(stack.collectorUrl, fixtures);
    page = await stack.newPage();
  });
  after(() => stack?.close());

  it('does not colour fewer cached tokens or more tool calls against a faster, cheaper run', async () => {
    await visit(page, compareUrl('cached-slow', 'lean-fast'));
    await page.getByTestId('compare-cached').waitFor();
    assert.match(await page.getByTestId('compare-speedup').innerText(), /× faster/);
    assert.equal(await page.getByTestId('compare-speedup').locator('.stat-value').getAttribute('class'), 'stat-value good');
    assert.equal(await tone('compare-cost'), 'good');
    assert.equal(await tone('compare-tokens'), 'good');
    assert.match(await page.getByTestId('compare-cached').innerText(), /10,096 → 1,024/);
    assert.equal(await tone('compare-cached'), 'neutral', 'fewer cached tokens on a cheaper run is not a loss');
    assert.match(await page.getByTestId('compare-tool-calls').innerText(), /2 → 4/);
    assert.equal(await tone('compare-tool-calls'), 'neutral', 'more tool calls at lower time is neutral');
    // Neutral means the page's text colour, not the error colour.
    const hint = page.getByTestId('compare-tool-calls').locator('.stat-hint');
    assert.equal(await hint.evaluate((element) => getComputedStyle(element).color), await page.locator('.stat-label').first().evaluate((element) => getComputedStyle(element).color));
    assert.match((await hint.getAttribute('title')) ?? '', /still faster/);
    // Parts of the time that grew while the run got faster are neutral too; the ones that shrank with it are good.
    assert.equal(await page.getByTestId('time-breakdown').locator('tr[data-part=modelMs] td[data-tone]').getAttribute('data-tone'), 'good');
    assert.equal(await page.getByTestId('compare-errors').count(), 0, 'no errors card when neither run failed');
  });

  it('never calls a faster run with errors simply faster in green', async () => {
    await visit(page, compareUrl('cached-slow', 'failing-fast'));
    await page.getByTestId('compare-speedup-caveat').waitFor();
    const speedup = page.getByTestId('compare-speedup');
    assert.match(await speedup.innerText(), /× faster/);
    assert.equal(await speedup.locator('.stat-value').getAttribute('class'), 'stat-value');
    assert.equal(await page.getByTestId('compare-speedup-caveat').innerText(), 'B had 1 error: it may be faster because it did less');
    assert.match(await page.getByTestId('compare-errors').innerText(), /0 → 1/);
    assert.equal(await tone('compare-errors'), 'bad');
  });

  it('adds the cache counts up to the calls', async () => {
    await visit(page, `${stack.dashboardUrl}/cache`);
    const rows = page.getByTestId('cache-table').locator('tbody tr');
    const count = await rows.count();
    assert.equal(count, 3);
    let off = 0;
    for (let index = 0; index < count; index++) {
      const cells = (await rows.nth(index).locator('td').allInnerTexts()).map((text) => text.trim());
      const [calls, hits, shared, misses, cacheOff] = cells.slice(1, 6).map(Number);
      assert.equal(hits! + shared! + misses! + cacheOff!, calls, `${cells[0]}: ${cells.join(' | ')}`);
      off += cacheOff!;
    }
    const tools = fixtures.flatMap(allSpans).filter((span) => span.attributes?.['gen_ai.operation.name'] === 'execute_tool');
    const expectedOff = tools.filter((span) => span.attributes?.['hotpath.cache.hit'] === 'off').length;
    assert.equal(off, expectedOff);
    assert.match(await page.getByTestId('stat-cache-off').innerText(), new RegExp(`${expectedOff}\\s*of ${tools.length} tool calls ran with no cache`));
    await page.getByText('calls = hits + shared + misses + cache off').waitFor();
  });

  it('formats durations in the span detail, keeping the exact value on hover', async () => {
    await visit(page, `${stack.dashboardUrl}/traces/${id('lean-fast')}`);
    await page.locator('[role=treeitem]').filter({ hasText: 'chat sim-small' }).first().click();
    await page.waitForURL(/[?&]span=/);
    const detail = page.getByTestId('span-detail');
    const attribute = detail.locator('dd[title]', { hasText: '332 ms' }).last();
    await attribute.waitFor();
    assert.equal(await attribute.getAttribute('title'), String(RAW_FIRST_CHUNK_MS));
    assert.match(await detail.innerText(), /first chunk after\s+332 ms/);
    assert.doesNotMatch(await detail.innerText(), RAW_NUMBER);
  });

  it('shows no raw unrounded number on any page', async () => {
    for (const path of ['/', `/traces/${id('lean-fast')}`, '/spend', '/routing', '/cache', `/compare?a=${id('cached-slow')}&b=${id('lean-fast')}`]) {
      await visit(page, `${stack.dashboardUrl}${path}`);
      await page.locator('main h1').waitFor();
      const text = await page.locator('main').innerText();
      assert.doesNotMatch(text, RAW_NUMBER, path);
    }
  });
});
