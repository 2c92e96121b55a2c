// A throwaway PostgreSQL server for tests: a fresh cluster in a temporary folder, started on a free loopback port with
// fsync off, removed on stop. initdb is the slow part (seconds on a loaded machine), so it runs once per temporary
// folder into a template that later clusters copy (npm test gives each run a temporary folder of its own, removed at
// the end; elsewhere the template stays in the system's temporary folder for the next run). Uses the server programs scripts/ensure-postgres.mjs finds (or installs, as root on
// Debian). PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user (runuser).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
  /** A new, empty database in the cluster (cheaper than a cluster per test): its URL. */
  createDatabase(): Promise<string>;
  /** Stops the server, keeping its data (a database going away under a running collector). */
  pause(): void;
  /** Starts it again on the same port. */
  resume(): void;
  /** The server's main process (its backends are its children), for the CPU it used. */
  serverPid(): number;
  stop(): Promise<void>;
}

/**
 * Starts a cluster, or says why it cannot (PostgreSQL missing and not installable here).
 *
 * @example
 * const cluster = await startPostgresCluster();
 * if ('skipped' in cluster) t.skip(cluster.skipped);
 */
export async function startPostgresCluster(): Promise<PostgresCluster | { skipped: string }> {
  const skipped = postgresUnavailable();
  if (skipped !== undefined) return { skipped };
  const bin = binFolder!;
  const dir = mkdtempSync(join(tmpdir(), 'hotpath-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()) : undefined;
  if (user !== undefined) chownSync(dir, user, Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()));
  const run = (program: string, args: string[]) => {
    const path = program.includes('/') ? program : join(bin, program);
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', path, ...args]] as const : [path, args] as const;
    const result = spawnSync(command[0], command[1], { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  const port = await freePort();
  const template = join(tmpdir(), `hotpath-pg-template-${basename(dirname(bin))}`);
  if (!existsSync(template)) {
    const fresh = join(dir, 'template');
    run('initdb', ['-D', fresh, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
    try {
      renameSync(fresh, template);
    } catch {
      // Another test process made it first: theirs is as good.
      rmSync(fresh, { recursive: true, force: true });
    }
  }
  // As the server's user, owner and modes kept: the server insists on a data folder only its user can read.
  run('/bin/cp', ['-a', template, data]);
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let databases = 0;
  return {
    url,
    async createDatabase() {
      const name = `hotpath_${++databases}`;
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return url.replace(/\/postgres$/, `/${name}`);
    },
    serverPid: () => Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0]),
    pause() {
      run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
    },
    resume() {
      run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
    },
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

let binFolder: string | undefined;

/**
 * Why no cluster can be started here, or undefined when one can: known before any test is defined, so a suite can
 * be skipped with the reason.
 *
 * @example
 * describe('on PostgreSQL', { skip: postgresUnavailable() }, () => { … });
 */
export function postgresUnavailable(): string | undefined {
  binFolder ??= process.env.HOTPATH_POSTGRES_BIN ?? postgresBin();
  return binFolder === undefined ? 'PostgreSQL is not installed and could not be (needs root and apt-get): scripts/ensure-postgres.mjs' : undefined;
}

function postgresBin(): string | undefined {
  const script = fileURLToPath(new URL('../../../scripts/ensure-postgres.mjs', import.meta.url));
  const found = spawnSync(process.execPath, [script], { encoding: 'utf8' }).stdout.trim();
  return found === '' ? undefined : found.split('\n').at(-1);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
