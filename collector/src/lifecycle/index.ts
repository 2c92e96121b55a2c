// @hotpath/collector/lifecycle: how long-running commands stop and make the processes they start stop, importable
// without the collector itself (the dashboard launcher, the demo, the viewer).
export { STOP_SIGNALS, untilStopSignal } from './stop-signals.ts';
export type { StopReason } from './stop-signals.ts';
export { exitWithParentImport, watchParent } from './watch-parent.ts';
