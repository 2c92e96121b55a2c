import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distribution, percentile } from './statistics.ts';

describe('percentile', () => {
  it('takes the median of an odd sample as its middle value, whatever the input order', () => {
    assert.equal(percentile([5, 1, 3], 50), 3);
  });

  it('interpolates between the two middle values of an even sample', () => {
    assert.equal(percentile([4, 1, 3, 2], 50), 2.5);
  });

  it('interpolates the p95 between the two highest ranks', () => {
    // rank = 0.95 * 19 = 18.05 → 19 + 0.05 * (20 - 19)
    const values = Array.from({ length: 20 }, (_, index) => index + 1);
    assert.ok(Math.abs(percentile(values, 95) - 19.05) < 1e-9);
  });

  it('returns the extremes at 0 and 100 and the only value of a one-element sample', () => {
    assert.equal(percentile([7, 2, 9], 0), 2);
    assert.equal(percentile([7, 2, 9], 100), 9);
    assert.equal(percentile([42], 95), 42);
  });

  it('returns 0 for an empty sample', () => {
    assert.equal(percentile([], 50), 0);
  });

  it('does not reorder the caller\'s array', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    assert.deepEqual(values, [3, 1, 2]);
  });

  it('rejects a percentile outside 0–100 and non-finite values with a RangeError', () => {
    assert.throws(() => percentile([1], 101), RangeError);
    assert.throws(() => percentile([1], Number.NaN), RangeError);
    assert.throws(() => percentile([1, Number.POSITIVE_INFINITY], 50), RangeError);
  });
});

describe('distribution', () => {
  it('summarises count, p50, p95, mean and total', () => {
    assert.deepEqual(distribution([120, 80, 100]), { count: 3, p50: 100, p95: 118, mean: 100, total: 300 });
  });

  it('is all zeros for an empty sample', () => {
    assert.deepEqual(distribution([]), { count: 0, p50: 0, p95: 0, mean: 0, total: 0 });
  });
});
