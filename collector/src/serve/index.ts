// @hotpath/collector/viewer: the collector and the dashboard together (what `hotpath-collector` runs), and the
// pieces the workspace's dashboard launcher shares: running a dashboard standalone server, finding a free port.
export { startDashboardServer } from './dashboard-server.ts';
export type { DashboardServerOptions, RunningDashboardServer } from './dashboard-server.ts';
export { freePort, portIsFree } from './free-port.ts';
export { locateDashboard } from './locate-dashboard.ts';
export type { DashboardLocation } from './locate-dashboard.ts';
export { startViewer } from './start-viewer.ts';
export type { RunningViewer } from './start-viewer.ts';
export { DEFAULT_DASHBOARD_PORT, parseViewerArgs, viewerHelpText } from './viewer-options.ts';
export type { DashboardOptions, ViewerOptions } from './viewer-options.ts';
