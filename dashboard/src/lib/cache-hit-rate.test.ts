import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cacheHitRate } from './cache-hit-rate.ts';

describe('cacheHitRate', () => {
  it('counts hits and shared calls over the calls that went through the cache', () => {
    assert.equal(cacheHitRate({ hits: 3, shared: 1, misses: 4 }), 0.5);
    assert.equal(cacheHitRate({ hits: 0, shared: 0, misses: 0 }), 0);
  });
});
