// Every server the project starts listens on loopback unless told otherwise: started with its defaults it answers
// on 127.0.0.1 and not on this machine's network address; the flag that widens it does. (The demo and the viewer
// are checked the same way in signals.test.ts and serve.test.ts.)
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DASHBOARD_DIR, ensureDashboardBuild, freePort, startDashboard } from '@hotpath/dashboard/launcher';
import { startSimulatedServer } from '@hotpath/simulator';
import { externalAddress, portAnswers } from '../src/harness/ports.ts';
import { eventually } from '../src/harness/process-tree.ts';

const external = externalAddress();
const skip = external === undefined ? 'this machine has no non-loopback IPv4 address to try' : false;
const folders: string[] = [];
const children: ChildProcess[] = [];

/** Answers on 127.0.0.1 and whether it answers on the network address too. */
async function reach(port: number): Promise<{ loopback: boolean; network: boolean }> {
  return { loopback: await portAnswers(port), network: await portAnswers(port, external!) };
}

describe('loopback by default', { skip }, () => {
  after(() => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('the collector', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'hotpath-loopback-'));
    folders.push(dataDir);
    const specifier: string = '@hotpath/collector'; // computed, as in stack.ts: this package's typecheck has the DOM library
    const { startCollector } = (await import(specifier)) as { startCollector(options: object): Promise<{ url: string; close(): Promise<void> }> };
    const collector = await startCollector({ port: 0, dataDir });
    try {
      assert.deepEqual(await reach(Number(new URL(collector.url).port)), { loopback: true, network: false });
    } finally {
      await collector.close();
    }
  });

  it('the simulated model server', async () => {
    const server = await startSimulatedServer({ port: 0 });
    try {
      assert.deepEqual(await reach(Number(new URL(server.baseURL).port)), { loopback: true, network: false });
    } finally {
      await server.close();
    }
  });

  it('the dashboard launcher, and with a host given it listens there', async () => {
    ensureDashboardBuild();
    const collectorUrl = `http://127.0.0.1:${await freePort()}`;
    const narrow = await startDashboard({ collectorUrl });
    try {
      assert.deepEqual(await reach(Number(new URL(narrow.url).port)), { loopback: true, network: false });
    } finally {
      await narrow.close();
    }
    const wide = await startDashboard({ collectorUrl, host: '0.0.0.0' });
    try {
      assert.equal((await reach(Number(new URL(wide.url).port))).network, true);
    } finally {
      await wide.close();
    }
  });

  it("the dashboard package's npm start, and -H 0.0.0.0 widens it", async () => {
    ensureDashboardBuild();
    const start = async (extra: string[]) => {
      const port = await freePort();
      const child = spawn('npm', ['start', '--', '-p', String(port), ...extra], { cwd: DASHBOARD_DIR, stdio: 'ignore', detached: true });
      children.push(child);
      await eventually(() => portAnswers(port), `npm start ${extra.join(' ')} to answer`, 60_000);
      const seen = await reach(port);
      process.kill(-child.pid!, 'SIGTERM');
      return seen;
    };
    assert.deepEqual(await start([]), { loopback: true, network: false });
    assert.equal((await start(['-H', '0.0.0.0'])).network, true);
  });
});
