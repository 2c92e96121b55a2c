// The aggregate pages in Chromium: token spend, routing decisions and the tool cache, with figures checked
// against the fixture data and simulated runs labelled.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { standardFixtures } from '../src/fixtures/agent-run-fixtures.ts';
import { chatTotals } from '../src/fixtures/fixture-figures.ts';
import { allSpans } from '../src/fixtures/fixture-span.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { settle, visit } from '../src/harness/visit.ts';

const fixtures = standardFixtures(Date.now());
let stack: Stack;
let ids: Map<string, string>;
let page: Page;

const count = (value: number) => value.toLocaleString('en-US');
// Waits for the model-call count: after a client navigation the previous page's figure may still be on screen.
const callsShown = (calls: number) => page.getByTestId('stat-requests').locator('.stat-value', { hasText: new RegExp(`^${calls}$`) }).waitFor();
const cells = (tableTestId: string, rowText: string) =>
  page.getByTestId(tableTestId).locator('tbody tr').filter({ hasText: rowText }).first().locator('td').allInnerTexts();

describe('aggregate pages', () => {
  before(async () => {
    stack = await startStack();
    ids = await sendFixtures(stack.collectorUrl, fixtures);
    page = await stack.newPage();
  });
  after(() => stack?.close());

  describe('token spend', () => {
    it('totals tokens, calls and the cached share of every model call in the window, labelled simulated', async () => {
      await visit(page, `${stack.dashboardUrl}/spend`);
      const totals = chatTotals(fixtures);
      assert.match(await page.getByTestId('stat-tokens').innerText(), new RegExp(count(totals.inputTokens + totals.outputTokens)));
      assert.match(await page.getByTestId('stat-requests').innerText(), new RegExp(`^MODEL CALLS\\s+${totals.calls}\\b`, 'i'));
      assert.match(await page.getByTestId('stat-cached-share').innerText(), new RegExp(`${((totals.cachedInputTokens / totals.inputTokens) * 100).toFixed(1)}%`));
      assert.match(await page.getByTestId('stat-cost').innerText(), /\$0\.\d+\s*simulated/);
      await page.getByTestId('simulated-notice').waitFor();
      assert.ok((await page.getByTestId('chart-tokens').locator('.recharts-bar-rectangle').count()) > 0, 'the tokens chart has bars');
      assert.ok((await page.getByTestId('chart-cost').locator('.recharts-bar-rectangle').count()) > 0, 'the cost chart has bars');
      const small = await cells('spend-table', 'sim-small');
      const smallCalls = fixtures.flatMap(allSpans).filter((span) => span.name === 'chat sim-small');
      assert.match(small[0]!, /sim-small\s*simulated/);
      assert.equal(small[1], String(smallCalls.length));
      assert.equal(small[2], count(smallCalls.reduce((sum, span) => sum + Number(span.attributes?.['gen_ai.usage.input_tokens']), 0)));
      assert.match((await cells('spend-table', 'gpt-4.1-mini'))[0]!, /^gpt-4\.1-mini$/, 'a real-provider model is not labelled simulated');
      // A call counts as simulated when its run is: some span of the run carries `hotpath.simulated`.
      const simulatedCalls = chatTotals(fixtures.filter((trace) => allSpans(trace).some((span) => span.attributes?.['hotpath.simulated'] === true))).calls;
      assert.ok(simulatedCalls > 0 && simulatedCalls < totals.calls, 'the fixtures mix simulated and real runs');
      assert.match(await page.getByTestId('simulated-notice').innerText(), new RegExp(`${((simulatedCalls / totals.calls) * 100).toFixed(1)}% of the model calls in this window are simulated`));
      await stack.screenshot(page, 'spend');
    });

    it('groups by agent and narrows the window', async () => {
      await visit(page, `${stack.dashboardUrl}/spend`);
      await page.getByRole('link', { name: 'By agent' }).click();
      await page.waitForURL(/groupBy=agent/);
      await settle(page);
      const groups = await page.getByTestId('spend-table').locator('tbody tr td:first-child').allInnerTexts();
      for (const agent of ['support-desk', 'researcher', 'billing-assistant']) assert.ok(groups.some((group) => group.includes(agent)), agent);
      assert.match((await cells('spend-table', 'support-desk'))[0]!, /support-desk\s*simulated/, 'an agent of simulated runs is labelled');
      assert.match((await cells('spend-table', 'billing-assistant'))[0]!, /^billing-assistant$/, 'an agent of real runs only is not');
      await page.getByRole('link', { name: '1h', exact: true }).click();
      await page.waitForURL(/range=1h/);
      await settle(page);
      const recent = chatTotals(fixtures.filter((trace) => trace.key !== 'old-baseline'));
      await callsShown(recent.calls);
      await stack.screenshot(page, 'spend-by-agent');
      await page.getByRole('link', { name: 'All', exact: true }).click();
      await page.waitForURL(/range=all/);
      await settle(page);
      await callsShown(chatTotals(fixtures).calls);
    });
  });

  describe('routing', () => {
    it('lists each routing decision with its rule and reason, counts escalations and per-model figures', async () => {
      await visit(page, `${stack.dashboardUrl}/routing`);
      const routed = fixtures.flatMap(allSpans).filter((span) => span.attributes?.['hotpath.route.rule'] !== undefined);
      assert.equal(await page.getByTestId('decisions-table').locator('tbody tr').count(), routed.length);
      assert.match(await page.getByTestId('stat-escalations').innerText(), /ESCALATIONS\s+1\b/i);
      const escalation = await cells('decisions-table', 'cascade:escalate');
      assert.ok(escalation.includes('answer failed the confidence check'));
      assert.ok(escalation.at(-1)!.includes('escalated'));
      const simple = await cells('decisions-table', 'simple-task');
      assert.ok(simple.includes('short request with known tools'));
      assert.match(simple[1]!, /simulated/, 'decisions of simulated runs are labelled');
      assert.doesNotMatch((await cells('decisions-table', 'rule <svg'))[1]!, /simulated/, 'a decision of a real run is not');
      assert.match((await cells('models-table', 'sim-small'))[0]!, /sim-small\s*simulated/);
      assert.match((await cells('models-table', 'gpt-4.1-mini'))[0]!, /^gpt-4\.1-mini$/, 'a real-provider model is not labelled');
      const small = await cells('models-table', 'sim-small');
      const smallCalls = fixtures.flatMap(allSpans).filter((span) => span.name === 'chat sim-small');
      assert.equal(small[1], String(smallCalls.length));
      assert.equal(small[2], String(smallCalls.filter((span) => span.attributes?.['hotpath.route.rule'] !== undefined).length));
      assert.match(await page.getByTestId('rules-table').innerText(), /cascade:try-small/);
      await stack.screenshot(page, 'routing');
    });

    it('opens the decision in its trace with the span selected', async () => {
      await visit(page, `${stack.dashboardUrl}/routing`);
      await page.getByTestId('decisions-table').locator('tbody tr').filter({ hasText: 'cascade:escalate' }).getByRole('link').click();
      await page.waitForURL(new RegExp(`/traces/${ids.get('escalation')}\\?span=`));
      await settle(page);
      assert.equal(await page.getByTestId('span-detail-name').innerText(), 'chat sim-large');
    });
  });

  describe('tool cache', () => {
    it('shows hits, misses and time saved per tool', async () => {
      await visit(page, `${stack.dashboardUrl}/cache`);
      const tools = fixtures.flatMap(allSpans).filter((span) => span.attributes?.['gen_ai.operation.name'] === 'execute_tool');
      const outcome = (value: string) => tools.filter((span) => span.attributes?.['hotpath.cache.hit'] === value).length;
      const saved = tools.reduce((sum, span) => sum + Number(span.attributes?.['hotpath.tool.saved_ms'] ?? 0), 0);
      assert.match(await page.getByTestId('stat-saved').innerText(), new RegExp(`${saved} ms`));
      const rate = (outcome('hit') + outcome('shared')) / (outcome('hit') + outcome('shared') + outcome('miss'));
      assert.match(await page.getByTestId('stat-hit-rate').innerText(), new RegExp(`${(rate * 100).toFixed(1)}%`));
      const lookup = await cells('cache-table', 'lookup_order');
      const lookups = tools.filter((span) => span.name === 'execute_tool lookup_order');
      // Calls = hits + shared + misses + cache off: the lookups of the baseline ran with the cache off.
      assert.deepEqual(lookup.slice(1, 6), [String(lookups.length), '1', '0', '0', String(lookups.length - 1)]);
      assert.match(lookup[6]!, /100\.0%/);
      assert.match((await cells('cache-table', 'fetch_invoice'))[6]!, /cache off/);
      assert.match(lookup[0]!, /lookup_order\s*simulated/, 'a tool of simulated runs is labelled, though its spans carry no flag');
      assert.match((await cells('cache-table', 'fetch_invoice'))[0]!, /^fetch_invoice$/, 'a tool of a real run only is not');
      await page.getByTestId('simulated-notice').waitFor();
      assert.ok((await page.getByTestId('chart-cache').locator('.recharts-bar-rectangle').count()) > 0);
      await stack.screenshot(page, 'cache');
    });
  });
});
