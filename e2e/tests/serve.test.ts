// `npm run serve` opens what an earlier run collected: a collector that stored traces is stopped, then the viewer
// started on the same data folder serves them in the query API and the dashboard; SIGTERM to the npm pid then
// stops both servers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@hotpath/dashboard/launcher';
import { standardFixtures } from '../src/fixtures/agent-run-fixtures.ts';
import { sendFixtures } from '../src/fixtures/send-fixtures.ts';
import { descendants, eventually, isRunning } from '../src/harness/process-tree.ts';
import { externalAddress, portAnswers } from '../src/harness/ports.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
let dataDir: string;
let ids: Map<string, string>;
let npm: ChildProcess | undefined;
let output = '';

describe('npm run serve', () => {
  before(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'hotpath-serve-'));
    // The collector loaded by a computed specifier, as in stack.ts: this package's typecheck has the DOM library.
    const specifier: string = '@hotpath/collector';
    const { startCollector } = (await import(specifier)) as { startCollector(options: { port: number; dataDir: string }): Promise<{ url: string; close(): Promise<void> }> };
    const collector = await startCollector({ port: 0, dataDir });
    ids = await sendFixtures(collector.url, standardFixtures(Date.now()));
    await collector.close();
  });
  after(() => {
    if (npm) for (const pid of [npm.pid!, ...descendants(npm.pid!).map((process) => process.pid)]) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('serves the traces an earlier run stored, on loopback, until SIGTERM to the npm pid', async () => {
    const [port, dashboardPort] = [await freePort(), await freePort()];
    npm = spawn('npm', ['run', 'serve', '--', '--data-dir', dataDir, '--port', String(port), '--dashboard-port', String(dashboardPort)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    npm.stdout!.on('data', (chunk) => (output += chunk));
    npm.stderr!.on('data', (chunk) => (output += chunk));
    await eventually(() => {
      if (npm!.exitCode !== null) throw new Error(`npm run serve exited (${npm!.exitCode}):\n${output}`);
      return /dashboard +http/.test(output);
    }, 'the viewer to print its dashboard URL', 120_000);
    assert.match(output, new RegExp(`dashboard +http://127\\.0\\.0\\.1:${dashboardPort}`));
    const list = (await (await fetch(`http://127.0.0.1:${port}/api/traces?limit=50`)).json()) as { traces: { traceId: string }[] };
    assert.ok(list.traces.some((trace) => trace.traceId === ids.get('baseline')), 'the stored baseline run is listed');
    const page = await fetch(`http://127.0.0.1:${dashboardPort}/traces/${ids.get('baseline')}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /support-desk/);
    const external = externalAddress();
    for (const open of external ? [port, dashboardPort] : []) assert.equal(await portAnswers(open, external), false, `port ${open} is loopback only`);
    const pids = descendants(npm.pid!).map((process) => process.pid);
    npm.kill('SIGTERM');
    await eventually(async () => !(await portAnswers(port)) && !(await portAnswers(dashboardPort)), 'both ports to be free');
    await eventually(() => pids.every((pid) => !isRunning(pid)), 'every process of the viewer to exit');
  });
});
