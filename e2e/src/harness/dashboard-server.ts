// Runs the built dashboard with `next start` on a free port, pointed at a collector.
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
export async function startDashboard({ collectorUrl, env = {}, timeoutMs = 30_000 }: { collectorUrl: string; env?: Record<string, string>; timeoutMs?: number }): Promise<RunningDashboard> {
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [join(DASHBOARD_DIR, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', '-H', '127.0.0.1', '-p', String(port)], {
    cwd: DASHBOARD_DIR,
    env: { ...process.env, ...env, HOTPATH_COLLECTOR_URL: collectorUrl, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
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
