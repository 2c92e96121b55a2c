// The whole viewer in one call: the collector, then the dashboard pointed at it (unless turned off). Closing stops
// the dashboard first, then the collector, which writes what is queued before its database closes.
import { startCollector, type RunningCollector } from '../start-collector.ts';
import { CollectorError } from '../errors.ts';
import { exitCodes } from '../exit-codes.ts';
import { startDashboardServer, type RunningDashboardServer } from './dashboard-server.ts';
import { portIsFree } from './free-port.ts';
import type { ViewerOptions } from './viewer-options.ts';

export interface RunningViewer {
  collector: RunningCollector;
  /** Null with `dashboard: false`. */
  dashboard: RunningDashboardServer | null;
  close(): Promise<void>;
}

/**
 * @param locate finds the dashboard's standalone server folder (see locateDashboard); called only when a
 *   dashboard is wanted.
 * @example
 * const viewer = await startViewer({ collector: { port: 4318 }, dashboard: { port: 3000, host: '127.0.0.1' } }, () => locateDashboard().dir);
 * console.log(viewer.dashboard?.url, viewer.collector.url);
 * await viewer.close();
 */
export async function startViewer(options: ViewerOptions, locate: () => string): Promise<RunningViewer> {
  const { dashboard } = options;
  // Everything that can be known before starting is checked first, so a busy port starts and stops nothing.
  const dashboardDir = dashboard ? locate() : undefined;
  if (dashboard && dashboard.port !== 0 && !(await portIsFree(dashboard.port, dashboard.host))) {
    throw new CollectorError('unavailable', `--dashboard-port: ${dashboard.host}:${dashboard.port} is in use (choose another port, or 0 for any free one)`, {
      exitCode: exitCodes.portUnavailable,
    });
  }
  const collector = await startCollector(options.collector);
  if (!dashboard || dashboardDir === undefined) return { collector, dashboard: null, close: () => collector.close() };
  let server: RunningDashboardServer;
  try {
    server = await startDashboardServer({
      dir: dashboardDir,
      collectorUrl: reachableUrl(collector),
      port: dashboard.port,
      host: dashboard.host,
      ...(options.collector.queryToken === undefined ? {} : { queryToken: options.collector.queryToken }),
    });
  } catch (error) {
    await collector.close();
    throw error;
  }
  return {
    collector,
    dashboard: server,
    async close() {
      await server.close();
      await collector.close();
    },
  };
}

/** A collector bound to every interface is reached by the dashboard (on this machine) over loopback. */
function reachableUrl(collector: RunningCollector): string {
  if (collector.host === '0.0.0.0') return `http://127.0.0.1:${collector.port}`;
  if (collector.host === '::') return `http://[::1]:${collector.port}`;
  return collector.url;
}
