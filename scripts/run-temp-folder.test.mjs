import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const support = fileURLToPath(new URL('./run-temp-folder.test-support.mjs', import.meta.url));

/**
 * Starts the support run, waits until its child made its folders, then signals it (or, without a signal, tells it on
 * stdin to end by itself, so the folders are read before they go); its folder and exit.
 */
async function runUntil(signal) {
  const child = spawn(process.execPath, [support, ...(signal ? [] : ['end'])], { stdio: ['pipe', 'pipe', 'inherit'] });
  const path = await new Promise((resolve) => child.stdout.once('data', (chunk) => resolve(String(chunk).trim())));
  assert.deepEqual(readdirSync(path).map((name) => name.replace(/-\w+$/, '')).sort(), ['hotpath-hash', 'hotpath-tests']);
  if (signal) child.kill(signal);
  else child.stdin.end('end\n');
  const code = await new Promise((resolve) => child.once('close', resolve));
  return { path, code };
}

describe('run temp folder', () => {
  it('holds the temp folders of the run and is gone when the run ends', async () => {
    const { path, code } = await runUntil(undefined);
    assert.equal(code, 0);
    assert.equal(existsSync(path), false);
  });

  for (const [signal, exitCode] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]]) {
    it(`is gone after ${signal}, once the child writing into it has stopped`, async () => {
      const { path, code } = await runUntil(signal);
      assert.equal(code, exitCode);
      assert.equal(existsSync(path), false);
    });
  }
});
