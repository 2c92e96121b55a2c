import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exitCodes } from './exit-codes.ts';

const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));

/** Runs the CLI until it exits (or is stopped after `timeoutMs`): exit code and what it wrote to stderr. */
export function runCli(args: string[], options: { uid?: number; gid?: number; timeoutMs?: number } = {}): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'ignore', 'pipe'], uid: options.uid, gid: options.gid });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe('collector command line failures', () => {
  it('says the port is taken and exits with its own code', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as AddressInfo).port;
    try {
      const { code, stderr } = await runCli(['--port', String(port), '--db', ':memory:']);
      assert.equal(code, exitCodes.portUnavailable);
      assert.match(stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is in use by another process`));
      assert.doesNotMatch(stderr, /\n\s+at /, 'no stack trace');
    } finally {
      blocker.close();
    }
  });
});
