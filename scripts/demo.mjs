#!/usr/bin/env node
// The README's main command: set up (pnpm, dependencies; skipped when nothing changed), then run the demo, which
// builds the dashboard when its sources changed and serves until Ctrl-C.
import { join } from 'node:path';
import { root } from './setup.mjs';
import { runWorkspaceCommand } from './workspace-command.mjs';

runWorkspaceCommand(join(root, 'demo', 'src', 'main.ts'), process.argv.slice(2), 'demo');
