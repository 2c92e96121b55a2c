// Live, without re-reading: the traces list merges new traces, the open trace merges new spans, a model call made
// through the SDK shows while it runs (its start record) and closes when it ends, and a span that never ends is shown
// as such once its trace goes quiet. Every check also watches the network: nothing is fetched twice.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import type { Page, Request } from 'playwright-core';
import { Agent, instrument, Runner } from '@hotpath/sdk';
import { setup, StartedSpanProcessor } from '@hotpath/sdk/otel';
import { scriptedModel } from '@hotpath/sdk/testing';
import { agentSpan, chatSpan, inProgressRun } from '../src/fixtures/agent-run-fixtures.ts';
import { liveSender } from '../src/fixtures/live-spans.ts';
import { sendFixtures, sendRunningFixture } from '../src/fixtures/send-fixtures.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { visit } from '../src/harness/visit.ts';
import { waitForCount } from '../src/harness/wait-for-count.ts';

/** Quiet after this long without news: short, so the never-ending span reads as such within the test. */
const QUIET_AFTER_MS = 8_000;
let stack: Stack;
let page: Page;

/** Requests the page makes from now on, by URL. */
function watchRequests(target: Page): Request[] {
  const seen: Request[] = [];
  target.on('request', (request) => seen.push(request));
  return seen;
}

/** Polls the collector until a trace matching `search` exists; answers its id. */
async function traceWhere(search: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const body = (await (await fetch(`${stack.collectorUrl}/api/traces?${new URLSearchParams({ search })}`)).json()) as { traces: { traceId: string }[] };
    if (body.traces[0]) return body.traces[0].traceId;
    if (Date.now() > deadline) throw new Error(`no trace matching ${search}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const row = (name: string) => page.locator('[role=treeitem]').filter({ has: page.locator('.wf-label', { hasText: new RegExp(`^${name}$`) }) }).first();

describe('live updates', () => {
  before(async () => {
    stack = await startStack({ dashboardEnv: { HOTPATH_QUIET_AFTER_MS: String(QUIET_AFTER_MS) } });
    page = await stack.newPage();
  });
  after(() => stack?.close());

  it('merges a new trace into the list without reloading it or reading it again', async () => {
    const now = Date.now();
    await sendFixtures(stack.collectorUrl, [{ key: 'first', service: 'live-api', startTime: now - 5_000, root: agentSpan('early-agent', [chatSpan({ model: 'sim-small', offsetMs: 1, durationMs: 20, inputTokens: 10, outputTokens: 2 })]) }]);
    await visit(page, stack.dashboardUrl);
    await page.waitForSelector('[data-testid=live-status][data-connected=true]');
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const requests = watchRequests(page);
    const arrived = await sendFixtures(stack.collectorUrl, [{ key: 'late', service: 'live-api', startTime: Date.now(), root: agentSpan('late-agent', [chatSpan({ model: 'sim-small', offsetMs: 1, durationMs: 20, inputTokens: 10, outputTokens: 2 })]) }]);
    const fresh = page.locator(`tr[data-trace-id="${arrived.get('late')}"]`);
    await fresh.waitFor({ timeout: 10_000 });
    assert.match(await fresh.innerText(), /late-agent/);
    assert.equal((await page.locator('[data-testid=traces-table] tbody tr').first().getAttribute('data-trace-id')), arrived.get('late'), 'newest first');
    const listReads = requests.filter((request) => request.url().includes('/api/collector/traces?'));
    assert.ok(listReads.length >= 1 && listReads.every((request) => request.url().includes('traceIds=')), 'only the changed traces were asked for');
    // Link prefetches of the new row are fine; a refresh of the page's server data is not.
    const rerenders = requests.filter((request) => request.headers()['rsc'] !== undefined && request.headers()['next-router-prefetch'] === undefined);
    assert.deepEqual(rerenders.map((request) => request.url()), [], 'the page was not re-rendered from the server');
    assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true);
  });

  it('merges new spans into the open trace as they arrive, asking for nothing but the live stream', async () => {
    const running = await sendRunningFixture(stack.collectorUrl, inProgressRun(Date.now() - 3_000));
    await visit(page, `${stack.dashboardUrl}/traces/${running.traceId}`);
    await page.getByText('span in progress').waitFor();
    await page.waitForSelector('[data-testid=live-status][data-connected=true]');
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
    const requests = watchRequests(page);
    const rootId = (await page.locator('[role=treeitem]').first().getAttribute('data-span-id'))!;
    const sender = liveSender(stack.collectorUrl);
    const base = Date.now() - 2_000;
    await sender.send(running.traceId, rootId, base, Array.from({ length: 5 }, (_, index) => ({ name: `execute_tool live_${index}`, offsetMs: 10 + index * 20, durationMs: 15 })));
    await waitForCount(page.locator('[role=treeitem]'), 3 + 5);
    await running.finish();
    await row('invoke_agent long-runner').waitFor({ timeout: 10_000 });
    await waitForCount(page.getByText('span in progress'), 0);
    await sender.close();
    assert.deepEqual(requests.filter((request) => /\/api\/collector\/traces\/[0-9a-f]{32}\/spans/.test(request.url())).map((request) => request.url()), [], 'no page of spans read again');
    assert.equal(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument), true);
  });

  it('shows a model call made through the SDK while it runs, growing, and closes it when it ends; a span that never ends reads so once its trace is quiet', async () => {
    // A span whose process stops reporting: announced once, never ended, no keep-alive.
    const orphanProcessor = new StartedSpanProcessor({ tracesUrl: `${stack.collectorUrl}/v1/traces`, announceAfterMs: 50, keepAliveMs: 600_000 });
    const orphan = new BasicTracerProvider({ spanProcessors: [orphanProcessor] }).getTracer('e2e-orphan').startSpan('invoke_agent vanished-agent', { attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'vanished-agent' } });
    const orphanTrace = await traceWhere('gen_ai.agent.name=vanished-agent');
    await orphanProcessor.shutdown();
    const orphanSeen = Date.now();

    process.env.OTEL_BSP_SCHEDULE_DELAY = '100';
    const shutdown = await setup({ serviceName: 'live-sdk', endpoint: stack.collectorUrl });
    let release!: () => void;
    const answered = new Promise<void>((resolve) => (release = resolve));
    const runner = instrument(new Runner({ provider: scriptedModel(async () => (await answered, { text: 'done', usage: { inputTokens: 900, outputTokens: 12 } })) }));
    const agent = new Agent({ name: 'slow-thinker', instructions: 'Think.', model: 'slow-model', tools: [] });
    const run = runner.run(agent, 'A long question');
    try {
      const traceId = await traceWhere('gen_ai.agent.name=slow-thinker');
      await visit(page, `${stack.dashboardUrl}/traces/${traceId}`);
      const chat = row('chat slow-model');
      await chat.waitFor({ timeout: 10_000 });
      await page.waitForFunction(() => document.querySelector('[role=treeitem][data-state=running] .badge-running') !== null);
      assert.equal(await chat.getAttribute('data-state'), 'running');
      const label = () => chat.locator('.wf-duration').innerText();
      const first = await label();
      assert.match(first, /^running /);
      await page.waitForFunction((before) => {
        const text = [...document.querySelectorAll('[role=treeitem][data-state=running] .wf-duration')].map((element) => element.textContent).join();
        return text !== before && text !== '';
      }, first);
      await stack.screenshot(page, 'waterfall-running-model-call');
      await chat.click();
      assert.match(await page.getByTestId('span-detail-duration').innerText(), /running for/);
      release();
      await run;
      await page.waitForFunction(() => document.querySelector('[role=treeitem][data-state]') === null, null, { timeout: 15_000 });
      assert.doesNotMatch(await label(), /running/);
      assert.equal(await chat.locator('.badge-running').count(), 0);
      await page.waitForFunction(() => /^duration \d/.test(document.querySelector('[data-testid=span-detail-duration]')?.textContent ?? ''));
    } finally {
      release();
      await run.catch(() => {});
      await shutdown();
      delete process.env.OTEL_BSP_SCHEDULE_DELAY;
    }

    await visit(page, `${stack.dashboardUrl}/traces/${orphanTrace}`);
    await page.locator('[role=treeitem]').first().waitFor();
    const wait = Math.max(0, orphanSeen + QUIET_AFTER_MS + 1_500 - Date.now());
    await page.locator('[role=treeitem][data-state=no-end]').waitFor({ timeout: wait + 10_000 });
    assert.match(await page.locator('[role=treeitem][data-state=no-end]').innerText(), /no end/);
    await stack.screenshot(page, 'waterfall-no-end');
    orphan.end();
  });
});
