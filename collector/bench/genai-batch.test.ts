import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeProtobufTraces } from '../src/otlp/decode-protobuf.ts';
import { createBatchFactory } from './genai-batch.ts';

const spansOf = (body: Buffer) => decodeProtobufTraces(body).resourceSpans.flatMap((r) => r.scopeSpans.flatMap((s) => s.spans));

test('every batch decodes to the same spans under new ids, moved on in time by one batch', () => {
  const factory = createBatchFactory(512);
  const [first, second] = [spansOf(factory.batch(1)), spansOf(factory.batch(2))];
  assert.equal(first.length, 512);
  assert.equal(second.length, 512);
  const ids = new Set([...first, ...second].map((span) => `${span.traceId}/${span.spanId}`));
  assert.equal(ids.size, 1024, 'no span repeats across batches');
  assert.ok(first.every((span, i) => span.name === second[i]!.name && span.attributes['gen_ai.operation.name'] === second[i]!.attributes['gen_ai.operation.name']));
  const shift = BigInt(second[0]!.startTimeUnixNano) - BigInt(first[0]!.startTimeUnixNano);
  assert.equal(shift, 64n * 50n * 1_000_000n, '64 runs 50 ms apart per batch');
  for (let i = 0; i < 512; i++) {
    assert.equal(BigInt(second[i]!.startTimeUnixNano) - BigInt(first[i]!.startTimeUnixNano), shift, `span ${i} start`);
    assert.equal(BigInt(second[i]!.endTimeUnixNano) - BigInt(first[i]!.endTimeUnixNano), shift, `span ${i} end`);
  }
  const attributeCounts = first.map((span) => Object.keys(span.attributes).length);
  assert.ok(Math.min(...attributeCounts) >= 10 && Math.max(...attributeCounts) <= 20, `attributes per span ${Math.min(...attributeCounts)}–${Math.max(...attributeCounts)}`);
});
