#!/usr/bin/env node
// The README's test command: sets up what it needs, type-checks the workspace (`tsc -b`, counted as one test),
// runs every package's tests with node's test runner, and ends with the failed tests (file:line) and one line of
// totals across packages. Every temp folder the tests make lives under one folder of this run, removed at the end,
// also after Ctrl-C.
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawn } from 'node:child_process';
import { root, installDependencies, ensureChromium } from './setup.mjs';
import { ensurePostgres } from './ensure-postgres.mjs';
import { runTempFolder } from './run-temp-folder.mjs';
import { tapFailures } from './tap-failures.mjs';

let current = null;
const runDir = runTempFolder('hotpath-test-run-', {
  // Ctrl-C reaches the whole process group; a signal sent to this process alone is passed on.
  beforeStop: (signal) => new Promise((resolve) => (current ? (current.once('close', resolve), current.kill(signal)) : resolve())),
});

/** Runs a command with the run's temp folder as TMPDIR, output passed through; resolves to its exit code. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    current = spawn(command, args, { stdio: 'inherit', ...options, env: { ...process.env, ...options.env, TMPDIR: runDir.path } });
    current.once('error', () => resolve(1));
    current.once('close', (code, signal) => {
      current = null;
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

try {
  installDependencies();
  ensureChromium();
  ensurePostgres();
} catch (error) {
  console.error(error.message);
  runDir.remove();
  process.exit(1);
}

// `npm test -- sdk e2e` runs only those (`typecheck` and `scripts` are names too); no names: everything.
const only = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);

let passed = 0;
let failed = 0;
let skipped = 0;
const failingPackages = [];
const failedTests = [];
const started = Date.now();
const timings = [];

if (wanted('typecheck')) {
  console.log('\n━━ typecheck (tsc -b) ━━');
  const typecheckStarted = Date.now();
  if ((await run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-b'], { cwd: root })) === 0) {
    passed += 1;
    console.log(`✔ the whole workspace type-checks (${((Date.now() - typecheckStarted) / 1000).toFixed(1)}s)`);
  } else {
    failed += 1;
    failingPackages.push('typecheck');
    failedTests.push({ name: 'the whole workspace type-checks', where: 'npx tsc -b (errors above)', message: '' });
  }
}

const suites = [
  { name: 'scripts', cwd: root, command: [process.execPath, [join(root, 'scripts', 'run-node-tests.mjs'), 'scripts']] },
  ...['simulator', 'sdk', 'collector', 'bench', 'demo', 'dashboard', 'e2e'].flatMap((name) => {
    const pkg = join(root, name);
    if (!existsSync(join(pkg, 'package.json'))) return [];
    const { scripts = {} } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
    return scripts.test ? [{ name, cwd: pkg, command: ['npm', ['run', '--silent', 'test']] }] : [];
  }),
  // Last: packs the published packages and installs them with plain npm (reusing the dashboard build e2e made).
  { name: 'packaging', cwd: root, command: [process.execPath, [join(root, 'scripts', 'run-node-tests.mjs'), 'packaging']] },
];
for (const { name, cwd, command } of suites.filter(({ name }) => wanted(name))) {
  const tap = join(runDir.path, `${name}.tap`);
  console.log(`\n━━ ${name} ━━`);
  const suiteStarted = Date.now();
  // Two test files at a time where tests mostly wait (servers, timers, child processes): node's default on two
  // cores is one. Measured on the 2-core machine: sdk 77 → 57 s, collector 115 → 80 s. The browser suite keeps one,
  // so its render and timing checks never share the machine with a second Chromium.
  const concurrency = process.env.HOTPATH_TEST_CONCURRENCY ?? (name === 'e2e' || name === 'packaging' ? '1' : '2');
  const status = await run(command[0], command[1], { cwd, env: { HOTPATH_TAP_FILE: tap, HOTPATH_TEST_CONCURRENCY: concurrency } });
  timings.push(`${name} ${((Date.now() - suiteStarted) / 1000).toFixed(0)}s`);
  const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (key) => Number(report.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  const f = count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
  passed += count('pass');
  failed += f;
  failedTests.push(...tapFailures(report));
  if (status !== 0 && f === 0) {
    // A crash before any test reported (or a test file that failed to load) still counts as a failure.
    failed += 1;
    failingPackages.push(`${name} (exit ${status})`);
  } else if (f > 0) failingPackages.push(`${name} (${f} failed)`);
}
runDir.remove();
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failedTests.length > 0) {
  console.log('\nfailed tests:');
  for (const { name, where, message } of failedTests) {
    console.log(`  ✖ ${where.startsWith('/') ? relative(root, where) : where}  ${name}${message ? `\n      ${message}` : ''}`);
  }
}
if (failingPackages.length) console.log(`\nfailing: ${failingPackages.join(', ')}`);
console.log(`\nall packages in ${seconds}s (${timings.join(', ')})`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
