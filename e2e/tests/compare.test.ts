// Comparing two runs in Chromium: baseline against optimized on one time scale, with speedup and diffs, reached
// from the traces list, the picker or a link.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { standardFixtures } from '../src/fixtures/agent-run-fixtures.ts';
import { chatTotals, fixture, traceDuration } from '../src/fixtures/fixture-figures.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { settle, visit } from '../src/harness/visit.ts';
import { waitForCount } from '../src/harness/wait-for-count.ts';

const fixtures = standardFixtures(Date.now());
let stack: Stack;
let ids: Map<string, string>;
let page: Page;

const id = (key: string) => ids.get(key)!;

describe('compare runs', () => {
  before(async () => {
    stack = await startStack();
    ids = await sendFixtures(stack.collectorUrl, fixtures);
    page = await stack.newPage();
  });
  after(() => stack?.close());

  it('shows the speedup, token and cost differences and both waterfalls on one time scale', async () => {
    await visit(page, `${stack.dashboardUrl}/compare?a=${id('baseline')}&b=${id('optimized')}`);
    const baseline = fixture(fixtures, 'baseline');
    const optimized = fixture(fixtures, 'optimized');
    const speedup = traceDuration(baseline) / traceDuration(optimized);
    assert.match(await page.getByTestId('compare-speedup').innerText(), new RegExp(`${speedup.toFixed(2)}× faster\\s*simulated`));
    const [a, b] = [chatTotals([baseline]), chatTotals([optimized])];
    const tokens = await page.getByTestId('compare-tokens').innerText();
    const delta = b.inputTokens + b.outputTokens - (a.inputTokens + a.outputTokens);
    assert.ok(tokens.includes(`${(a.inputTokens + a.outputTokens).toLocaleString('en-US')} → ${(b.inputTokens + b.outputTokens).toLocaleString('en-US')}`));
    assert.ok(tokens.includes(delta.toLocaleString('en-US')));
    assert.match(await page.getByTestId('compare-cost').innerText(), /-\$0\.\d+ \(-\d+\.\d+%\)/);
    assert.ok((await page.getByTestId('compare-cached').innerText()).includes(`0 → ${b.cachedInputTokens.toLocaleString('en-US')}`));
    assert.ok((await page.getByTestId('compare-model-calls').innerText()).includes(`${a.calls} → ${b.calls}`));
    for (const side of ['compare-a', 'compare-b']) {
      assert.match(await page.getByTestId(side).innerText(), /simulated/);
      await waitForCount(page.getByTestId(side).locator('[role=treeitem]'), 6);
    }
    // One time scale: the root bars' widths are in the ratio of the run durations.
    const rootBar = (side: string) => page.getByTestId(side).locator('[role=treeitem]').first().locator('.wf-bar').boundingBox();
    const [rootA, rootB] = [(await rootBar('compare-a'))!, (await rootBar('compare-b'))!];
    assert.ok(Math.abs(rootB.width / rootA.width - 1 / speedup) < 0.02, `bar ratio ${rootB.width / rootA.width} vs ${1 / speedup}`);
    await stack.screenshot(page, 'compare');
  });

  it('splits each run into model time, tool-only time and the rest, each instant counted once', async () => {
    await visit(page, `${stack.dashboardUrl}/compare?a=${id('baseline')}&b=${id('optimized')}`);
    const part = async (key: string) => (await page.getByTestId('time-breakdown').locator(`tr[data-part=${key}] td`).allInnerTexts()).map((text) => text.trim());
    // Baseline: two model calls (1,200 + 900 ms) and three tools one after another (420 + 300 + 350 ms) in 3,187 ms.
    // Optimized: model calls of 520 and 380 ms; the cache hit runs inside the first, the parallel pair adds 350 ms.
    assert.deepEqual((await part('modelMs')).slice(1), ['2.10 s 65.9%', '900 ms 71.4%', '-1.20 s']);
    assert.deepEqual((await part('toolsOnlyMs')).slice(1), ['1.07 s 33.6%', '350 ms 27.8%', '-720 ms']);
    assert.deepEqual((await part('routingMs')).slice(1), ['0 ms 0.0%', '0 ms 0.0%', '0 ms']);
    assert.deepEqual((await part('otherMs')).slice(1), ['17.0 ms 0.53%', '10.0 ms 0.79%', '-7.00 ms']);
  });

  it('opens a span of either run in its own trace', async () => {
    await visit(page, `${stack.dashboardUrl}/compare?a=${id('baseline')}&b=${id('optimized')}`);
    await page.getByTestId('compare-b').locator('[role=treeitem]').filter({ hasText: 'lookup_order' }).click();
    await page.waitForURL(new RegExp(`/traces/${id('optimized')}\\?span=`));
    await settle(page);
    await page.getByTestId('span-detail').getByText('Tool cache hit').waitFor();
  });

  it('compares two runs picked in the traces list', async () => {
    await visit(page, stack.dashboardUrl);
    await page.locator(`tr[data-trace-id="${id('baseline')}"] input[type=checkbox]`).check();
    await page.locator(`tr[data-trace-id="${id('optimized')}"] input[type=checkbox]`).check();
    await page.getByRole('link', { name: 'Compare A → B' }).click();
    await page.waitForURL(new RegExp(`/compare\\?a=${id('baseline')}&b=${id('optimized')}`));
    await settle(page);
    await page.getByTestId('compare-speedup').waitFor();
  });

  it('picks two runs with the compare form and swaps them', async () => {
    await visit(page, `${stack.dashboardUrl}/compare`);
    await page.locator('#compare-a').selectOption(id('optimized'));
    await page.locator('#compare-b').selectOption(id('baseline'));
    await page.getByRole('button', { name: 'Compare' }).click();
    await page.waitForURL(/\/compare\?a=/);
    await settle(page);
    assert.match(await page.getByTestId('compare-speedup').innerText(), /× slower/);
    await page.getByRole('link', { name: 'Swap A and B' }).click();
    await page.waitForURL(new RegExp(`a=${id('baseline')}`));
    await settle(page);
    assert.match(await page.getByTestId('compare-speedup').innerText(), /× faster/);
  });

  it('explains a missing or malformed trace id', async () => {
    await visit(page, `${stack.dashboardUrl}/compare?a=${id('baseline')}&b=${'0'.repeat(31)}1`);
    await page.getByText('One of these traces is not in the collector').waitFor();
    await visit(page, `${stack.dashboardUrl}/compare?a=nope&b=${id('baseline')}`);
    await page.getByText('Trace ids are 32 hexadecimal digits').waitFor();
    assert.equal(await page.locator('#compare-b').inputValue(), id('baseline'));
  });
});
