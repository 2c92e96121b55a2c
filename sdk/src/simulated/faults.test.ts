import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { InvalidRequestError } from './chat-request.ts';
import { FaultCounter } from './faults.ts';

describe('fault header', () => {
  it('applies a plain fault to every request', () => {
    const counter = new FaultCounter();
    assert.equal(counter.fromHeader('http-500'), 'http-500');
    assert.equal(counter.fromHeader('http-500'), 'http-500');
    assert.equal(counter.fromHeader(undefined), undefined);
    assert.equal(counter.fromHeader(' '), undefined);
  });

  it('limits a counted fault to the first N requests with that header value', () => {
    const counter = new FaultCounter();
    assert.deepEqual([1, 2, 3].map(() => counter.fromHeader('http-429:2')), ['http-429', 'http-429', undefined]);
    assert.equal(counter.fromHeader('cut-stream:1'), 'cut-stream', 'each header value counts on its own');
  });

  it('rejects unknown faults and bad counts with a typed error', () => {
    const counter = new FaultCounter();
    assert.throws(() => counter.fromHeader('meteor'), InvalidRequestError);
    assert.throws(() => counter.fromHeader('http-429:two'), /whole number/);
  });
});
