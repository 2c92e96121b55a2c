// A process for run-temp-folder.test.mjs: a run whose child makes temp folders the way tests do, then waits to be
// stopped (or, with `end`, finishes and removes the folder itself once told on stdin).
import { spawn } from 'node:child_process';
import { runTempFolder } from './run-temp-folder.mjs';

let child = null;
const run = runTempFolder('hotpath-temp-check-', {
  beforeStop: (signal) => new Promise((resolve) => (child ? (child.once('close', resolve), child.kill(signal)) : resolve())),
});
child = spawn(process.execPath, ['-e', `
  const { mkdtempSync } = require('node:fs');
  const { join } = require('node:path');
  const { tmpdir } = require('node:os');
  mkdtempSync(join(tmpdir(), 'hotpath-hash-'));
  mkdtempSync(join(tmpdir(), 'hotpath-tests-'));
  console.log('made');
  setTimeout(() => {}, 60000);
`], { env: { ...process.env, TMPDIR: run.path }, stdio: ['ignore', 'pipe', 'inherit'] });
child.stdout.once('data', () => {
  process.stdout.write(`${run.path}\n`);
  if (process.argv[2] === 'end') {
    process.stdin.once('data', () => {
      child.kill();
      child.once('close', () => {
        run.remove();
        process.exit(0);
      });
    });
  }
});
