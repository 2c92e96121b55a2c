import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalJson, toolCallKey } from './canonical-json.ts';

describe('canonical JSON', () => {
  it('sorts object keys at every depth and keeps array order', () => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }, 1] }), '{"a":[{"c":3,"d":2},1],"b":1}');
  });

  it('gives one tool call key for arguments written in different key orders', () => {
    assert.equal(toolCallKey('t', { x: 1, y: { b: 2, a: 1 } }), toolCallKey('t', { y: { a: 1, b: 2 }, x: 1 }));
    assert.notEqual(toolCallKey('t', { x: 1 }), toolCallKey('u', { x: 1 }));
  });
});
