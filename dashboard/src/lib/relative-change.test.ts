import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { relativeChange, speedupLabel } from './relative-change.ts';

describe('relativeChange', () => {
  it('reports the difference with its share of the baseline', () => {
    assert.deepEqual(relativeChange(12_000, 9_000), { delta: -3000, ratio: -0.25 });
    assert.deepEqual(relativeChange(2, 3), { delta: 1, ratio: 0.5 });
  });

  it('has no ratio without a baseline figure', () => {
    assert.deepEqual(relativeChange(0, 5), { delta: 5, ratio: null });
    assert.deepEqual(relativeChange(0, 0), { delta: 0, ratio: null });
  });
});

describe('speedupLabel', () => {
  it('says faster, slower or same', () => {
    assert.equal(speedupLabel(3.214), '3.21× faster');
    assert.equal(speedupLabel(0.5), '2.00× slower');
    assert.equal(speedupLabel(1.001), 'same speed');
    assert.equal(speedupLabel(null), 'n/a');
    assert.equal(speedupLabel(Number.POSITIVE_INFINITY), 'n/a');
  });
});
