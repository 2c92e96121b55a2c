import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { runModuleInline, WorkerPool } from './worker-pool.ts';

const module = new URL('./fixtures/sum-of-squares.worker.ts', import.meta.url);

describe('worker pool', () => {
  it('runs a module default export on a worker thread and returns its result', async () => {
    const pool = new WorkerPool({ maxThreads: 1 });
    try {
      assert.equal(await pool.run(module, { n: 2000 }), await runModuleInline(module, { n: 2000 }));
    } finally {
      await pool.close();
    }
  });

  it('keeps the event loop free while a worker computes', async () => {
    const pool = new WorkerPool({ maxThreads: 1 });
    let ticks = 0;
    const timer = setInterval(() => (ticks += 1), 1);
    try {
      // Long enough that an inline run would block every tick until it finished.
      await pool.run(module, { n: 30_000_000 });
      assert.ok(ticks > 0, 'timers fired while the worker computed');
    } finally {
      clearInterval(timer);
      await pool.close();
    }
  });

  it('stops waiting when the signal aborts', async () => {
    const pool = new WorkerPool({ maxThreads: 1 });
    try {
      await assert.rejects(pool.run(module, { n: 1e12 }, AbortSignal.timeout(50)));
    } finally {
      await pool.close();
    }
  });

  it('takes a file path as well as a URL, and says when a module has no default export', async () => {
    assert.equal(typeof (await runModuleInline(module.pathname, { n: 10 })), 'number');
    await assert.rejects(runModuleInline(new URL('./canonical-json.ts', import.meta.url), {}), /no default export/);
  });
});
