import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CollectorError } from '../errors.ts';
import { defaultPricing } from '../ingest/pricing.ts';
import { newId, otlpJson, otlpProtobuf } from '../testing/otlp-request.ts';
import { createDecodePool } from './decode-pool.ts';

const spans = [{ traceId: newId(16), spanId: newId(8), name: 'chat sim-small', startMs: 1, endMs: 2, attributes: { 'gen_ai.request.model': 'sim-small' } }];

for (const workers of [0, 1]) {
  describe(`decode pool with ${workers} worker(s)`, () => {
    it('prepares protobuf and JSON bodies alike', async () => {
      const pool = createDecodePool({ workers, pricing: defaultPricing });
      try {
        const fromProtobuf = await pool.prepare(otlpProtobuf(spans), 'protobuf');
        const fromJson = await pool.prepare(Buffer.from(JSON.stringify(otlpJson(spans))), 'json');
        assert.equal(fromProtobuf.spanCount, 1);
        assert.equal(fromProtobuf.groups[0]!.rows[0]!.model, 'sim-small');
        assert.deepEqual(fromProtobuf, fromJson);
        assert.equal(pool.workers, workers);
      } finally {
        await pool.close();
      }
    });

    it('hands back a malformed body as a typed 400, and keeps working', async () => {
      const pool = createDecodePool({ workers, pricing: defaultPricing });
      try {
        await assert.rejects(pool.prepare(Buffer.from('{"resourceSpans": 5}'), 'json'), (error: unknown) => {
          assert.ok(CollectorError.isInstance(error));
          assert.equal(error.status, 400);
          assert.match(error.message, /resourceSpans: expected an array/);
          return true;
        });
        assert.equal((await pool.prepare(otlpProtobuf(spans), 'protobuf')).spanCount, 1);
        assert.equal(pool.workers, workers);
      } finally {
        await pool.close();
      }
    });
  });
}
