// Every long-running command stops itself and everything it started when any process of its chain is asked to
// stop, the `npm run` wrapper included (npm dies on SIGTERM without passing it on): the ports are free after.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from '@hotpath/dashboard/launcher';
import { descendants, eventually, isRunning } from '../src/harness/process-tree.ts';
import { externalAddress, portAnswers } from '../src/harness/ports.ts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const started: { child: ChildProcess; pids: () => number[] }[] = [];
const folders: string[] = [];

/** Starts `npm <args>` in `cwd` and waits until its output matches `ready`; the pids below npm are kept for clean-up. */
async function startNpm(cwd: string, args: string[], ready: RegExp): Promise<{ npm: ChildProcess; output: () => string }> {
  const npm = spawn('npm', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let below: number[] = [];
  started.push({ child: npm, pids: () => below });
  npm.stdout!.on('data', (chunk) => (output += chunk));
  npm.stderr!.on('data', (chunk) => (output += chunk));
  await eventually(() => {
    if (npm.exitCode !== null) throw new Error(`npm ${args.join(' ')} exited (${npm.exitCode}) before it was ready:\n${output}`);
    return ready.test(output);
  }, `npm ${args.join(' ')} to print ${ready}`, 120_000).catch((error: Error) => {
    throw new Error(`${error.message}\n${output}`);
  });
  below = descendants(npm.pid!).map((process) => process.pid);
  return { npm, output: () => output };
}

const stoppedAll = async (pids: number[], ports: number[]) => {
  await eventually(async () => (await Promise.all(ports.map((port) => portAnswers(port)))).every((answers) => !answers), `ports ${ports.join(', ')} to be free`);
  await eventually(() => pids.every((pid) => !isRunning(pid)), 'every process of the chain to exit');
};

const demoArgs = async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'hotpath-signals-'));
  folders.push(dataDir);
  const [collectorPort, dashboardPort] = [await freePort(), await freePort()];
  const args = ['run', 'demo', '--', '--tasks', 'lookup-overview-ada', '--collector-port', String(collectorPort), '--dashboard-port', String(dashboardPort), '--data-dir', dataDir];
  return { args, ports: [collectorPort, dashboardPort] };
};

describe('stopping long-running commands', { concurrency: true }, () => {
  after(() => {
    for (const { child, pids } of started) for (const pid of [child.pid!, ...pids()]) if (isRunning(pid)) process.kill(pid, 'SIGKILL');
    for (const folder of folders) rmSync(folder, { recursive: true, force: true });
  });

  it('collector: SIGTERM to the pid of `npm start` frees its port', async () => {
    const port = await freePort();
    const { npm } = await startNpm(join(ROOT, 'collector'), ['start', '--', '--port', String(port), '--db', ':memory:'], /listening on/);
    const pids = descendants(npm.pid!).map((process) => process.pid);
    assert.equal(await portAnswers(port), true);
    npm.kill('SIGTERM');
    await stoppedAll(pids, [port]);
  });

  it('demo: SIGTERM to the pid of `npm run demo` stops the demo, next-server and the collector', async () => {
    const { args, ports } = await demoArgs();
    const { npm, output } = await startNpm(ROOT, args, /dashboard +http/);
    const pids = descendants(npm.pid!).map((process) => process.pid);
    assert.ok(descendants(npm.pid!).some((process) => /next-server|next start|server\.js/.test(process.command)), 'next-server runs below npm');
    const external = externalAddress();
    for (const port of external ? ports : []) assert.equal(await portAnswers(port, external), false, `port ${port} is loopback only`);
    npm.kill('SIGTERM');
    await stoppedAll(pids, ports);
    await eventually(() => /stopped cleanly/.test(output()), 'the demo to say it stopped cleanly');
  });

  it('demo: SIGTERM to next-server stops the whole demo', async () => {
    const { args, ports } = await demoArgs();
    const { npm, output } = await startNpm(ROOT, args, /dashboard +http/);
    const pids = descendants(npm.pid!).map((process) => process.pid);
    const next = descendants(npm.pid!).find((process) => /next-server|next start|server\.js/.test(process.command))!;
    process.kill(next.pid, 'SIGTERM');
    await stoppedAll(pids, ports);
    assert.match(output(), /stopping \(the dashboard server exited\)…\s+stopped cleanly/);
  });
});
