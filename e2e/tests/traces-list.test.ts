// The traces page in Chromium against a real collector: content, filters, sorting, pagination, live arrival and
// the way into a waterfall.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { agentSpan, chatSpan, standardFixtures } from '../src/fixtures/agent-run-fixtures.ts';
import type { FixtureTrace } from '../src/fixtures/fixture-span.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { settle, visit } from '../src/harness/visit.ts';
import { waitForCount } from '../src/harness/wait-for-count.ts';

const now = Date.now();
const fixtures = standardFixtures(now);
let stack: Stack;
let ids: Map<string, string>;
let page: Page;

const rowIds = (target: Page) => target.locator('[data-testid=traces-table] tbody tr').evaluateAll((rows) => rows.map((row) => row.getAttribute('data-trace-id')));
const id = (key: string) => ids.get(key)!;

function smallRun(key: string, agent: string, startTime: number): FixtureTrace {
  return { key, service: 'batch-api', startTime, root: agentSpan(agent, [chatSpan({ model: 'sim-small', offsetMs: 1, durationMs: 20, inputTokens: 10, outputTokens: 2 })]) };
}

describe('traces page', () => {
  before(async () => {
    stack = await startStack();
    ids = await sendFixtures(stack.collectorUrl, fixtures);
    page = await stack.newPage();
  });
  after(() => stack?.close());

  it('lists every run with its agent, models, variant, simulated label and status', async () => {
    await visit(page, stack.dashboardUrl);
    assert.deepEqual((await rowIds(page)).sort(), fixtures.map((trace) => id(trace.key)).sort());
    const baseline = page.locator(`tr[data-trace-id="${id('baseline')}"]`);
    for (const text of ['invoke_agent support-desk', 'support-desk', 'sim-large', 'simulated', 'baseline', 'support-api', 'ok']) {
      assert.ok((await baseline.innerText()).includes(text), `baseline row shows ${text}`);
    }
    const error = page.locator(`tr[data-trace-id="${id('error')}"]`);
    assert.match(await error.innerText(), /\d+ errors?/);
    assert.equal(await error.locator('.badge-simulated').count(), 0, 'a real-provider run is not labelled simulated');
    assert.match(await page.locator(`tr[data-trace-id="${id('in-progress')}"]`).innerText(), /in progress/);
    await page.waitForSelector('[data-testid=live-status][data-connected=true]');
    await stack.screenshot(page, 'traces-list');
  });

  it('filters by status with the filter form, keeping the filter in the URL', async () => {
    await visit(page, stack.dashboardUrl);
    await page.locator('#filter-status').selectOption('error');
    await page.getByRole('button', { name: 'Apply' }).click();
    await page.waitForURL(/status=error/);
    await settle(page);
    assert.deepEqual(await rowIds(page), [id('error')]);
    assert.equal(await page.locator('#filter-status').inputValue(), 'error');
    await stack.screenshot(page, 'traces-filtered-error');
  });

  it('filters by model, duration, tokens, search text and time range', async () => {
    const listed = async (query: string) => {
      await visit(page, `${stack.dashboardUrl}/?${query}`);
      return (await rowIds(page)).sort();
    };
    assert.deepEqual(await listed('model=sim-small'), [id('optimized'), id('escalation')].sort());
    assert.deepEqual(await listed('minDurationMs=3000'), [id('old-baseline'), id('baseline'), id('error')].sort());
    assert.deepEqual(await listed('maxDurationMs=300'), [id('xss')]);
    assert.deepEqual(await listed('minTokens=4690'), [id('old-baseline'), id('baseline')].sort());
    assert.deepEqual(await listed('q=researcher'), [id('escalation')]);
    assert.deepEqual(await listed('service=billing-api'), [id('error')]);
    assert.ok(!(await listed('range=1h')).includes(id('old-baseline')), 'the three-hour-old run is outside the last hour');
    assert.deepEqual(await listed('q=no-such-thing'), []);
    assert.match(await page.locator('.empty').innerText(), /No traces match these filters/);
  });

  it('warns about an unusable filter in the link and still lists', async () => {
    await visit(page, `${stack.dashboardUrl}/?minDurationMs=fast`);
    assert.match(await page.getByTestId('parameter-warning').innerText(), /minDurationMs/);
    assert.equal((await rowIds(page)).length, fixtures.length);
  });

  it('sorts by duration from the column header, both ways', async () => {
    await visit(page, stack.dashboardUrl);
    await page.getByRole('link', { name: 'Duration' }).click();
    await page.waitForURL(/sort=duration/);
    await settle(page);
    const longestFirst = await rowIds(page);
    assert.equal(longestFirst[0], id('error'));
    await page.getByRole('link', { name: /Duration/ }).click();
    await page.waitForURL(/order=asc/);
    await settle(page);
    const shortestFirst = await rowIds(page);
    assert.equal(shortestFirst[0], id('xss'));
    assert.deepEqual(shortestFirst, [...longestFirst].reverse());
  });

  it('sorts by cost and by tokens', async () => {
    await visit(page, `${stack.dashboardUrl}/?sort=tokens`);
    const byTokens = await rowIds(page);
    assert.ok([id('baseline'), id('old-baseline')].includes(byTokens[0]!));
    assert.equal(byTokens.at(-1), id('xss'));
    await visit(page, `${stack.dashboardUrl}/?sort=cost`);
    assert.ok([id('baseline'), id('old-baseline')].includes((await rowIds(page))[0]!), 'the large-model baseline costs most');
  });

  it('pages through more traces than fit on one page', async () => {
    const batch = Array.from({ length: 50 }, (_, index) => smallRun(`batch-${index}`, 'batch-worker', now - 50 * 60_000 + index * 1000));
    await sendFixtures(stack.collectorUrl, batch);
    await visit(page, stack.dashboardUrl);
    const first = await rowIds(page);
    assert.equal(first.length, 50);
    await page.getByRole('link', { name: 'Next page →' }).click();
    await page.waitForURL(/cursor=/);
    await settle(page);
    const second = await rowIds(page);
    assert.equal(second.length, fixtures.length + batch.length - 50);
    assert.equal(new Set([...first, ...second]).size, fixtures.length + batch.length, 'no trace shown twice or skipped');
    await page.getByRole('link', { name: 'First page' }).click();
    await page.waitForURL((url) => !url.search.includes('cursor'));
    await settle(page);
    assert.deepEqual(await rowIds(page), first);
  });

  it('counts new arrivals on a later page instead of shifting it, and links to the newest', async () => {
    await visit(page, stack.dashboardUrl);
    await page.getByRole('link', { name: 'Next page →' }).click();
    await page.waitForURL(/cursor=/);
    await settle(page);
    await page.waitForSelector('[data-testid=live-status][data-connected=true]');
    const before = await rowIds(page);
    const arrived = await sendFixtures(stack.collectorUrl, [smallRun('late', 'late-arrival-agent', Date.now())]);
    await page.getByText('1 new · show newest').waitFor({ timeout: 10_000 });
    assert.deepEqual(await rowIds(page), before, 'the later page did not move');
    await page.getByText('1 new · show newest').click();
    await page.waitForURL((url) => !url.search.includes('cursor'));
    await settle(page);
    await page.locator(`tr[data-trace-id="${arrived.get('late')}"]`).waitFor();
  });

  it('shows a new trace as it arrives, without reloading the page', async () => {
    await visit(page, stack.dashboardUrl);
    await page.waitForSelector('[data-testid=live-status][data-connected=true]');
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const arrived = await sendFixtures(stack.collectorUrl, [smallRun('live', 'live-arrival-agent', Date.now())]);
    const row = page.locator(`tr[data-trace-id="${arrived.get('live')}"]`);
    await row.waitFor({ timeout: 10_000 });
    assert.match(await row.innerText(), /live-arrival-agent/);
    assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true, 'the page was not reloaded');
    await stack.screenshot(page, 'traces-live-arrival');
  });

  it('opens a trace waterfall from its row', async () => {
    await visit(page, stack.dashboardUrl);
    await page.locator(`tr[data-trace-id="${id('optimized')}"] a.trace-name`).click();
    await page.waitForURL(new RegExp(`/traces/${id('optimized')}$`));
    await settle(page);
    await waitForCount(page.locator('[role=treeitem]'), 6);
  });
});
