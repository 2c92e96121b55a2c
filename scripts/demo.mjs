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
const tsx = join(root, 'demo', 'node_modules', '.bin', 'tsx');
const child = spawn(tsx, [join(root, 'demo', 'src', 'main.ts'), ...process.argv.slice(2)], { stdio: 'inherit', cwd: root });
// Ctrl-C reaches the whole process group; a signal sent to this process alone is passed on.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
