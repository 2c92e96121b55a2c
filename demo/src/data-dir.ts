// The demo's data folder must be usable before any server starts: a folder that cannot be made or written would
// otherwise end in SQLite's stack trace after the collector, dashboard and model server are up.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { DemoOptionsError } from './demo-options.ts';

/**
 * Makes the folder (and its parents) if needed and checks it can be written, else throws a DemoOptionsError
 * naming the flag.
 *
 * @example
 * prepareDataDir('/home/me/hotpath-data');
 */
export function prepareDataDir(path: string): void {
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw Object.assign(new Error('not a folder'), { code: 'ENOTDIR' });
    accessSync(path, constants.W_OK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new DemoOptionsError(`--data-dir: cannot use ${path} as the data folder (${reason}); expected a folder that can be created and written`);
  }
}
