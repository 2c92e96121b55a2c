import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { HealthResponse } from '../query/api-types.ts';
import { startCollector, type RunningCollector } from '../start-collector.ts';
import { newId, otlpJson } from '../testing/otlp-request.ts';

const dirs: string[] = [];
after(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function started(): Promise<RunningCollector> {
  const dir = mkdtempSync(join(tmpdir(), 'hotpath-integrity-'));
  dirs.push(dir);
  return startCollector({ port: 0, dbPath: join(dir, 'hotpath.sqlite'), decodeWorkers: 0, log: () => {} });
}

const send = (collector: RunningCollector, spans = 1) => {
  const traceId = newId(16);
  const body = otlpJson(Array.from({ length: spans }, (_, index) => ({ traceId, spanId: newId(8), name: `span ${index} ${'x'.repeat(300)}`, startMs: index, endMs: index + 1 })));
  return fetch(`${collector.url}/v1/traces`, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
};
const health = async (collector: RunningCollector) => (await (await fetch(`${collector.url}/api/health`)).json()) as HealthResponse;

describe('database health', () => {
  it('reports a write that fails and why, until writing works again', async () => {
    const collector = await started();
    try {
      assert.equal((await send(collector)).status, 200);
      assert.equal((await health(collector)).ok, true);
      const holder = new Database(collector.dbPath);
      holder.exec('BEGIN EXCLUSIVE');
      const refused = await send(collector);
      assert.equal(refused.status, 503);
      assert.ok(refused.headers.get('retry-after'));
      assert.match(((await refused.json()) as { message: string }).message, /could not store the spans: database .* is locked by another process/);
      const failing = await health(collector);
      assert.equal(failing.ok, false);
      assert.match(failing.database.problem ?? '', /locked by another process/);
      holder.exec('ROLLBACK');
      holder.close();
      assert.equal((await send(collector)).status, 200);
      assert.deepEqual([(await health(collector)).ok, (await health(collector)).database.problem], [true, null]);
    } finally {
      await collector.close();
    }
  });

  it('finds a page damaged while running, reports it in health and refuses to write into it', async () => {
    const collector = await started();
    try {
      for (let batch = 0; batch < 10; batch++) assert.equal((await send(collector, 40)).status, 200);
      const sound = await collector.checkDatabase();
      assert.equal(sound.ok, true);
      assert.equal(sound.lastCheck?.ok, true);
      // Everything into the main file, then damage a stretch of pages in its middle, as a failing disk would.
      const outside = new Database(collector.dbPath);
      outside.pragma('wal_checkpoint(TRUNCATE)');
      outside.close();
      const pages = statSync(collector.dbPath).size / 4096;
      const fd = openSync(collector.dbPath, 'r+');
      for (let page = Math.floor(pages * 0.4); page < Math.floor(pages * 0.6); page++) writeSync(fd, Buffer.alloc(4096, 0xa5), 0, 4096, page * 4096);
      closeSync(fd);
      const damaged = await collector.checkDatabase();
      assert.equal(damaged.ok, false);
      assert.equal(damaged.lastCheck?.ok, false);
      const answer = await health(collector);
      assert.equal(answer.ok, false);
      assert.match(answer.database.problem ?? '', new RegExp(`database ${collector.dbPath} is damaged \\(.+\\): .*\\.recover`));
      const refused = await send(collector);
      assert.equal(refused.status, 503);
      assert.match(((await refused.json()) as { message: string }).message, /not storing spans: database .* is damaged/);
    } finally {
      await collector.close();
    }
  });
});
