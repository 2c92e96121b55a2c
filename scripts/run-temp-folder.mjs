// One temp folder per run of a command, handed to its child processes as TMPDIR, so every `hotpath-*` folder a test
// makes lands inside it and goes with it: at the end of the run, and also when the run is stopped by a signal.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STOPS = [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]];

/**
 * Makes the folder and removes it on SIGINT, SIGTERM and SIGHUP, after `beforeStop` (which should stop the
 * children that write into it), then exits with 128 + the signal's number.
 *
 * @example
 * const run = runTempFolder('hotpath-test-run-', { beforeStop: () => stopCurrentChild() });
 * spawn('npm', ['test'], { env: { ...process.env, TMPDIR: run.path } });
 * // …at the end:
 * run.remove();
 */
export function runTempFolder(prefix, { beforeStop = async () => {} } = {}) {
  const path = mkdtempSync(join(tmpdir(), prefix));
  // Traversable, not listable, by other users: tests that run a program as another user (PostgreSQL's initdb as
  // postgres, a CLI as nobody to meet a read-only folder) reach their own folders inside it.
  chmodSync(path, 0o711);
  const remove = () => rmSync(path, { recursive: true, force: true });
  for (const [signal, code] of STOPS) {
    process.on(signal, async () => {
      await beforeStop(signal);
      remove();
      process.exit(code);
    });
  }
  return { path, remove };
}
