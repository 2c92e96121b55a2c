import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CollectorError } from '../errors.ts';
import { defaultPricing } from '../ingest/pricing.ts';
import { decodeJsonTraces } from '../otlp/decode-json.ts';
import { prepareBatch } from '../ingest/prepare-batch.ts';
import { openDatabase } from '../storage/open-database.ts';
import { createSpanWriter } from '../storage/span-writer.ts';
import { newId, otlpJson } from '../testing/otlp-request.ts';
import { createWriteQueue } from './write-queue.ts';

const requestOf = (spanCount: number) =>
  prepareBatch(decodeJsonTraces(
    JSON.stringify(
      otlpJson(Array.from({ length: spanCount }, () => ({ traceId: newId(16), spanId: newId(8), name: 'x', startMs: 0, endMs: 1 }))),
    ),
  ), defaultPricing);

describe('write queue', () => {
  it('commits the requests of one event-loop turn in one transaction and reports them together', async () => {
    const database = openDatabase(':memory:');
    const reported: number[] = [];
    const queue = createWriteQueue(createSpanWriter(database), { maxPendingSpans: 100 }, (results) =>
      reported.push(results.length),
    );
    const results = await Promise.all([queue.enqueue(requestOf(2)), queue.enqueue(requestOf(3))]);
    assert.deepEqual(results.map((result) => result.acceptedSpans), [2, 3]);
    assert.deepEqual(reported, [2]);
    assert.equal(database.sqlite.prepare('SELECT count(*) FROM spans').pluck().get(), 5);
  });

  it('refuses with a retryable 503 once the spans waiting would pass the limit, storing none of the refused', async () => {
    const database = openDatabase(':memory:');
    const queue = createWriteQueue(createSpanWriter(database), { maxPendingSpans: 4 });
    const first = queue.enqueue(requestOf(3));
    assert.equal(queue.pendingSpans, 3);
    await assert.rejects(queue.enqueue(requestOf(2)), (error: unknown) => {
      assert.ok(CollectorError.isInstance(error));
      assert.equal(error.status, 503);
      assert.equal(error.retryAfterSeconds, 1);
      return true;
    });
    assert.equal((await first).acceptedSpans, 3);
    assert.equal(database.sqlite.prepare('SELECT count(*) FROM spans').pluck().get(), 3);
    assert.equal((await queue.enqueue(requestOf(2))).acceptedSpans, 2, 'accepts again once the queue drained');
  });

  it('takes a request larger than the limit when nothing waits, so no batch size is refused forever', async () => {
    const queue = createWriteQueue(createSpanWriter(openDatabase(':memory:')), { maxPendingSpans: 1 });
    assert.equal((await queue.enqueue(requestOf(5))).acceptedSpans, 5);
  });
});
