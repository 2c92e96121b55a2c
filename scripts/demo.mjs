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
const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'demo', 'src', 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  // From the demo package so `--import tsx` resolves; relative paths the user gave stay relative to where they ran it.
  cwd: join(root, 'demo'),
  env: { ...process.env, HOTPATH_DEMO_CWD: process.cwd() },
});
// Ctrl-C reaches the whole process group, the demo included: passing SIGINT on would make it a second Ctrl-C
// (a forced stop). SIGTERM is usually sent to this process alone, so it is passed on.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => child.kill('SIGTERM'));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
