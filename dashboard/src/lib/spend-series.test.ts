import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cachedShareSeries, spendByGroup, spendSeries } from './spend-series.ts';

const bucket = (start: number, group: string, inputTokens: number, outputTokens: number, cachedInputTokens: number, costUsd: number, simulated = false) => ({ start, group, inputTokens, outputTokens, cachedInputTokens, costUsd, requests: 1, simulated });
const spend = {
  bucketMs: 60_000,
  groups: ['large', 'small'],
  buckets: [bucket(180_000, 'small', 100, 10, 50, 0.001), bucket(0, 'large', 1000, 100, 0, 0.01), bucket(0, 'small', 200, 20, 100, 0.002)],
};

describe('spend series', () => {
  it('pivots buckets into one row per time with every group, filling empty buckets with zeros', () => {
    assert.deepEqual(spendSeries(spend, 'tokens'), [
      { start: 0, large: 1100, small: 220 },
      { start: 60_000, large: 0, small: 0 },
      { start: 120_000, large: 0, small: 0 },
      { start: 180_000, large: 0, small: 110 },
    ]);
    assert.deepEqual(spendSeries(spend, 'costUsd')[0], { start: 0, large: 0.01, small: 0.002 });
  });

  it('does not fill in more buckets than a chart can show', () => {
    const sparse = { bucketMs: 1, groups: ['g'], buckets: [bucket(0, 'g', 1, 1, 0, 0), bucket(10_000_000, 'g', 1, 1, 0, 0)] };
    assert.equal(spendSeries(sparse, 'tokens').length, 2);
  });

  it('computes the cached share of input tokens per bucket', () => {
    const shares = cachedShareSeries(spend);
    assert.equal(shares[0]?.cachedShare, 100 / 1200);
    assert.equal(shares[1]?.cachedShare, null);
    assert.equal(shares[3]?.cachedShare, 0.5);
  });

  it('totals each group, most expensive first', () => {
    const totals = spendByGroup(spend);
    assert.deepEqual(totals.map((total) => total.group), ['large', 'small']);
    assert.equal(totals[1]?.inputTokens, 300);
    assert.equal(totals[1]?.requests, 2);
  });

  it('labels a group simulated when any of its buckets is, and only then', () => {
    const mixed = { groups: ['real', 'sim'], buckets: [bucket(0, 'sim', 1, 1, 0, 0.02, false), bucket(60_000, 'sim', 1, 1, 0, 0.01, true), bucket(0, 'real', 1, 1, 0, 0.03)] };
    assert.deepEqual(spendByGroup(mixed).map(({ group, simulated }) => [group, simulated]), [['sim', true], ['real', false]]);
  });
});
