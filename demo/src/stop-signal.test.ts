import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./stop-signal.test-support.ts', import.meta.url));

/** Starts the support process, sends `signals` once it serves (100 ms apart), and returns its output and exit. */
async function stopWith(signals: NodeJS.Signals[], stopMs = 300): Promise<{ output: string; code: number | null }> {
  const child = spawn(process.execPath, ['--conditions=@hotpath/source', '--import', 'tsx', script], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, STOP_MS: String(stopMs) } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    if (output === 'serving\n') {
      signals.forEach((signal, index) => setTimeout(() => child.kill(signal), index * 100));
    }
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', (exitCode) => resolve(exitCode)));
  return { output, code };
}

describe('untilStopSignal', { concurrency: true }, () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`lets the stop finish on ${signal}, though @openai/agents' tracing exits on signals nobody else listens for`, async () => {
      const { output, code } = await stopWith([signal]);
      assert.equal(output, `serving\nstopping on ${signal}\nstopped cleanly\n`);
      assert.equal(code, 0);
    });
  }

  it('forces the exit on a second signal while stopping', async () => {
    const { output, code } = await stopWith(['SIGTERM', 'SIGTERM'], 5_000);
    assert.equal(output, 'serving\nstopping on SIGTERM\n');
    assert.equal(code, 143);
  });
});
