#!/usr/bin/env node
// Runs every `*.test.ts` (and `*.test.mjs`) under the given folders with node's own test runner, TypeScript
// through tsx, printing the spec report and writing a TAP copy so scripts/test.mjs can add up the counts across
// packages. Source maps are on, so a failure names the line of the .ts file rather than of tsx's output.
// Node 20's `--test` takes no globs, hence the walk.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { spawn } from 'node:child_process';

const roots = process.argv.slice(2);
if (roots.length === 0) roots.push('src');
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.test\.(ts|mts|mjs)$/.test(name)) files.push(path);
  }
};
for (const root of roots) {
  if (!existsSync(root)) continue;
  if (statSync(root).isDirectory()) walk(resolve(root));
  else files.push(resolve(root)); // one file, to run a single test file the same way
}
files.sort();
if (files.length === 0) {
  console.log(`no test files under ${roots.join(', ')}`);
  process.exit(0);
}
// The workspace root's tsx by absolute URL: test files anywhere (a package, scripts/, a temp folder) load alike.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
// `--conditions`: workspace packages resolve to their TypeScript sources, not to a built dist/. In NODE_OPTIONS too,
// so every node process a test starts (a CLI under test, a worker) resolves them the same way.
const SOURCE_CONDITION = '--conditions=@hotpath/source';
const nodeOptions = process.env.NODE_OPTIONS ?? '';
const env = { ...process.env, NODE_OPTIONS: nodeOptions.includes(SOURCE_CONDITION) ? nodeOptions : `${nodeOptions} ${SOURCE_CONDITION}`.trim() };
const args = ['--enable-source-maps', '--import', tsx, '--test', '--test-reporter=spec', '--test-reporter-destination=stdout'];
if (process.env.HOTPATH_TAP_FILE) {
  args.push('--test-reporter=tap', `--test-reporter-destination=${process.env.HOTPATH_TAP_FILE}`);
}
if (process.env.HOTPATH_TEST_CONCURRENCY) args.push(`--test-concurrency=${process.env.HOTPATH_TEST_CONCURRENCY}`);
const child = spawn(process.execPath, [...args, ...files], { stdio: 'inherit', env });
// A stop asked of this process (Ctrl-C reaches the whole group anyway) is passed on, so no test file is left behind.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
