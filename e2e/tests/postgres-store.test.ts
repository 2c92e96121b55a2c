// The dashboard, unchanged, over a collector storing in PostgreSQL (collector/README.md, *PostgreSQL*): the traces
// list and a waterfall read the same query API as over SQLite. Every route's answers are compared between the two
// stores by the collector's conformance suite; this is the check that the real dashboard in a real browser is content.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { standardFixtures } from '../src/fixtures/agent-run-fixtures.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { openSpan } from '../src/harness/span-detail.ts';
import { startStack, type Stack } from '../src/harness/stack.ts';
import { visit } from '../src/harness/visit.ts';
import { waitForCount } from '../src/harness/wait-for-count.ts';

interface PostgresCluster {
  createDatabase(): Promise<string>;
  stop(): Promise<void>;
}
interface ClusterModule {
  postgresUnavailable(): string | undefined;
  startPostgresCluster(): Promise<PostgresCluster | { skipped: string }>;
}

/**
 * The collector's throwaway-cluster helper, beside its entry (the workspace resolves `@hotpath/collector` to its
 * sources), loaded by a computed specifier so this package's typecheck does not re-check the collector's sources.
 */
const clusters = (await import(new URL('testing/postgres-cluster.ts', import.meta.resolve('@hotpath/collector')).href)) as ClusterModule;
const unavailable = clusters.postgresUnavailable();

describe('dashboard over a collector on PostgreSQL', { skip: unavailable }, () => {
  let cluster: PostgresCluster | undefined;
  let stack: Stack;
  let ids: Map<string, string>;
  let page: Page;
  const fixtures = standardFixtures(Date.now());

  before(async () => {
    const started = await clusters.startPostgresCluster();
    assert.ok(!('skipped' in started));
    cluster = started;
    stack = await startStack({ databaseUrl: await cluster.createDatabase() });
    ids = await sendFixtures(stack.collectorUrl, fixtures);
    page = await stack.newPage();
  });
  after(async () => {
    await stack?.close();
    await cluster?.stop();
  });

  it('lists every run with its agent, models, variant, simulated label and status, and goes live', async () => {
    await visit(page, stack.dashboardUrl);
    const rows = await page.locator('[data-testid=traces-table] tbody tr').evaluateAll((elements) => elements.map((row) => row.getAttribute('data-trace-id')));
    assert.deepEqual(rows.sort(), fixtures.map((trace) => ids.get(trace.key)).sort());
    const baseline = await page.locator(`tr[data-trace-id="${ids.get('baseline')}"]`).innerText();
    for (const text of ['invoke_agent support-desk', 'support-desk', 'sim-large', 'simulated', 'baseline', 'support-api', 'ok']) {
      assert.ok(baseline.includes(text), `baseline row shows ${text}`);
    }
    assert.match(await page.locator(`tr[data-trace-id="${ids.get('in-progress')}"]`).innerText(), /in progress/);
    await page.waitForSelector('[data-testid=live-status][data-connected=true]');
  });

  it('draws a waterfall and opens a span in full', async () => {
    await visit(page, `${stack.dashboardUrl}/traces/${ids.get('optimized')}`);
    await page.getByTestId('waterfall-full').waitFor();
    await waitForCount(page.locator('[role=treeitem]'), 6);
    const categories = await page.locator('[role=treeitem]').evaluateAll((elements) => elements.map((element) => element.getAttribute('data-category')));
    assert.deepEqual(categories, ['agent', 'model', 'cache-hit', 'tool', 'tool', 'model']);
    const chat = page.locator('[role=treeitem]').filter({ has: page.locator('.wf-label', { hasText: /^chat sim-small$/ }) }).nth(1);
    const detail = await openSpan(page, chat);
    const text = await detail.innerText();
    for (const expected of ['chat sim-small', 'Model call', 'gen_ai.usage.cache_read.input_tokens', 'support-api']) assert.ok(text.includes(expected), `detail shows ${expected}`);
    await stack.screenshot(page, 'waterfall-postgres');
  });
});
