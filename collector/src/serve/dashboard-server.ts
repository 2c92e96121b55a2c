// Runs the dashboard's Next.js standalone server (a folder holding `server.js`) as a child process pointed at a
// collector, waits until it answers, and stops it. The viewer runs the copy published inside this package; the
// workspace's e2e suite and demo run the dashboard package's own build through the same function.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CollectorError } from '../errors.ts';
import { exitCodes } from '../exit-codes.ts';
import { exitWithParentImport } from '../lifecycle/watch-parent.ts';
import { freePort } from './free-port.ts';

export interface DashboardServerOptions {
  /** The standalone server's folder (holding `server.js`, `.next/` and its `node_modules/`). */
  dir: string;
  /** The collector's base URL; the dashboard's server reads the query API there. */
  collectorUrl: string;
  /** Default: a free port. */
  port?: number;
  /** Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Sent to the collector's query API (`Authorization: Bearer …`), server-side only. */
  queryToken?: string;
  /** More environment for the server. */
  env?: Record<string, string>;
  /** How long to wait for the first answer (default 30 s). */
  timeoutMs?: number;
}

export interface RunningDashboardServer {
  url: string;
  /** Resolves when the server process ends, with its exit code (null when a signal ended it). */
  exited: Promise<number | null>;
  /** Stops the server (SIGTERM, then SIGKILL after 3 s). */
  close(): Promise<void>;
}

/**
 * @example
 * const dashboard = await startDashboardServer({ dir: '/…/dashboard-server', collectorUrl: collector.url, port: 3000 });
 * console.log(dashboard.url);
 * await dashboard.close();
 */
export async function startDashboardServer(options: DashboardServerOptions): Promise<RunningDashboardServer> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port === undefined || options.port === 0 ? await freePort(host) : options.port;
  const timeoutMs = options.timeoutMs ?? 30_000;
  // exitWithParentImport: a viewer killed outright leaves no orphaned dashboard holding the port.
  const child = spawn(process.execPath, ['--import', exitWithParentImport(), join(options.dir, 'server.js')], {
    cwd: options.dir,
    env: {
      ...process.env,
      ...options.env,
      ...(options.queryToken === undefined ? {} : { HOTPATH_QUERY_TOKEN: options.queryToken }),
      HOTPATH_COLLECTOR_URL: options.collectorUrl,
      // Next's standalone server reads these two; HOSTNAME is often set by shells and containers to the machine name.
      PORT: String(port),
      HOSTNAME: host,
      NODE_ENV: 'production',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    // Its own process group: a terminal's Ctrl-C reaches the viewer, which stops the dashboard and then the
    // collector in that order, instead of both at once.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let ready = false;
  const keep = (chunk: Buffer) => {
    // Next's start-up lines are noise beside the viewer's own; once serving, its errors go to our stderr.
    if (ready) process.stderr.write(chunk);
    else output = (output + chunk.toString()).slice(-8_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  const spawnFailed = new Promise<never>((_, reject) => child.once('error', reject));
  spawnFailed.catch(() => {});
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      if (/EADDRINUSE/.test(output)) {
        throw new CollectorError('unavailable', `the dashboard cannot listen on ${host}:${port}: the port is in use`, { exitCode: exitCodes.portUnavailable });
      }
      throw new CollectorError('unavailable', `the dashboard server exited (${child.exitCode ?? child.signalCode}) before answering:\n${output.trim()}`);
    }
    try {
      const response = await Promise.race([fetch(`${url}/api/collector/health`, { signal: AbortSignal.timeout(2_000) }), spawnFailed]);
      await response.body?.cancel();
      break;
    } catch (error) {
      if (Date.now() > deadline || !(error instanceof TypeError || (error as Error).name === 'TimeoutError')) {
        await stop();
        throw new CollectorError('unavailable', `the dashboard server did not answer on ${url} within ${timeoutMs} ms:\n${output.trim()}`, { cause: error });
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 100));
    }
  }
  ready = true;
  return { url, exited, close: stop };
}
