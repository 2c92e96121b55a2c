import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PrefixCache } from './prefix-cache.ts';

const tokens = (count: number, prefix = 't'): string[] => Array.from({ length: count }, (_, index) => `${prefix}${index}`);

describe('prefix cache', () => {
  const options = { minimumTokens: 1024, blockTokens: 128, maxBlocks: 1000, ttlMs: 60_000 };

  it('reports nothing the first time and whole blocks of the shared prefix afterwards', () => {
    const cache = new PrefixCache(options);
    const prompt = tokens(1300);
    assert.equal(cache.lookupAndStore(prompt), 0);
    assert.equal(cache.lookupAndStore(prompt), 1280);
    assert.equal(cache.lookupAndStore([...prompt, ...tokens(300, 'x')]), 1280, 'an appended prompt reuses the old blocks');
    assert.equal(cache.lookupAndStore([...prompt, ...tokens(300, 'x')]), 1536);
  });

  it('never caches prompts below the minimum length', () => {
    const cache = new PrefixCache(options);
    const prompt = tokens(1000);
    cache.lookupAndStore(prompt);
    assert.equal(cache.lookupAndStore(prompt), 0);
  });

  it('misses every block after the first changed token, because block hashes chain', () => {
    const cache = new PrefixCache(options);
    const prompt = tokens(2048);
    cache.lookupAndStore(prompt);
    const changedEarly = [...prompt];
    changedEarly[5] = 'changed';
    assert.equal(cache.lookupAndStore(changedEarly), 0);
    const changedLate = [...prompt];
    changedLate[1500] = 'changed';
    assert.equal(cache.lookupAndStore(changedLate), 1408, 'blocks before the change still hit');
  });

  it('forgets the least recently used blocks beyond its bound', () => {
    const cache = new PrefixCache({ ...options, maxBlocks: 10 });
    const first = tokens(1280, 'a');
    cache.lookupAndStore(first);
    cache.lookupAndStore(tokens(1280, 'b'));
    assert.equal(cache.lookupAndStore(first), 0);
  });

  it('can be cleared', () => {
    const cache = new PrefixCache(options);
    const prompt = tokens(1280);
    cache.lookupAndStore(prompt);
    cache.clear();
    assert.equal(cache.lookupAndStore(prompt), 0);
  });

  it('rejects a block size below one', () => {
    assert.throws(() => new PrefixCache({ ...options, blockTokens: 0 }), RangeError);
  });
});
