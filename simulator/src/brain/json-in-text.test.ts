import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractJsonObjects } from './json-in-text.ts';

describe('JSON in text', () => {
  it('finds every top-level object, with braces inside strings', () => {
    const text = 'a {"id":"O-1","note":"see {this}"} b {"nested":{"x":1}} c';
    assert.deepEqual(extractJsonObjects(text), [{ id: 'O-1', note: 'see {this}' }, { nested: { x: 1 } }]);
  });

  it('skips braces that are not JSON and stops at an unclosed one', () => {
    assert.deepEqual(extractJsonObjects('{not json} {"ok":true} {"open":'), [{ ok: true }]);
    assert.deepEqual(extractJsonObjects('no objects here'), []);
  });
});
