import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLoadMonitor } from './load-monitor.ts';

/** Burns this much CPU time of the process (not wall time, which a busy machine would stretch). */
function burnCpu(ms: number): void {
  const start = process.cpuUsage();
  for (;;) {
    const used = process.cpuUsage(start);
    if ((used.user + used.system) / 1000 >= ms) return;
  }
}

describe('startLoadMonitor', () => {
  it('reports wall time, CPU time and a CPU share for the measured period', async () => {
    const stop = startLoadMonitor();
    burnCpu(20);
    await sleep(30);
    const load = stop();
    assert.ok(load.wallMs >= 29, `wall ${load.wallMs}`);
    assert.ok(load.cpuMs >= 20, `cpu ${load.cpuMs}`);
    assert.ok(load.cpuShare > 0 && load.cpuShare === load.cpuMs / load.wallMs);
    assert.ok(load.eventLoopDelayMaxMs >= load.eventLoopDelayP99Ms && load.eventLoopDelayP99Ms >= 0);
  });
});
