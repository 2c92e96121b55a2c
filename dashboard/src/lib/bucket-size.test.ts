import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bucketSize } from './bucket-size.ts';

describe('bucketSize', () => {
  it('picks a round bucket giving at most the requested number of bars', () => {
    assert.equal(bucketSize(0, 3_600_000), 60_000);
    assert.equal(bucketSize(0, 15 * 60_000), 30_000);
    assert.equal(bucketSize(0, 86_400_000), 1_800_000);
    assert.equal(bucketSize(0, 7 * 86_400_000), 10_800_000);
  });

  it('never goes under a second and caps at a week', () => {
    assert.equal(bucketSize(5, 5), 1_000);
    assert.equal(bucketSize(10, 0), 1_000);
    assert.equal(bucketSize(0, 1e13), 604_800_000);
  });
});
