import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { errorInfo, errorType } from './span-errors.ts';

describe('error.type', () => {
  it('is the HTTP status when the error carries one, else the class name, else _OTHER', () => {
    assert.equal(errorType(Object.assign(new Error('x'), { status: 503 })), '503');
    assert.equal(errorType(Object.assign(new Error('x'), { statusCode: 404 })), '404');
    assert.equal(errorType(new TypeError('x')), 'TypeError');
    class QuotaError extends Error {}
    assert.equal(errorType(new QuotaError('x')), 'QuotaError');
    assert.equal(errorType(Object.assign(new Error('x'), { name: 'AbortError' })), 'AbortError');
    assert.equal(errorType('a string was thrown'), '_OTHER');
    assert.equal(errorType({}), '_OTHER');
    assert.deepEqual(errorInfo(42), { type: '_OTHER', message: '42' });
  });
});
