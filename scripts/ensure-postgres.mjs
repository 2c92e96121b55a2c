#!/usr/bin/env node
// Makes PostgreSQL's server programs (initdb, pg_ctl, postgres) available for the collector's scale-out test, which
// starts a throwaway cluster of its own. Finds Debian's (/usr/lib/postgresql/<version>/bin) or any on PATH; when
// none is there and we are root on Debian, installs the `postgresql` package quietly (output in
// .hotpath/logs/postgres.log). Exports HOTPATH_POSTGRES_BIN for the tests it runs; prints the folder when run as
// a script (nothing when PostgreSQL cannot be had, so the test skips saying why).
import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { step } from './setup.mjs';

/** The folder holding initdb and pg_ctl, newest version first, or undefined. */
export function postgresBinDir() {
  const debian = '/usr/lib/postgresql';
  if (existsSync(debian)) {
    const versions = readdirSync(debian).filter((name) => existsSync(join(debian, name, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a));
    if (versions.length > 0) return join(debian, versions[0], 'bin');
  }
  const onPath = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' }).stdout.trim();
  return onPath === '' ? undefined : onPath.replace(/\/initdb$/, '');
}

/**
 * PostgreSQL's bin folder, installing Debian's package when missing (root only); undefined when it cannot be had.
 *
 * @example
 * const bin = ensurePostgres(); // '/usr/lib/postgresql/15/bin'
 */
export function ensurePostgres() {
  let dir = postgresBinDir();
  if (dir === undefined && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get')) {
    try {
      step('install PostgreSQL (for the collector scale-out test)', 'postgres', [
        ['apt-get', ['update', '-q']],
        ['apt-get', ['install', '-y', '-q', '--no-install-recommends', 'postgresql']],
      ], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    } catch (error) {
      console.log(`[setup] ${error.message.split('\n')[0]}: the PostgreSQL test will be skipped`);
    }
    dir = postgresBinDir();
  }
  if (dir !== undefined) process.env.HOTPATH_POSTGRES_BIN = dir;
  return dir;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = ensurePostgres();
  if (dir !== undefined) console.log(dir);
}
