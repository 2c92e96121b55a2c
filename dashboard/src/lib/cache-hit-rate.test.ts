import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cacheCallSplit, cacheHitRate } from './cache-hit-rate.ts';

describe('cacheHitRate', () => {
  it('counts hits and shared calls over the calls that went through the cache', () => {
    assert.equal(cacheHitRate({ hits: 3, shared: 1, misses: 4 }), 0.5);
    assert.equal(cacheHitRate({ hits: 0, shared: 0, misses: 0 }), 0);
  });
});

describe('cacheCallSplit', () => {
  it('adds up to the calls, counting those made with the cache off', () => {
    const split = cacheCallSplit({ calls: 10, hits: 1, shared: 1, misses: 2 });
    assert.deepEqual(split, { served: 2, throughCache: 4, cacheOff: 6 });
    assert.equal(split.throughCache + split.cacheOff, 10);
  });

  it('never reports a negative cache-off count', () => {
    assert.equal(cacheCallSplit({ calls: 2, hits: 2, shared: 0, misses: 1 }).cacheOff, 0);
  });
});
