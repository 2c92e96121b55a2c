// A collector that is up but slow is not a collector that is down: the dashboard says which. A collector process
// frozen with SIGSTOP still accepts connections but answers nothing; a collector whose query deadline is shorter
// than a query stops it and says so. Neither may read "Cannot reach the Hotpath collector".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDashboard, type RunningDashboard } from '@hotpath/dashboard/launcher';
import { largeRun } from '../src/fixtures/large-run-fixture.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { launchBrowser, type RunningBrowser } from '../src/harness/browser.ts';
import { startCollectorProcess, type CollectorProcess } from '../src/harness/collector-process.ts';
import { visit } from '../src/harness/visit.ts';

interface InProcessCollector {
  url: string;
  close(): Promise<void>;
}

/** In this process, with a query deadline (loaded by a computed specifier, as the stack harness does). */
async function startCollector(options: { port: number; dbPath: string; queryTimeoutMs?: number }): Promise<InProcessCollector> {
  const specifier: string = '@hotpath/collector';
  return ((await import(specifier)) as { startCollector(options: object): Promise<InProcessCollector> }).startCollector(options);
}

const TIMEOUT_MS = 2_000;
let dataDir: string;
let frozen: CollectorProcess;
let normal: InProcessCollector;
let hurried: InProcessCollector;
let dashboards: RunningDashboard[] = [];
let browser: RunningBrowser;
let traceId: string;

describe('a slow collector', () => {
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hotpath-e2e-slow-'));
    frozen = await startCollectorProcess(join(dataDir, 'frozen'));
    normal = await startCollector({ port: 0, dbPath: join(dataDir, 'shared.sqlite') });
    traceId = (await sendFixtures(normal.url, [largeRun(Date.now() - 60_000, 3_000)])).get('large')!;
    // A second collector on the same database, whose read deadline no query can meet.
    hurried = await startCollector({ port: 0, dbPath: join(dataDir, 'shared.sqlite'), queryTimeoutMs: 1 });
    const env = { HOTPATH_COLLECTOR_TIMEOUT_MS: String(TIMEOUT_MS) };
    dashboards = await Promise.all([startDashboard({ collectorUrl: frozen.url, env }), startDashboard({ collectorUrl: hurried.url, env })]);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await Promise.all(dashboards.map((dashboard) => dashboard.close()));
    await frozen?.close();
    await hurried?.close();
    await normal?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says a frozen collector is up but not answering, on the pages and in the proxy', async () => {
    frozen.freeze();
    try {
      const page = await browser.context.newPage();
      for (const path of ['/', `/traces/${'a'.repeat(32)}`]) {
        await visit(page, `${dashboards[0]!.url}${path}`);
        const message = page.getByTestId('collector-error');
        assert.equal(await message.getAttribute('data-kind'), 'slow', path);
        assert.match(await message.innerText(), /up but too slow to answer/i);
        assert.doesNotMatch(await message.innerText(), /Cannot reach/);
      }
      const proxied = await fetch(`${dashboards[0]!.url}/api/collector/traces`);
      assert.equal(proxied.status, 504);
      assert.equal(((await proxied.json()) as { error: { code: string } }).error.code, 'collector_slow');
      await page.close();
    } finally {
      frozen.thaw();
    }
  });

  it('says a query took the collector too long when it stopped one', async () => {
    const page = await browser.context.newPage();
    await visit(page, `${dashboards[1]!.url}/traces/${traceId}`);
    const message = page.getByTestId('collector-error');
    assert.equal(await message.getAttribute('data-kind'), 'query-timeout');
    assert.match(await message.innerText(), /took the collector too long/);
    await page.close();
  });
});
