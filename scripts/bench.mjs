#!/usr/bin/env node
// `npm run bench`: the agent-loop benchmark (bench/src/main.ts) with set-up first, like the demo: no pnpm needed on
// the PATH. `npm run bench -- --help` lists its flags.
import { join } from 'node:path';
import { root } from './setup.mjs';
import { runWorkspaceCommand } from './workspace-command.mjs';

runWorkspaceCommand(join(root, 'bench', 'src', 'main.ts'), process.argv.slice(2), 'bench');
