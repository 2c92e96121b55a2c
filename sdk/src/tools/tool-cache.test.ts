import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ToolCache } from './tool-cache.ts';

const keepAll = () => true;

describe('tool cache', () => {
  it('answers a repeated call from the cache, whatever the key order of the arguments', async () => {
    const cache = new ToolCache();
    let runs = 0;
    const execute = async () => ++runs;
    assert.deepEqual(await cache.lookup('t', { a: 1, b: 2 }, {}, execute, keepAll), { outcome: 'miss', value: 1 });
    const second = await cache.lookup('t', { b: 2, a: 1 }, {}, execute, keepAll);
    assert.equal(second.outcome, 'hit');
    assert.equal(second.value, 1);
    assert.equal(runs, 1);
  });

  it('shares one in-flight call between identical requests', async () => {
    const cache = new ToolCache();
    let runs = 0;
    const execute = async () => {
      runs += 1;
      await sleep(10);
      return 'v';
    };
    const [a, b] = await Promise.all([
      cache.lookup('t', { q: 1 }, {}, execute, keepAll),
      cache.lookup('t', { q: 1 }, {}, execute, keepAll),
    ]);
    assert.equal(runs, 1);
    assert.deepEqual([a.outcome, b.outcome], ['miss', 'shared']);
    assert.equal(b.value, 'v');
  });

  it('lets a caller waiting for a shared call give up when its signal aborts; the owner still gets the value', async () => {
    const cache = new ToolCache();
    const execute = async () => {
      await sleep(50);
      return 'v';
    };
    const cancelled = new AbortController();
    const owner = cache.lookup('t', { q: 1 }, {}, execute, keepAll);
    const joiner = cache.lookup('t', { q: 1 }, {}, execute, keepAll, cancelled.signal);
    setTimeout(() => cancelled.abort(new Error('caller gone')), 5);
    await assert.rejects(joiner, /caller gone/);
    assert.deepEqual(await owner, { outcome: 'miss', value: 'v' });
    assert.equal((await cache.lookup('t', { q: 1 }, {}, execute, keepAll, cancelled.signal)).outcome, 'hit', 'an aborted signal does not stop a hit');
  });

  it('does not keep values the caller says are not worth keeping (errors)', async () => {
    const cache = new ToolCache();
    await cache.lookup('t', {}, {}, async () => 'error', () => false);
    assert.equal((await cache.lookup('t', {}, {}, async () => 'fine', keepAll)).outcome, 'miss');
  });

  it('forgets a result once its TTL has passed', async () => {
    const cache = new ToolCache();
    await cache.lookup('t', {}, { ttlMs: 1 }, async () => 1, keepAll);
    await sleep(15);
    assert.equal((await cache.lookup('t', {}, { ttlMs: 1 }, async () => 2, keepAll)).outcome, 'miss');
  });

  it('keeps at most maxEntries results per tool, dropping the least recently used', async () => {
    const cache = new ToolCache();
    for (const id of [1, 2, 3]) await cache.lookup('t', { id }, { maxEntries: 2 }, async () => id, keepAll);
    assert.equal(cache.size, 2);
    assert.equal((await cache.lookup('t', { id: 1 }, { maxEntries: 2 }, async () => 1, keepAll)).outcome, 'miss');
    assert.equal((await cache.lookup('t', { id: 3 }, { maxEntries: 2 }, async () => 3, keepAll)).outcome, 'hit');
  });

  it('reports the duration of the execution a hit saved', async () => {
    const cache = new ToolCache();
    await cache.lookup('t', {}, {}, async () => { await sleep(5); return 1; }, keepAll);
    const hit = await cache.lookup('t', {}, {}, async () => 2, keepAll);
    assert.ok(hit.outcome === 'hit' && hit.savedMs > 0);
  });

  it('clears one tool or everything', async () => {
    const cache = new ToolCache();
    await cache.lookup('a', {}, {}, async () => 1, keepAll);
    await cache.lookup('b', {}, {}, async () => 1, keepAll);
    cache.clear('a');
    assert.equal(cache.size, 1);
    cache.clear();
    assert.equal(cache.size, 0);
  });
});
