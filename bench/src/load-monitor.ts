// Measurement health: how much CPU the benchmark process used and how late its event loop ran while the variants
// were being timed. Wall-clock figures are trustworthy while both stay low; a saturated process would delay every
// timer and compress the ratios (a fixed delay hurts the fastest variant most), so the benchmark prints them.
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';

export interface LoadReport {
  wallMs: number;
  /** User + system CPU time of this process. */
  cpuMs: number;
  /** cpuMs ÷ wallMs: 1 means one core busy all the time. */
  cpuShare: number;
  eventLoopDelayP99Ms: number;
  eventLoopDelayMaxMs: number;
}

/**
 * Starts measuring; call the returned function to stop and read the figures.
 *
 * @example
 * const stop = startLoadMonitor(); await work(); const load = stop(); // { cpuShare: 0.04, eventLoopDelayP99Ms: 12, … }
 */
export function startLoadMonitor(): () => LoadReport {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  return () => {
    histogram.disable();
    const cpu = process.cpuUsage(cpuStart);
    const wallMs = performance.now() - wallStart;
    const cpuMs = (cpu.user + cpu.system) / 1000;
    const nanosToMs = (value: number) => (Number.isFinite(value) ? value / 1e6 : 0);
    return {
      wallMs,
      cpuMs,
      cpuShare: wallMs > 0 ? cpuMs / wallMs : 0,
      eventLoopDelayP99Ms: nanosToMs(histogram.percentile(99)),
      eventLoopDelayMaxMs: nanosToMs(histogram.max),
    };
  };
}
