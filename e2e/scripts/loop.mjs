#!/usr/bin/env node
// Runs the e2e suite many times in a row, optionally beside a CPU burner on every core, to show it is not flaky on a
// loaded machine: `npm run test:loop -- --runs 10 --burn`. Prints each run's counts and failed tests (file:line)
// and a total; exits 1 if any run failed.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { tapFailures } from '../../scripts/tap-failures.mjs';

const e2eDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { runs: { type: 'string', default: '10' }, burn: { type: 'boolean', default: false } } });
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`--runs: expected a whole number ≥ 1, got ${JSON.stringify(values.runs)}`);
  process.exit(2);
}
const workDir = mkdtempSync(join(tmpdir(), 'hotpath-e2e-loop-'));
// One busy process per core: the suite then competes for CPU as it does on a shared CI machine.
const burners = values.burn
  ? Array.from({ length: availableParallelism() }, () => spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }))
  : [];
let current = null;
const stop = () => {
  for (const burner of burners) burner.kill('SIGKILL');
  current?.kill('SIGTERM');
  rmSync(workDir, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => (stop(), process.exit(130)));

let failedRuns = 0;
const totals = { pass: 0, fail: 0 };
console.log(`e2e loop: ${runs} runs${burners.length ? `, with ${burners.length} CPU burners` : ''}`);
for (let run = 1; run <= runs; run++) {
  const tap = join(workDir, `run-${run}.tap`);
  const started = Date.now();
  const log = [];
  const code = await new Promise((resolve) => {
    current = spawn('npm', ['run', '--silent', 'test'], { cwd: e2eDir, env: { ...process.env, HOTPATH_TAP_FILE: tap }, stdio: ['ignore', 'pipe', 'pipe'] });
    current.stdout.on('data', (chunk) => log.push(chunk));
    current.stderr.on('data', (chunk) => log.push(chunk));
    current.once('close', (exitCode) => resolve(exitCode));
  });
  const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (key) => Number(report.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  const [pass, fail] = [count('pass'), count('fail') + count('cancelled')];
  totals.pass += pass;
  totals.fail += fail;
  const ok = code === 0 && fail === 0;
  if (!ok) failedRuns += 1;
  console.log(`run ${run}/${runs}: ${pass} passed, ${fail} failed, exit ${code} (${((Date.now() - started) / 1000).toFixed(0)} s)`);
  for (const failure of tapFailures(report)) console.log(`  ✖ ${failure.where}  ${failure.name}\n      ${failure.message}`);
  if (!ok && fail === 0) console.log(Buffer.concat(log).toString().split('\n').slice(-30).join('\n'));
}
stop();
console.log(`\n${runs} runs: ${failedRuns} failed; ${totals.pass} tests passed, ${totals.fail} failed in all`);
process.exit(failedRuns > 0 ? 1 : 0);
