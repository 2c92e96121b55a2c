// A throwaway PostgreSQL server for tests: initdb in a temporary folder, started on a free loopback port with
// fsync off, removed on stop. Uses the server programs scripts/ensure-postgres.mjs finds (or installs, as root on
// Debian). PostgreSQL refuses to run as root, so as root the cluster runs as the `postgres` user (runuser).
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PostgresCluster {
  /** `postgres://postgres@127.0.0.1:<port>/postgres` */
  url: string;
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
  const bin = process.env.HOTPATH_POSTGRES_BIN ?? postgresBin();
  if (bin === undefined) return { skipped: 'PostgreSQL is not installed and could not be (needs root and apt-get): scripts/ensure-postgres.mjs' };
  const dir = mkdtempSync(join(tmpdir(), 'hotpath-pg-'));
  const data = join(dir, 'data');
  const asRoot = process.getuid?.() === 0;
  const user = asRoot ? Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim()) : undefined;
  if (user !== undefined) chownSync(dir, user, Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim()));
  const run = (program: string, args: string[]) => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', join(bin, program), ...args]] as const : [join(bin, program), args] as const;
    const result = spawnSync(command[0], command[1], { encoding: 'utf8', cwd: dir });
    if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`);
  };
  const port = await freePort();
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync', '--no-instructions']);
  const settings = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100`;
  run('pg_ctl', ['-D', data, '-o', settings, '-l', join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
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
