import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isTraceId } from './trace-id.ts';

describe('isTraceId', () => {
  it('accepts 32 lowercase hex digits only', () => {
    assert.equal(isTraceId('4bf92f3577b34da6a3ce929d0e0e4736'), true);
    assert.equal(isTraceId('4BF92F3577B34DA6A3CE929D0E0E4736'), false);
    assert.equal(isTraceId('4bf92f35'), false);
    assert.equal(isTraceId('<script>alert(1)</script>'), false);
  });
});
