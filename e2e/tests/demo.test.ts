// The README's main command, started the way a newcomer starts it (`npm run demo`), on free ports and a subset of
// the workload: both runs arrive, the terminal shows the speedup and the span tree, and the comparison it links to
// shows both waterfalls and the speedup in Chromium. Ctrl-C then stops everything cleanly.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@hotpath/dashboard/launcher';
import { launchBrowser, type RunningBrowser } from '../src/harness/browser.ts';
import { settle } from '../src/harness/visit.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** One independent-lookup task and one dependent chain: every kind of span, in well under a minute. */
const TASKS = 'lookup-overview-ada,chain-where-O-5002';

let demo: ChildProcess;
let output = '';
let dataDir: string;
let browser: RunningBrowser;
let collectorUrl: string;

function waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = output.match(pattern);
      if (match) {
        clearInterval(timer);
        clearTimeout(deadline);
        resolve(match);
      }
    };
    const timer = setInterval(check, 100);
    const deadline = setTimeout(() => {
      clearInterval(timer);
      reject(new Error(`the demo did not print ${pattern} within ${timeoutMs} ms; it printed:\n${output}`));
    }, timeoutMs);
    demo.once('exit', (code) => {
      clearInterval(timer);
      clearTimeout(deadline);
      if (!output.match(pattern)) reject(new Error(`the demo exited (${code}) before printing ${pattern}:\n${output}`));
    });
  });
}

describe('the one-command demo', () => {
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hotpath-demo-'));
    const [collectorPort, dashboardPort] = [await freePort(), await freePort()];
    demo = spawn('npm', ['run', 'demo', '--', '--tasks', TASKS, '--collector-port', String(collectorPort), '--dashboard-port', String(dashboardPort), '--data-dir', dataDir], {
      cwd: ROOT,
      // Its own process group, so Ctrl-C can be sent the way a terminal sends it: to the whole group.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    demo.stdout!.on('data', (chunk) => (output += chunk));
    demo.stderr!.on('data', (chunk) => (output += chunk));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    if (demo && demo.exitCode === null && demo.signalCode === null) process.kill(-demo.pid!, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs baseline and optimized, prints the speedup and a span tree, and links to a comparison showing both waterfalls', async () => {
    const [, url] = await waitForOutput(/compare the two runs: (http:\/\/\S+)/, 240_000);
    collectorUrl = output.match(/collector +(http:\/\/\S+)/)![1]!;
    assert.match(output, /optimized vs baseline: \d+\.\d+× faster in total/);
    assert.match(output, /correct answers 2\/2 vs 2\/2/);
    assert.match(output, /optimized is the agent fitted to this workload.*run npm run bench/); // the fitted figure is labelled
    assert.match(output, /spans exported: \d+, lost: 0/);
    assert.match(output, /├─ chat sim-small/);
    assert.match(output, /execute_tool get_customer .*prefetched/);
    assert.match(output, /serving until Ctrl-C/);

    const page = await browser.context.newPage();
    await page.goto(url!);
    await settle(page);
    const speedup = await page.getByTestId('compare-speedup').innerText();
    assert.match(speedup, /\d+\.\d+× faster/);
    assert.match(speedup, /simulated/);
    // Each side: the workload span and, per task, an agent span with its model and tool spans below it.
    // (Optimized may hold more: speculative prefetches the model did not need still show as tool spans.)
    await page.waitForFunction(() =>
      ['a', 'b'].every((side) => document.querySelectorAll(`[data-testid=compare-${side}] [role=treeitem]`).length >= 11),
    );
    for (const side of ['compare-a', 'compare-b']) {
      const text = await page.getByTestId(side).innerText();
      assert.match(text, /invoke_agent workload/);
      assert.match(text, /execute_tool get_shipment/);
    }
    await page.screenshot({ path: join(ROOT, 'e2e', 'artifacts', 'demo-compare.png'), fullPage: true });
  });

  it('stops everything cleanly on Ctrl-C', async () => {
    // 'close': every process of the group has let go of the output, not just npm.
    const closed = new Promise<void>((resolve) => demo.once('close', () => resolve()));
    process.kill(-demo.pid!, 'SIGINT');
    await closed;
    assert.match(output, /stopping \(SIGINT\)…\s+stopped cleanly/);
    await assert.rejects(fetch(`${collectorUrl}/api/health`), 'the collector no longer listens');
  });
});
