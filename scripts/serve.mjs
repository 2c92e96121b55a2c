#!/usr/bin/env node
// `npm run serve`: browse what was collected — the viewer (@hotpath/collector's one command: the collector over the
// existing SQLite data and the dashboard, on loopback) from the workspace's sources. `npm run serve -- --help`.
import { join } from 'node:path';
import { root } from './setup.mjs';
import { runWorkspaceCommand } from './workspace-command.mjs';

runWorkspaceCommand(join(root, 'collector', 'src', 'serve', 'viewer-cli.ts'), process.argv.slice(2), 'serve');
