#!/usr/bin/env node
// Runs every `*.test.ts` under the given folders with node's own test runner (through tsx), printing the spec
// report and writing a TAP copy so scripts/test.mjs can add up the counts across packages.
// Node 20's `--test` takes no globs, hence the walk.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';

const roots = process.argv.slice(2);
if (roots.length === 0) roots.push('src');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (name.endsWith('.test.ts') || name.endsWith('.test.mts')) files.push(path);
  }
};
for (const root of roots) if (existsSync(root)) walk(resolve(root));
files.sort();
if (files.length === 0) {
  console.log(`no test files under ${roots.join(', ')}`);
  process.exit(0);
}
const args = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-reporter-destination=stdout'];
if (process.env.HOTPATH_TAP_FILE) {
  args.push('--test-reporter=tap', `--test-reporter-destination=${process.env.HOTPATH_TAP_FILE}`);
}
if (process.env.HOTPATH_TEST_CONCURRENCY) args.push(`--test-concurrency=${process.env.HOTPATH_TEST_CONCURRENCY}`);
const result = spawnSync(process.execPath, [...args, ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
