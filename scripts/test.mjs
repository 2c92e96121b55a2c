#!/usr/bin/env node
// The README's test command: sets up what it needs, runs every package's tests with node's test runner,
// and ends with one line of totals across packages.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { root, installDependencies, ensureChromium } from './setup.mjs';

installDependencies();
ensureChromium();

const packages = ['simulator', 'sdk', 'collector', 'bench', 'demo', 'dashboard', 'e2e'];
const tapDir = mkdtempSync(join(tmpdir(), 'hotpath-tests-'));
let passed = 0;
let failed = 0;
let skipped = 0;
const failures = [];
const started = Date.now();
for (const name of packages) {
  const pkg = join(root, name);
  if (!existsSync(join(pkg, 'package.json'))) continue;
  const { scripts = {} } = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8'));
  if (!scripts.test) continue;
  const tap = join(tapDir, `${name}.tap`);
  console.log(`\n━━ ${name} ━━`);
  const result = spawnSync('npm', ['run', '--silent', 'test'], {
    cwd: pkg,
    stdio: 'inherit',
    env: { ...process.env, HOTPATH_TAP_FILE: tap },
  });
  const report = existsSync(tap) ? readFileSync(tap, 'utf8') : '';
  const count = (key) => Number(report.match(new RegExp(`^# ${key} (\\d+)$`, "m"))?.[1] ?? 0);
  const p = count('pass');
  const f = count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
  passed += p;
  failed += f;
  if (result.status !== 0 && f === 0) {
    // A crash before any test reported (or a test file that failed to load) still counts as a failure.
    failed += 1;
    failures.push(`${name} (exit ${result.status ?? result.signal})`);
  } else if (f > 0) failures.push(`${name} (${f} failed)`);
}
const seconds = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length) console.log(`\nfailing packages: ${failures.join(', ')}`);
console.log(`\nall packages in ${seconds}s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
