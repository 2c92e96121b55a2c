// Runs the built dashboard's standalone server, pointed at a collector, and waits until it answers: the collector's
// startDashboardServer, which the published viewer runs on its own copy of the same server.
import { startDashboardServer } from '@hotpath/collector/viewer';
import { DASHBOARD_SERVER_DIR } from './dashboard-build.ts';

export interface RunningDashboard {
  url: string;
  /** Settles when the server has exited, by `close()` or on its own (a signal sent to it, a crash). */
  exited: Promise<void>;
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
  /** Extra environment for the server (for example HOTPATH_QUERY_TOKEN). */
  env?: Record<string, string>;
  timeoutMs?: number;
}

export async function startDashboard(options: StartDashboardOptions): Promise<RunningDashboard> {
  const server = await startDashboardServer({ dir: DASHBOARD_SERVER_DIR, ...options });
  return { url: server.url, exited: server.exited.then(() => {}), close: () => server.close() };
}
