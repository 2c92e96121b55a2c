// A trace of thousands of spans in Chromium: the first page painted before the rest arrives, keyboard navigation,
// the minimap, search inside a trace by attribute, jumps to the next error and slow span, zoom by keyboard; spans
// whose values are 100 KiB opening cheaply; and the traces list's search by id, attribute, service and error text.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page, Route } from 'playwright-core';
import { standardFixtures } from '../src/fixtures/agent-run-fixtures.ts';
import { BIG_NAME_START, bigValueRun } from '../src/fixtures/big-value-fixture.ts';
import { LAST_SPAN_NAME, largeRun } from '../src/fixtures/large-run-fixture.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { timeInPage, waitForAllSpans, type PageTiming } from '../src/harness/page-timing.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { settle, visit } from '../src/harness/visit.ts';
import { waitForCount } from '../src/harness/wait-for-count.ts';

const LARGE_SPANS = 6_000;
let stack: Stack;
let ids: Map<string, string>;
let page: Page;

const rows = () => page.locator('[role=treeitem]');
const row = (name: string) => rows().filter({ has: page.locator('.wf-label', { hasText: new RegExp(`^${name}$`) }) }).first();
const selectedName = () => page.locator('[role=treeitem][aria-selected=true] .wf-label').innerText();
const open = async (key: string, query = '') => {
  await visit(page, `${stack.dashboardUrl}/traces/${ids.get(key)}${query}`);
  await rows().first().waitFor();
};

describe('a trace of thousands of spans', () => {
  before(async () => {
    stack = await startStack();
    const now = Date.now();
    ids = await sendFixtures(stack.collectorUrl, [...standardFixtures(now), largeRun(now - 60_000, LARGE_SPANS), bigValueRun(now - 30_000)], { timeoutMs: 60_000 });
    page = await stack.newPage();
  });
  after(() => stack?.close());

  it('paints the first page of spans before the last page arrives, with a progress bar, then shows every span', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const pagesAsked: string[] = [];
    // Later pages come through the dashboard's proxy: hold them until the first screen has been checked.
    await page.route('**/api/collector/traces/*/spans?*', async (route: Route) => {
      pagesAsked.push(route.request().url());
      await held;
      await route.continue();
    });
    await page.goto(`${stack.dashboardUrl}/traces/${ids.get('large')}`);
    await rows().first().waitFor();
    // The first rows come with the server's HTML; the browser asks for the rest once the page is live.
    await settle(page);
    await page.waitForFunction(() => document.querySelector('[data-testid=load-state]')?.getAttribute('data-state') === 'loading');
    for (const deadline = Date.now() + 10_000; pagesAsked.length === 0 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 25));
    assert.ok(pagesAsked.length >= 1, 'the next page was asked for while the first was shown');
    assert.match(await page.getByTestId('load-progress').innerText(), /Loading spans… 2,000 of 6,000/);
    assert.match(await rows().first().innerText(), /invoke_agent bulk-researcher/);
    release();
    await waitForAllSpans(page);
    await page.unroute('**/api/collector/traces/*/spans?*');
    assert.match(await page.getByTestId('waterfall-count').innerText(), new RegExp(`of ${LARGE_SPANS.toLocaleString('en-US')} spans`));
    await page.getByTestId('waterfall-body').press('End');
    await page.locator('.wf-label', { hasText: LAST_SPAN_NAME }).waitFor();
    assert.deepEqual(stack.problems, []);
  });

  it('moves through rows with the keyboard: arrows, fold and unfold, Enter opens the details, Escape closes them', async () => {
    await open('escalation');
    const body = page.getByTestId('waterfall-body');
    await body.focus();
    await body.press('ArrowDown');
    await page.waitForFunction(() => document.querySelector('[role=treeitem][aria-selected=true] .wf-label')?.textContent === 'invoke_agent researcher');
    assert.equal(await page.getByTestId('span-detail').count(), 0, 'moving does not open the details');
    await body.press('ArrowDown');
    await body.press('ArrowDown');
    assert.equal(await selectedName(), 'route check');
    for (let step = 0; step < 2; step++) await body.press('ArrowDown');
    assert.equal(await selectedName(), 'execute_tool delegate_summary');
    await body.press('ArrowLeft');
    await waitForCount(rows(), 5);
    assert.equal(await row('execute_tool delegate_summary').getAttribute('aria-expanded'), 'false');
    await body.press('ArrowRight');
    await waitForCount(rows(), 7);
    await body.press('ArrowRight');
    assert.equal(await selectedName(), 'invoke_agent summarizer', 'right on an open span goes to its first child');
    await body.press('ArrowLeft');
    await body.press('ArrowLeft');
    assert.equal(await selectedName(), 'execute_tool delegate_summary', 'left on a leaf goes to its parent');
    await body.press('Enter');
    await page.waitForURL(/span=[0-9a-f]{16}/);
    await page.getByTestId('span-detail-name').waitFor();
    assert.equal(await page.getByTestId('span-detail-name').innerText(), 'execute_tool delegate_summary');
    await body.press('ArrowUp');
    await page.waitForFunction(() => document.querySelector('[data-testid=span-detail-name]')?.textContent === 'chat sim-large', null, { timeout: 10_000 });
    await body.press('Escape');
    await page.waitForURL((url) => !url.search.includes('span='));
    await waitForCount(page.getByTestId('span-detail'), 0);
  });

  it('jumps to the next error and the next slow span, and zooms with the keyboard', async () => {
    await open('error');
    await page.getByRole('button', { name: 'Next error' }).click();
    await page.getByTestId('span-detail-name').waitFor();
    const first = await page.getByTestId('span-detail-name').innerText();
    assert.match(first, /invoke_agent billing-assistant|execute_tool fetch_invoice/);
    await page.getByTestId('waterfall-body').press('e');
    await page.waitForFunction((previous) => document.querySelector('[data-testid=span-detail-name]')?.textContent !== previous, first);
    const body = page.getByTestId('waterfall-body');
    await body.press('+');
    await page.getByTestId('zoom-range').waitFor();
    await page.waitForURL(/zoom=/);
    await body.press('-');
    await body.press('0');
    await page.waitForURL((url) => !url.search.includes('zoom='));
    await settle(page);
    // The escalation run's slowest leaf work is its 1.1 s call of the large model.
    await open('escalation');
    await page.getByTestId('waterfall-body').press('s');
    await page.waitForFunction(() => document.querySelector('[data-testid=span-detail]:not([aria-busy]) [data-testid=span-detail-name]')?.textContent === 'chat sim-large');
    assert.match(await page.getByTestId('span-detail-duration').innerText(), /^duration 1\.10 s$/);
    assert.equal(await selectedName(), 'chat sim-large');
  });

  it('finds spans inside a trace by attribute through the collector, and by name in the browser', async () => {
    await open('escalation');
    await page.getByLabel('Find span').fill('gen_ai.request.model=sim-large');
    await page.getByTestId('find-note').filter({ hasText: '1 matching' }).waitFor();
    await waitForCount(rows(), 2);
    assert.deepEqual(await page.locator('[role=treeitem] .wf-label').allInnerTexts(), ['invoke_agent researcher', 'chat sim-large']);
    await page.getByLabel('Find span').fill('hotpath.cache.hit=nothing-like-this');
    await page.getByTestId('find-note').filter({ hasText: '0 matching' }).waitFor();
    await waitForCount(rows(), 0);
    await page.getByLabel('Find span').fill('summarizer');
    await waitForCount(rows(), 3);
    await page.getByLabel('Find span').fill('');
    await waitForCount(rows(), 7);
  });

  it('shows the whole trace in a minimap whose frame follows the scroll, and jumps where it is clicked', async () => {
    await open('large');
    await waitForAllSpans(page);
    const frame = page.getByTestId('minimap-window');
    const top = async () => (await frame.boundingBox())!.y;
    const atTop = await top();
    await page.getByTestId('waterfall-body').press('End');
    await page.waitForFunction((before) => document.querySelector('[data-testid=minimap-window]')!.getBoundingClientRect().y > before + 10, atTop);
    const minimap = (await page.getByTestId('minimap').boundingBox())!;
    // Half way down the minimap is half way through the rows.
    await page.mouse.click(minimap.x + minimap.width / 2, minimap.y + minimap.height / 2);
    await page.waitForFunction((total) => {
      const topRow = (document.querySelector('[data-testid=waterfall-body]') as HTMLElement).scrollTop / 26;
      return Math.abs(topRow - total / 2) < 100;
    }, LARGE_SPANS);
    const drawn = await page.locator('[data-testid=minimap] canvas').evaluate((canvas: HTMLCanvasElement) => {
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = 0;
      for (let index = 3; index < pixels.length; index += 4) if (pixels[index]! > 0) painted++;
      return painted;
    });
    assert.ok(drawn > 100, 'the minimap draws the spans');
    await stack.screenshot(page, 'waterfall-minimap');
  });

  it('opens spans with 100 KiB values and a 100 KiB name cheaply, truncated with their size, and shows all on request', async () => {
    await open('big-values');
    const timings: Record<string, PageTiming> = {};
    for (const name of ['chat gpt-4.1', 'execute_tool bulk_import']) {
      timings[name] = await timeInPage(page, () => row(name).click(), '() => document.querySelectorAll("[data-testid=span-detail] [data-testid=value-actions]").length > 0');
    }
    const named = rows().filter({ has: page.locator('.wf-label', { hasText: BIG_NAME_START }) });
    timings['100 KiB name'] = await timeInPage(page, () => named.click(), '() => !!document.querySelector("[data-testid=span-detail] dl")');
    console.log(`opening spans with 100 KiB values: ${Object.entries(timings).map(([name, time]) => `${name} ${time.elapsedMs.toFixed(0)} ms (main thread ${time.mainThreadMs.toFixed(0)} ms, long tasks ${time.longTaskMs.toFixed(0)} ms)`).join('; ')}`);
    // Relaxed for a shared machine: the floor, 200 ms of main-thread time, is checked by the render bench.
    for (const [name, time] of Object.entries(timings)) assert.ok(time.mainThreadMs < 1_000, `${name}: ${time.mainThreadMs.toFixed(0)} ms of main-thread time`);
    const heading = await page.getByTestId('span-detail-name').innerText();
    assert.ok(heading.length < 400, 'the name is cut in the heading');
    const close = (await page.getByRole('button', { name: 'Close span details' }).boundingBox())!;
    assert.ok(close.x + close.width <= 1440 && close.y >= 0 && close.y < 900, 'the close button stays in view');
    await row('chat gpt-4.1').click();
    const detail = page.getByTestId('span-detail');
    await detail.getByText('Input messages').waitFor();
    const input = detail.locator('.message').first();
    assert.match(await input.innerText(), /KiB, first 4 KiB shown/);
    assert.ok((await input.locator('pre').innerText()).includes('␀'), 'NUL is shown as a symbol');
    assert.ok((await input.locator('pre').innerText()).length < 5_000);
    await input.getByRole('button', { name: /Show all of input messages/ }).click();
    await page.waitForFunction(() => (document.querySelector('[data-testid=span-detail] .message pre')?.textContent?.length ?? 0) > 50_000);
    assert.match(await detail.innerText(), /shown above \(\d+(\.\d)? KiB\)/, 'the attribute list does not lay the messages out again');
    const raw = await page.request.get(`${stack.dashboardUrl}/api/collector/traces/${ids.get('big-values')}/spans/${await row('chat gpt-4.1').getAttribute('data-span-id')}`);
    assert.equal(raw.status(), 200);
    assert.equal(raw.headers()['x-content-type-options'], 'nosniff');
    await stack.screenshot(page, 'span-detail-big-values');
  });

  it('lets the traces list find a trace by its id, an id prefix, a span id, key=value, service and error text', async () => {
    const listed = async (search: string) => {
      await visit(page, `${stack.dashboardUrl}/?q=${encodeURIComponent(search)}`);
      return (await page.locator('[data-testid=traces-table] tbody tr').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-trace-id')))).sort();
    };
    const id = (key: string) => ids.get(key)!;
    assert.deepEqual(await listed(id('baseline')), [id('baseline')]);
    assert.deepEqual(await listed(id('optimized').slice(0, 10)), [id('optimized')]);
    await open('error');
    const spanId = (await row('execute_tool fetch_invoice').getAttribute('data-span-id'))!;
    assert.deepEqual(await listed(spanId), [id('error')]);
    assert.deepEqual(await listed('gen_ai.agent.name=researcher'), [id('escalation')]);
    assert.deepEqual(await listed('hotpath.workload.variant=baseline'), [id('old-baseline'), id('baseline')].sort());
    assert.deepEqual(await listed('billing-api'), [id('error')]);
    assert.deepEqual(await listed('did not answer within'), [id('error')]);
    assert.deepEqual(await listed('error.type=timeout'), [id('error')]);
  });
});
