#!/usr/bin/env node
// The README's main command: set up (pnpm, dependencies; skipped when nothing changed), then run the demo, which
// builds the dashboard when its sources changed and serves until Ctrl-C.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root, installDependencies } from './setup.mjs';

try {
  installDependencies();
} catch (error) {
  console.error(`demo set-up failed: ${error.message}`);
  process.exit(1);
}
// `--conditions`: workspace packages resolve to their TypeScript sources, not to their built dist/.
const child = spawn(process.execPath, ['--conditions=@hotpath/source', '--import', 'tsx', join(root, 'demo', 'src', 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  // From the demo package so `--import tsx` resolves; relative paths the user gave stay relative to where they ran it.
  cwd: join(root, 'demo'),
  env: { ...process.env, HOTPATH_DEMO_CWD: process.cwd() },
  // Its own process group: a terminal's Ctrl-C reaches this process, which passes it on once, instead of reaching
  // the demo twice (a second Ctrl-C means "force").
  detached: true,
});
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
// `npm run` dies on SIGTERM without passing it on: when this process's parent has gone, the demo is stopped too.
// (The demo itself watches this process the same way, through @hotpath/collector's watchParent.)
const parent = process.ppid;
const watch = setInterval(() => {
  if (process.ppid === parent) return;
  clearInterval(watch);
  child.kill('SIGTERM');
}, 250).unref();
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
