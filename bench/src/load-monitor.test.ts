import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startLoadMonitor } from './load-monitor.ts';

describe('startLoadMonitor', () => {
  it('reports wall time, CPU time and a CPU share for the measured period', async () => {
    const stop = startLoadMonitor();
    const spinUntil = performance.now() + 30;
    while (performance.now() < spinUntil); // 30 ms of CPU
    await sleep(30);
    const load = stop();
    assert.ok(load.wallMs >= 55, `wall ${load.wallMs}`);
    assert.ok(load.cpuMs >= 20, `cpu ${load.cpuMs}`);
    assert.ok(load.cpuShare > 0 && load.cpuShare <= 2, `share ${load.cpuShare}`);
    assert.ok(load.eventLoopDelayMaxMs >= load.eventLoopDelayP99Ms && load.eventLoopDelayP99Ms >= 0);
  });
});
