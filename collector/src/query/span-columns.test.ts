import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { maxColumnNameLength, toSpanColumns, type ColumnSpan } from './span-columns.ts';

const span = (spanId: string, overrides: Partial<ColumnSpan> = {}): ColumnSpan => ({
  spanId,
  parentSpanId: null,
  name: 'chat gpt-4.1',
  operation: 'chat',
  startMs: 1000,
  durationMs: 10,
  statusCode: 0,
  simulated: 0,
  open: 0,
  model: 'gpt-4.1',
  toolName: null,
  inputTokens: 10,
  outputTokens: 2,
  costUsd: 0.001,
  cacheHit: null,
  ...overrides,
});

describe('span columns', () => {
  it('store each string once and every time as an offset from the base', () => {
    const columns = toSpanColumns([span('a'), span('b', { parentSpanId: 'a', startMs: 1000.0004, statusCode: 2, open: 1, cacheHit: 'hit', inputTokens: null, outputTokens: null })]);
    assert.equal(columns.base, 1000);
    assert.deepEqual(columns.starts, [0, 0]);
    assert.deepEqual(columns.strings.filter((text) => text === 'chat gpt-4.1').length, 1);
    assert.equal(columns.strings[columns.parents[1]!], 'a');
    assert.deepEqual(columns.parents.slice(0, 1), [-1]);
    assert.deepEqual(columns.flags, [0, 1 | 4]);
    assert.deepEqual(columns.tokens, [12, -1]);
    assert.deepEqual(columns.cacheHits, [-1, 0]);
  });

  it('cut a hostile name and say so', () => {
    const columns = toSpanColumns([span('a', { name: '名'.repeat(50_000) })], 0);
    assert.equal(columns.strings[columns.names[0]!]!.length, maxColumnNameLength);
    assert.equal(columns.flags[0]! & 8, 8);
  });
});
