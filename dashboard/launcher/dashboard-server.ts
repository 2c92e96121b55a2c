// Runs the built dashboard with `next start`, pointed at a collector, and waits until it answers.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DASHBOARD_DIR } from './dashboard-build.ts';
import { freePort } from './free-port.ts';

export interface RunningDashboard {
  url: string;
  close(): Promise<void>;
}

/**
 * @example
 * const dashboard = await startDashboard({ collectorUrl: collector.url });
 * await page.goto(dashboard.url);
 */
export interface StartDashboardOptions {
  collectorUrl: string;
  /** Default: a free port. */
  port?: number;
  /** Default: 127.0.0.1 (loopback only). */
  host?: string;
  /** Extra environment for `next start` (for example HOTPATH_QUERY_TOKEN). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export async function startDashboard(options: StartDashboardOptions): Promise<RunningDashboard> {
  const { collectorUrl, env = {}, host = '127.0.0.1', timeoutMs = 30_000 } = options;
  const port = options.port ?? (await freePort());
  const child: ChildProcess = spawn(process.execPath, [join(DASHBOARD_DIR, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', host, '-p', String(port)], {
    cwd: DASHBOARD_DIR,
    env: { ...process.env, ...env, HOTPATH_COLLECTOR_URL: collectorUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}:\n${output}`);
    try {
      const response = await fetch(`${url}/api/collector/health`, { signal: AbortSignal.timeout(2000) });
      await response.body?.cancel();
      break;
    } catch {
      if (Date.now() > deadline) {
        child.kill('SIGKILL');
        throw new Error(`next start did not answer within ${timeoutMs} ms:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  return {
    url,
    async close() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
}
