// Runs one of the workspace's TypeScript commands (the demo, the viewer) for the README's npm scripts: set-up
// first (skipped when nothing changed), then the command in its own node process, stopped as a whole.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { installDependencies } from './setup.mjs';

/**
 * Starts `node <entry> ...args` with TypeScript through tsx and the workspace's packages resolved to their sources,
 * in the folder `npm run` was started from (INIT_CWD), so relative paths the user gives mean what they expect.
 * Stop requests reach the command once: it runs in its own process group (a terminal's Ctrl-C reaches this
 * wrapper, which passes it on, instead of reaching the command twice, a second Ctrl-C meaning "force"); SIGTERM
 * and SIGHUP are passed on; and since `npm run` dies on SIGTERM without passing it on, the command is stopped
 * when this wrapper's parent has gone. The command watches this wrapper the same way (@hotpath/collector/lifecycle).
 *
 * @example
 * runWorkspaceCommand(join(root, 'demo', 'src', 'main.ts'), process.argv.slice(2), 'demo');
 */
export function runWorkspaceCommand(entry, args, name) {
  try {
    installDependencies();
  } catch (error) {
    console.error(`${name} set-up failed: ${error.message}`);
    process.exit(1);
  }
  // The workspace root's tsx by absolute URL, so the command can run from any folder.
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const child = spawn(process.execPath, ['--conditions=@hotpath/source', '--import', tsx, entry, ...args], {
    stdio: 'inherit',
    cwd,
    detached: true,
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  const parent = process.ppid;
  const watch = setInterval(() => {
    if (process.ppid === parent) return;
    clearInterval(watch);
    child.kill('SIGTERM');
  }, 250).unref();
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}
