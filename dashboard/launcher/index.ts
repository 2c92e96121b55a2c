// @hotpath/dashboard/launcher: build the dashboard when its sources changed and run its standalone server, for the
// e2e suite, the one-command demo and the workspace viewer; copy that server out for the published collector
// (Node side only; never imported by the app itself).
export { DASHBOARD_DIR, DASHBOARD_SERVER_DIR, ensureDashboardBuild } from './dashboard-build.ts';
export { exportDashboardServer } from './export-dashboard-server.ts';
export { startDashboard } from './dashboard-server.ts';
export type { RunningDashboard, StartDashboardOptions } from './dashboard-server.ts';
export { freePort } from '@hotpath/collector/viewer';
