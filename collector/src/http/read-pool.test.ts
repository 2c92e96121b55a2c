import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { ingest } from '../ingest/ingest.ts';
import { defaultPricing } from '../ingest/pricing.ts';
import { decodeJsonTraces } from '../otlp/decode-json.ts';
import { openDatabase } from '../storage/open-database.ts';
import { createSpanWriter } from '../storage/span-writer.ts';
import { newId, otlpJson, type FixtureSpan } from '../testing/otlp-request.ts';
import { createReadPool } from './read-pool.ts';

function fileDatabase(spanCount: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hotpath-reads-'));
  const database = openDatabase(join(dir, 'hotpath.sqlite'));
  const traceId = newId(16);
  const spans: FixtureSpan[] = Array.from({ length: spanCount }, (_, index) => ({ traceId, spanId: newId(8), name: `span ${index}`, startMs: 1000 + index, endMs: 1001 + index }));
  ingest(createSpanWriter(database), decodeJsonTraces(JSON.stringify(otlpJson(spans))), { pricing: defaultPricing });
  return { database, traceId, cleanup: () => (database.close(), rmSync(dir, { recursive: true, force: true })) };
}

describe('read pool', () => {
  it('answers reads from a worker thread with its own connection, seeing what the writer committed', async () => {
    const { database, traceId, cleanup } = fileDatabase(3);
    const reads = createReadPool({ dbPath: database.path, db: database.db });
    try {
      assert.equal(reads.workers, 1);
      const answer = await reads.read('/api/traces', '');
      assert.equal(answer.status, 200);
      assert.deepEqual((JSON.parse(answer.body) as { traces: { traceId: string }[] }).traces.map((trace) => trace.traceId), [traceId]);
      const missing = await reads.read(`/api/traces/${'0'.repeat(31)}1`, '');
      assert.equal(missing.status, 404);
      assert.equal((JSON.parse(missing.body) as { error: { code: string } }).error.code, 'not_found');
    } finally {
      await reads.close();
      cleanup();
    }
  });

  it('stops a read that runs too long with a 503 query_timeout, and keeps answering with a new worker', async () => {
    const { database, traceId, cleanup } = fileDatabase(20_000);
    const reads = createReadPool({ dbPath: database.path, db: database.db, timeoutMs: 1 });
    try {
      const slow = await reads.read(`/api/traces/${traceId}/spans`, 'limit=50000');
      assert.equal(slow.status, 503);
      assert.equal((JSON.parse(slow.body) as { error: { code: string } }).error.code, 'query_timeout');
      assert.equal(reads.workers, 1, 'the worker was replaced');
    } finally {
      await reads.close();
      cleanup();
    }
  });

  it('reads inline where no second connection can see the data', async () => {
    const database = openDatabase(':memory:');
    const reads = createReadPool({ dbPath: ':memory:', db: database.db });
    assert.equal(reads.workers, 0);
    assert.equal((await reads.read('/api/facets', '')).status, 200);
    await reads.close();
  });
});
