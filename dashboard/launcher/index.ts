// @hotpath/dashboard/launcher: build the dashboard when its sources changed and run it with `next start`, for the
// e2e suite and the one-command demo (Node side only; never imported by the app itself).
export { DASHBOARD_DIR, ensureDashboardBuild } from './dashboard-build.ts';
export { startDashboard } from './dashboard-server.ts';
export type { RunningDashboard, StartDashboardOptions } from './dashboard-server.ts';
export { freePort } from './free-port.ts';
