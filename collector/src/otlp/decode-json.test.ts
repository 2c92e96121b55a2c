import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CollectorError } from '../errors.ts';
import { decodeJsonTraces } from './decode-json.ts';

const traceId = '5B8EFFF798038103D269B633813FC60C';
const spanId = 'EEE19B7EC3C1B174';

function bodyWith(span: Record<string, unknown>, resourceExtra: Record<string, unknown> = {}): string {
  return JSON.stringify({ resourceSpans: [{ ...resourceExtra, scopeSpans: [{ scope: { name: 's' }, spans: [span] }] }] });
}

function badRequestMessage(text: string): string {
  try {
    decodeJsonTraces(text);
  } catch (error) {
    assert.ok(CollectorError.isInstance(error));
    assert.equal(error.status, 400);
    return error.message;
  }
  assert.fail('expected a 400');
}

describe('decodeJsonTraces', () => {
  it('reads hex ids, int64 as strings or numbers, and enum integers', () => {
    const request = decodeJsonTraces(
      bodyWith({
        traceId,
        spanId,
        name: 'chat sim-small',
        kind: 3,
        startTimeUnixNano: '1700000000000000001',
        endTimeUnixNano: 1700000000,
        attributes: [
          { key: 'big', value: { intValue: '9007199254740993' } },
          { key: 'small', value: { intValue: 42 } },
          { key: 'double', value: { doubleValue: 1.5 } },
          { key: 'bytes', value: { bytesValue: 'aGk=' } },
          { key: 'list', value: { arrayValue: { values: [{ stringValue: 'a' }, { boolValue: true }] } } },
          { key: 'map', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } } },
          { key: 'empty', value: {} },
        ],
        status: { code: 2, message: 'boom' },
      }),
    );
    const span = request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    assert.equal(span.traceId, traceId.toLowerCase());
    assert.equal(span.spanId, spanId.toLowerCase());
    assert.equal(span.kind, 3);
    assert.equal(span.startTimeUnixNano, '1700000000000000001');
    assert.equal(span.endTimeUnixNano, '1700000000');
    assert.deepEqual(span.attributes, {
      big: '9007199254740993',
      small: 42,
      double: 1.5,
      bytes: 'aGk=',
      list: ['a', true],
      map: { k: 'v' },
      empty: null,
    });
    assert.deepEqual(span.status, { code: 2, message: 'boom' });
  });

  it('accepts snake_case field names and enum names', () => {
    const request = decodeJsonTraces(
      JSON.stringify({
        resource_spans: [
          {
            scope_spans: [
              {
                spans: [
                  {
                    trace_id: traceId,
                    span_id: spanId,
                    parent_span_id: 'aaaaaaaaaaaaaaaa',
                    name: 'x',
                    kind: 'SPAN_KIND_SERVER',
                    start_time_unix_nano: '5',
                    end_time_unix_nano: '6',
                    status: { code: 'STATUS_CODE_OK' },
                  },
                ],
              },
            ],
          },
        ],
      }),
    );
    const span = request.resourceSpans[0]!.scopeSpans[0]!.spans[0]!;
    assert.equal(span.parentSpanId, 'aaaaaaaaaaaaaaaa');
    assert.equal(span.kind, 2);
    assert.equal(span.status.code, 1);
  });

  it('answers 400 naming the path of a wrong value', () => {
    assert.match(
      badRequestMessage(bodyWith({ traceId, spanId, name: 'x', startTimeUnixNano: 'yesterday' })),
      /resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.startTimeUnixNano: expected an unsigned 64-bit integer/,
    );
    assert.match(badRequestMessage(bodyWith({ traceId: 'not-hex', spanId })), /spans\[0\]\.traceId: expected a hex-encoded id/);
    assert.match(badRequestMessage(bodyWith({ traceId, spanId, kind: 'SIDEWAYS' })), /spans\[0\]\.kind: expected an enum/);
    assert.match(badRequestMessage(JSON.stringify({ resourceSpans: {} })), /resourceSpans: expected an array/);
  });

  it('answers 400 for text that is not JSON', () => {
    assert.match(badRequestMessage('{"resourceSpans": ['), /malformed OTLP\/JSON/);
    assert.match(badRequestMessage('[]'), /\(body\): expected an object/);
  });
});
