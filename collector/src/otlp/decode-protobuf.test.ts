import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CollectorError } from '../errors.ts';
import { otlpJson, otlpProtobuf, type FixtureSpan } from '../testing/otlp-request.ts';
import { decodeJsonTraces } from './decode-json.ts';
import { decodeProtobufTraces } from './decode-protobuf.ts';
import { otlpTypes } from './otlp-schema.ts';

const spans: FixtureSpan[] = [
  {
    traceId: '0af7651916cd43dd8448eb211c80319c',
    spanId: 'b7ad6b7169203331',
    parentSpanId: '00f067aa0ba902b7',
    name: 'execute_tool lookup',
    kind: 1,
    startMs: 1_700_000_000_123.456,
    endMs: 1_700_000_000_200,
    attributes: { 'gen_ai.tool.name': 'lookup', count: 3, ratio: 0.25, ok: true, tags: ['a', 'b'] },
    status: { code: 2, message: 'failed' },
    events: [{ name: 'exception', timeMs: 1_700_000_000_150, attributes: { 'exception.type': 'TimeoutError' } }],
    links: [{ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', spanId: '00f067aa0ba902b7', attributes: { why: 'batch' } }],
  },
];

describe('decodeProtobufTraces', () => {
  it('decodes the same request as its OTLP/JSON twin', () => {
    assert.deepEqual(decodeProtobufTraces(otlpProtobuf(spans)), decodeJsonTraces(JSON.stringify(otlpJson(spans))));
  });

  it('reads a plain Uint8Array view that starts inside a larger buffer (what a worker thread receives)', () => {
    const body = otlpProtobuf(spans);
    const larger = new Uint8Array(body.length + 7);
    larger.fill(0xff);
    larger.set(body, 3);
    assert.deepEqual(decodeProtobufTraces(larger.subarray(3, 3 + body.length)), decodeProtobufTraces(Buffer.from(body)));
  });

  it('keeps int64 and fixed64 values beyond 2^53 exact as decimal strings', () => {
    const type = otlpTypes.exportTraceServiceRequest;
    const bytes = type
      .encode(
        type.fromObject({
          resourceSpans: [
            {
              scopeSpans: [
                {
                  spans: [
                    {
                      traceId: Buffer.alloc(16, 1),
                      spanId: Buffer.alloc(8, 2),
                      name: 'x',
                      startTimeUnixNano: '18446744073709551615',
                      // Zeros inside the last six digits and values below a million: the fast uint64 path pads and splits there.
                      endTimeUnixNano: '1700000000000000007',
                      events: [{ name: 'e', timeUnixNano: '999999' }],
                      attributes: [{ key: 'big', value: { intValue: '-9223372036854775808' } }],
                    },
                  ],
                },
              ],
            },
          ],
        }),
      )
      .finish();
    const span = decodeProtobufTraces(bytes).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    assert.equal(span.startTimeUnixNano, '18446744073709551615');
    assert.equal(span.endTimeUnixNano, '1700000000000000007');
    assert.equal(span.events[0]!.timeUnixNano, '999999');
    assert.equal(span.attributes.big, '-9223372036854775808');
  });

  it('answers 400 for bytes that are not an ExportTraceServiceRequest', () => {
    const truncated = otlpProtobuf(spans).subarray(0, 40);
    for (const body of [truncated, Buffer.from('this is not protobuf at all')]) {
      assert.throws(
        () => decodeProtobufTraces(body),
        (error: unknown) => CollectorError.isInstance(error) && error.status === 400 && /malformed OTLP\/protobuf/.test(error.message),
      );
    }
  });
});
