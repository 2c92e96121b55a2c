// The trace waterfall in Chromium: shared time axis, colours by kind, parallel work, critical path, the detail
// panel, collapse, zoom, deep links and runs still in progress.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';
import { inProgressRun, standardFixtures } from '../src/fixtures/agent-run-fixtures.ts';
import { sendFixtures, sendRunningFixture } from '../src/fixtures/send-fixtures.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { settle, visit } from '../src/harness/visit.ts';
import { openSpan } from '../src/harness/span-detail.ts';
import { waitForCount } from '../src/harness/wait-for-count.ts';

let stack: Stack;
let ids: Map<string, string>;
let page: Page;

const row = (name: string, nth = 0) => page.locator('[role=treeitem]').filter({ has: page.locator('.wf-label', { hasText: new RegExp(`^${name}$`) }) }).nth(nth);
const bar = async (target: Locator) => (await target.locator('.wf-bar').boundingBox())!;
const open = async (key: string, query = '') => {
  await visit(page, `${stack.dashboardUrl}/traces/${ids.get(key)}${query}`);
  await page.getByTestId('waterfall-full').waitFor();
  // Rows are drawn by the virtualizer once the page has hydrated.
  await page.locator('[role=treeitem]').first().waitFor();
};

describe('trace waterfall', () => {
  before(async () => {
    stack = await startStack();
    ids = await sendFixtures(stack.collectorUrl, standardFixtures(Date.now()));
    page = await stack.newPage();
  });
  after(() => stack?.close());

  it('draws every span coloured by kind on one time axis', async () => {
    await open('optimized');
    await waitForCount(page.locator('[role=treeitem]'), 6);
    const categories = await page.locator('[role=treeitem]').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-category')));
    assert.deepEqual(categories, ['agent', 'model', 'cache-hit', 'tool', 'tool', 'model']);
    const colours = new Set(await page.locator('.wf-bar').evaluateAll((bars) => bars.map((element) => getComputedStyle(element).backgroundColor)));
    assert.equal(colours.size, 4, 'agent, model call, tool and cache hit each have their own colour');
    assert.match(await page.getByTestId('trace-summary').innerText(), /simulated/);
    // Model calls 2–522 and 877–1257 ms, the parallel tools' 350 ms between them, 10 ms of the root alone.
    const share = await page.getByTestId('time-share').locator('[data-part]').allInnerTexts();
    assert.deepEqual(share, ['model calls 900 ms (71.4%)', 'tools only 350 ms (27.8%)', 'agent and gaps 10.0 ms (0.79%)']);
    await stack.screenshot(page, 'waterfall-optimized');
  });

  it('shows parallel tool calls overlapping and sequential ones one after another', async () => {
    await open('optimized');
    const [policy, inventory] = [await bar(row('execute_tool get_policy')), await bar(row('execute_tool check_inventory'))];
    assert.ok(policy.x < inventory.x + inventory.width && inventory.x < policy.x + policy.width, 'parallel bars overlap on the time axis');
    await open('baseline');
    const [lookup, policyB] = [await bar(row('execute_tool lookup_order')), await bar(row('execute_tool get_policy'))];
    assert.ok(lookup.x + lookup.width <= policyB.x + 1, 'sequential bars do not overlap');
  });

  it('outlines the critical path through the slowest parallel tool only', async () => {
    await open('optimized');
    assert.equal(await row('execute_tool check_inventory').getAttribute('data-critical'), 'true');
    assert.equal(await row('execute_tool get_policy').getAttribute('data-critical'), null);
    assert.equal(await row('execute_tool lookup_order').getAttribute('data-critical'), null);
    await page.getByLabel('Critical path').uncheck();
    await waitForCount(page.locator('[data-critical]'), 0);
  });

  it('opens the span detail panel with attributes, tokens and cost, and keeps it in the URL', async () => {
    await open('optimized');
    const detail = await openSpan(page, row('chat sim-small', 1));
    await page.waitForURL(/span=[0-9a-f]{16}/);
    const text = await detail.innerText();
    for (const expected of ['chat sim-small', 'Model call', 'simulated', '2,600', '1,792', 'simple-task', 'short request with known tools', 'gen_ai.usage.cache_read.input_tokens', 'service.name', 'support-api']) {
      assert.ok(text.includes(expected), `detail shows ${expected}`);
    }
    assert.match(text, /cost\s+\$0\.\d+/);
    await stack.screenshot(page, 'waterfall-detail');
    await page.reload();
    await page.getByTestId('span-detail-name').waitFor();
    assert.equal(await page.getByTestId('span-detail-name').innerText(), 'chat sim-small', 'the selection survives a reload');
    assert.equal(await row('chat sim-small', 1).getAttribute('aria-selected'), 'true');
    await page.getByLabel('Close span details').click();
    await page.waitForURL((url) => !url.search.includes('span='));
    await settle(page);
  });

  it('shows captured messages, the exception events and the error colour of a failed run', async () => {
    await open('error');
    assert.match((await row('execute_tool fetch_invoice').locator('.wf-bar').getAttribute('class'))!, /cat-error/);
    const chat = await openSpan(page, row('chat gpt-4.1-mini'));
    const chatText = await chat.innerText();
    // Section headings are upper-cased by CSS, which innerText reflects.
    assert.ok(/input messages/i.test(chatText) && chatText.includes('Why was invoice INV-7 charged twice?'));
    assert.ok(chatText.includes('→ fetch_invoice({"id":"INV-7"})'));
    const toolText = await (await openSpan(page, row('execute_tool fetch_invoice'))).innerText();
    assert.match(toolText, /events \(1\)/i);
    assert.ok(toolText.includes('exception') && toolText.includes('fetch_invoice did not answer within 5000 ms'));
    assert.ok(toolText.includes('timeout'));
    const rootText = await (await openSpan(page, row('invoke_agent billing-assistant'))).innerText();
    assert.ok(rootText.includes('hotpath.budget_exhausted'));
    assert.match(rootText, /links \(1\)/i);
    assert.ok(rootText.includes('retry of an earlier run') && rootText.includes(`${'f'.repeat(32)} / ${'e'.repeat(16)}`));
    await stack.screenshot(page, 'waterfall-error-detail');
  });

  it('shows the wait for a cascade check as a routing span between the cheap answer and the escalated call', async () => {
    await open('escalation');
    const categories = await page.locator('[role=treeitem]').evaluateAll((rows) => rows.map((element) => element.getAttribute('data-category')));
    assert.deepEqual(categories, ['agent', 'model', 'routing', 'model', 'tool', 'agent', 'model']);
    const [small, check, large] = [await bar(row('chat sim-small')), await bar(row('route check')), await bar(row('chat sim-large'))];
    assert.ok(small.x + small.width <= check.x + 1 && check.x + check.width <= large.x + 1, 'cheap answer, then the check, then the escalated call');
    const colours = new Set(await page.locator('.wf-bar').evaluateAll((bars) => bars.map((element) => getComputedStyle(element).backgroundColor)));
    assert.equal(colours.size, 4, 'agent, model call, tool and routing each have their own colour');
    const detail = await openSpan(page, row('route check'));
    assert.match(await detail.innerText(), /Routing decision/);
    assert.match(await detail.innerText(), /cascade:escalate/);
  });

  it('collapses and expands a subtree, nested sub-agents included', async () => {
    await open('escalation');
    await waitForCount(page.locator('[role=treeitem]'), 7);
    await page.getByRole('button', { name: 'Collapse execute_tool delegate_summary' }).click();
    await waitForCount(page.locator('[role=treeitem]'), 5);
    assert.match(await row('execute_tool delegate_summary').innerText(), /\+2/);
    await page.getByRole('button', { name: 'Expand execute_tool delegate_summary' }).click();
    await waitForCount(page.locator('[role=treeitem]'), 7);
    assert.equal(await row('invoke_agent summarizer').getAttribute('aria-level'), '3');
  });

  it('zooms into a dragged time range, keeps it in the URL and resets', async () => {
    await open('baseline');
    const axis = (await page.getByTestId('time-axis').boundingBox())!;
    const before = await bar(row('execute_tool get_policy'));
    await page.mouse.move(axis.x + axis.width * 0.45, axis.y + axis.height / 2);
    await page.mouse.down();
    await page.mouse.move(axis.x + axis.width * 0.7, axis.y + axis.height / 2, { steps: 5 });
    await page.mouse.up();
    await page.waitForURL(/zoom=\d+(\.\d+)?-\d+(\.\d+)?/);
    await settle(page);
    await page.getByTestId('zoom-range').waitFor();
    const zoomed = await bar(row('execute_tool get_policy'));
    assert.ok(zoomed.width > before.width * 3, 'the zoomed bar is wider');
    assert.equal(await row('chat sim-large', 1).locator('.wf-bar').count(), 0, 'a span outside the range has no bar');
    await stack.screenshot(page, 'waterfall-zoomed');
    await page.reload();
    await page.getByTestId('zoom-range').waitFor();
    await page.getByRole('button', { name: 'Reset zoom' }).click();
    await page.waitForURL((url) => !url.search.includes('zoom='));
    await settle(page);
    await waitForCount(row('chat sim-large', 1).locator('.wf-bar'), 1);
  });

  it('finds spans by name, model or tool, keeping their ancestors for context', async () => {
    await open('escalation');
    await page.getByLabel('Find span').fill('sim-small');
    await waitForCount(page.locator('[role=treeitem]'), 5);
    const names = await page.locator('[role=treeitem] .wf-label').allInnerTexts();
    assert.deepEqual(names, ['invoke_agent researcher', 'chat sim-small', 'execute_tool delegate_summary', 'invoke_agent summarizer', 'chat sim-small']);
    await page.getByLabel('Find span').fill('no such span');
    await waitForCount(page.locator('[role=treeitem]'), 0);
    await page.getByLabel('Find span').fill('');
    await waitForCount(page.locator('[role=treeitem]'), 7);
  });

  it('moves the selection with the arrow keys', async () => {
    await open('optimized');
    await row('invoke_agent support-desk').click();
    await page.getByTestId('waterfall-body').press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('[data-testid=span-detail-name]')?.textContent === 'chat sim-small');
  });

  it('shows a run still in progress, with the children that already arrived', async () => {
    await open('in-progress');
    const placeholder = page.locator('[role=treeitem]').first();
    assert.match(await placeholder.innerText(), /span in progress[\s\S]*in progress/);
    assert.match((await placeholder.locator('.wf-bar').getAttribute('class'))!, /in-progress/);
    assert.equal(await page.locator('[role=treeitem][aria-level="2"]').count(), 2);
    assert.match(await (await openSpan(page, placeholder)).innerText(), /has not ended yet/);
    await stack.screenshot(page, 'waterfall-in-progress');
  });

  it('fills in a span that was in progress as soon as it ends, without a reload', async () => {
    const running = await sendRunningFixture(stack.collectorUrl, inProgressRun(Date.now() - 5_000));
    await visit(page, `${stack.dashboardUrl}/traces/${running.traceId}`);
    await page.getByText('span in progress').waitFor();
    await page.waitForSelector('[data-testid=live-status][data-connected=true]');
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    await running.finish();
    await row('invoke_agent long-runner').waitFor({ timeout: 10_000 });
    await waitForCount(page.getByText('span in progress'), 0);
    assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true, 'the page was not reloaded');
  });

  it('explains an unknown or malformed trace id instead of failing', async () => {
    await visit(page, `${stack.dashboardUrl}/traces/${'0'.repeat(31)}1`);
    await page.getByText('No such trace').waitFor();
    await visit(page, `${stack.dashboardUrl}/traces/not-a-trace`);
    await page.getByText('That is not a trace id').waitFor();
    await open('optimized', '?span=nothex&zoom=9-1');
    await page.getByText('It was ignored.').waitFor();
    await waitForCount(page.locator('[role=treeitem]'), 6);
  });
});
