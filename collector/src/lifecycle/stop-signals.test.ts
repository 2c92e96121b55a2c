import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const support = fileURLToPath(new URL('./stop-signals.test-support.ts', import.meta.url));

function start(args: string[], env: Record<string, string> = {}): { child: ChildProcess; output: () => string; until: (text: string) => Promise<void> } {
  const child = spawn(process.execPath, ['--import', 'tsx', support, ...args], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } });
  let output = '';
  const waiting: [string, () => void][] = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    for (const [text, resolve] of waiting) if (output.includes(text)) resolve();
  });
  return {
    child,
    output: () => output,
    until: (text) => new Promise((resolve) => (output.includes(text) ? resolve() : waiting.push([text, resolve]))),
  };
}
const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('untilStopSignal', { concurrency: true }, () => {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    it(`lets the stop finish on ${signal}`, async () => {
      const run = start(['serve']);
      await run.until('serving\n');
      run.child.kill(signal);
      assert.equal(await exited(run.child), 0);
      assert.equal(run.output(), `serving\nstopping on ${signal}\nstopped cleanly\n`);
    });
  }

  it('forces the exit on a second signal while stopping', async () => {
    const run = start(['serve'], { STOP_MS: '10000' });
    await run.until('serving\n');
    run.child.kill('SIGTERM');
    await run.until('stopping on SIGTERM\n');
    run.child.kill('SIGHUP');
    assert.equal(await exited(run.child), 129);
    assert.equal(run.output(), 'serving\nstopping on SIGTERM\n');
  });

  it('stops when the parent process has gone, even killed outright', async () => {
    const parent = start(['parent', 'serve']);
    await parent.until('serving\n');
    const childPid = Number(/child (\d+)/.exec(parent.output())![1]);
    parent.child.kill('SIGKILL');
    await parent.until('stopped cleanly\n');
    assert.match(parent.output(), /stopping on parent exited\nstopped cleanly\n/);
    for (let tries = 0; isRunning(childPid) && tries < 40; tries++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.equal(isRunning(childPid), false);
  });
});

describe('exitWithParentImport', () => {
  it('stops a process that runs none of our code with SIGTERM once its parent has gone', async () => {
    const parent = start(['parent', 'foreign']);
    await parent.until('serving\n');
    parent.child.kill('SIGKILL');
    await parent.until('foreign got SIGTERM\n');
  });
});
