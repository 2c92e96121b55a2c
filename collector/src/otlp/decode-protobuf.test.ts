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

  it('skips fields it does not know, of every wire type, groups included, and known fields sent with another wire type', () => {
    const body = Buffer.from(otlpProtobuf(spans));
    // Appended at the top level (field 9 varint, 10 fixed64, 11 bytes, 12 a group holding a varint, 13 fixed32) and
    // inside the span as field 1 (trace id) sent as a varint, which a reader must not take for the id.
    const unknown = Buffer.from([0x48, 0x96, 0x01, 0x51, 1, 2, 3, 4, 5, 6, 7, 8, 0x5a, 0x02, 0xab, 0xcd, 0x63, 0x08, 0x01, 0x64, 0x6d, 1, 2, 3, 4]);
    assert.deepEqual(decodeProtobufTraces(Buffer.concat([body, unknown])), decodeProtobufTraces(body));
    const withOddSpanField = (extra: number[]) => {
      const span = Buffer.concat([Buffer.from([0x0a, 16]), Buffer.alloc(16, 1), Buffer.from([0x12, 8]), Buffer.alloc(8, 2), Buffer.from(extra)]);
      const scopeSpans = Buffer.concat([Buffer.from([0x12, span.length]), span]);
      const resourceSpans = Buffer.concat([Buffer.from([0x12, scopeSpans.length]), scopeSpans]);
      return Buffer.concat([Buffer.from([0x0a, resourceSpans.length]), resourceSpans]);
    };
    const plain = decodeProtobufTraces(withOddSpanField([])).resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    assert.equal(plain.traceId, '01'.repeat(16));
    assert.deepEqual(decodeProtobufTraces(withOddSpanField([0x08, 0x05])).resourceSpans[0]!.scopeSpans[0]!.spans[0], plain);
  });

  it('reads attribute values as protobuf defines them: the last oneof member wins, an empty value is null, negative ints stay exact', () => {
    const keyValue = (key: string, value: Buffer) => {
      const keyBytes = Buffer.from(key);
      const inner = Buffer.concat([Buffer.from([0x0a, keyBytes.length]), keyBytes, Buffer.from([0x12, value.length]), value]);
      return Buffer.concat([Buffer.from([0x4a, inner.length]), inner]);
    };
    const attributes = Buffer.concat([
      keyValue('both', Buffer.from([0x0a, 0x01, 0x78, 0x10, 0x01])), // stringValue "x", then boolValue true
      keyValue('empty', Buffer.alloc(0)),
      keyValue('minus', Buffer.from([0x18, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01])), // intValue -1
    ]);
    const span = Buffer.concat([Buffer.from([0x0a, 16]), Buffer.alloc(16, 1), Buffer.from([0x12, 8]), Buffer.alloc(8, 2), attributes]);
    const scopeSpans = Buffer.concat([Buffer.from([0x12, span.length]), span]);
    const resourceSpans = Buffer.concat([Buffer.from([0x12, scopeSpans.length]), scopeSpans]);
    const decoded = decodeProtobufTraces(Buffer.concat([Buffer.from([0x0a, resourceSpans.length]), resourceSpans]));
    assert.deepEqual(decoded.resourceSpans[0]!.scopeSpans[0]!.spans[0]!.attributes, { both: true, empty: null, minus: -1 });
  });

  it('answers 400 for bytes that are not an ExportTraceServiceRequest', () => {
    const truncated = otlpProtobuf(spans).subarray(0, 40);
    const endlessVarint = Buffer.from([0x08, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]);
    const strayEndGroup = Buffer.from([0x0c]);
    for (const body of [truncated, Buffer.from('this is not protobuf at all'), endlessVarint, strayEndGroup]) {
      assert.throws(
        () => decodeProtobufTraces(body),
        (error: unknown) => CollectorError.isInstance(error) && error.status === 400 && /malformed OTLP\/protobuf/.test(error.message),
      );
    }
  });
});
