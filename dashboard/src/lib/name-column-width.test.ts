import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { NAME_COLUMN_MAX, NAME_COLUMN_MIN, nameColumnWidth } from './name-column-width.ts';

const span = (spanId: string, parentSpanId: string | null, name: string, cacheHit: 'hit' | null = null) => ({ spanId, parentSpanId, name, cacheHit });

describe('nameColumnWidth', () => {
  it('fits the longest indented name with its cached badge', () => {
    const narrow = nameColumnWidth([span('a', null, 'invoke_agent support-desk'), span('b', 'a', 'execute_tool lookup_order')]);
    const cached = nameColumnWidth([span('a', null, 'invoke_agent support-desk'), span('b', 'a', 'execute_tool lookup_order', 'hit')]);
    assert.equal(narrow, Math.round(48 + 14 + 25 * 7.2));
    assert.equal(cached, narrow + 64);
  });

  it('stays within its limits', () => {
    assert.equal(nameColumnWidth([span('a', null, 'x')]), NAME_COLUMN_MIN);
    assert.equal(nameColumnWidth([span('a', null, 'x'.repeat(500))]), NAME_COLUMN_MAX);
    assert.equal(nameColumnWidth([]), NAME_COLUMN_MIN);
  });

  it('survives parent cycles', () => {
    const width = nameColumnWidth([span('a', 'b', 'one'), span('b', 'a', 'two')]);
    assert.ok(width >= NAME_COLUMN_MIN && width <= NAME_COLUMN_MAX);
  });
});
