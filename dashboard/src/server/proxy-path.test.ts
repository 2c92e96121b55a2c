import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { proxyPath } from './proxy-path.ts';

describe('proxyPath', () => {
  it('maps query API paths onto the collector', () => {
    assert.equal(proxyPath(['traces', 'abc', 'spans', 'def']), '/api/traces/abc/spans/def');
    assert.equal(proxyPath(['live']), '/api/live');
  });

  it('refuses ingest, traversal and unknown paths', () => {
    for (const segments of [[], ['v1', 'traces'], ['traces', '..'], ['traces', 'a/b'], ['traces', '%2e%2e'], ['admin'], ['traces', 'a', 'spans', 'b', 'c']]) {
      assert.throws(() => proxyPath(segments), { name: 'InvalidParameterError' }, segments.join('/'));
    }
  });
});
