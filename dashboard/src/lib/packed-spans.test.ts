import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SpanRow } from '@hotpath/collector/api-types';
import { packSpans, unpackSpans } from './packed-spans.ts';
import { toWaterfallSpan } from './waterfall-span.ts';

function spanRow(spanId: string, parentSpanId: string | null, startTime: number, endTime: number, extra: Partial<SpanRow> = {}): SpanRow {
  return {
    traceId: 'a'.repeat(32), spanId, parentSpanId, name: `execute_tool search`, kind: 'internal', startTime, endTime, durationMs: endTime - startTime,
    startTimeUnixNano: '0', endTimeUnixNano: '0', status: { code: 'unset', message: '' }, operation: 'execute_tool', provider: null, model: null,
    agent: null, toolName: 'search', inputTokens: null, outputTokens: null, cachedInputTokens: null, costUsd: null, cacheHit: 'miss',
    routeModel: null, routeRule: null, errorType: null, simulated: false, open: false, ...extra,
  };
}

describe('packed spans', () => {
  it('round-trip to the same waterfall spans', () => {
    const rows = [
      spanRow('1111111111111111', null, 1_700_000_000_000.25, 1_700_000_001_000, { name: 'invoke_agent a', operation: 'invoke_agent', toolName: null, cacheHit: null, inputTokens: 10, outputTokens: 5, simulated: true }),
      spanRow('2222222222222222', '1111111111111111', 1_700_000_000_100, 1_700_000_000_300.5, { cacheHit: 'hit', status: { code: 'error', message: 'x' } }),
      spanRow('3333333333333333', 'ffffffffffffffff', 1_700_000_000_200, 1_700_000_000_250, { name: 'chat m', operation: 'chat', model: 'm', toolName: null, cacheHit: null, costUsd: 0.0012, inputTokens: 3, outputTokens: null }),
    ];
    assert.deepEqual(unpackSpans(packSpans(rows)), rows.map(toWaterfallSpan));
  });

  it('stores each repeated string once', () => {
    const rows = Array.from({ length: 100 }, (_, at) => spanRow(at.toString(16).padStart(16, '0'), '1'.repeat(16), at, at + 1));
    const packed = packSpans(rows);
    assert.deepEqual(packed.strings, ['1'.repeat(16), 'execute_tool search', 'search']);
    assert.ok(JSON.stringify(packed).length < JSON.stringify(rows.map(toWaterfallSpan)).length / 3);
  });

  it('packs an empty trace', () => {
    assert.deepEqual(unpackSpans(packSpans([])), []);
  });
});
