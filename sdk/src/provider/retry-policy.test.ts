import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRetryableStatus, parseRetryAfter, retryDelayMs } from './retry-policy.ts';

const policy = { maxRetries: 5, initialDelayMs: 100, maxDelayMs: 1000 };

describe('retry policy', () => {
  it('reads Retry-After as seconds, as an HTTP date, or as retry-after-ms', () => {
    const now = Date.parse('2026-11-21T06:00:00Z');
    assert.equal(parseRetryAfter({ 'retry-after': '3' }, now), 3000);
    assert.equal(parseRetryAfter({ 'retry-after': 'Sat, 21 Nov 2026 06:00:05 GMT' }, now), 5000);
    assert.equal(parseRetryAfter({ 'retry-after': 'Sat, 21 Nov 2026 05:00:00 GMT' }, now), 0, 'a date in the past means now');
    assert.equal(parseRetryAfter({ 'retry-after-ms': '250', 'retry-after': '9' }, now), 250);
    assert.equal(parseRetryAfter({ 'retry-after': 'soon' }, now), undefined);
    assert.equal(parseRetryAfter({}, now), undefined);
  });

  it('backs off exponentially with full jitter up to the cap', () => {
    assert.equal(retryDelayMs(1, policy, undefined, () => 0.999), 99);
    assert.equal(retryDelayMs(3, policy, undefined, () => 0.5), 200);
    assert.equal(retryDelayMs(10, policy, undefined, () => 0.999), 999);
    assert.equal(retryDelayMs(2, policy, undefined, () => 0), 0);
  });

  it('waits exactly as long as the server asked, or gives up when that is beyond the cap', () => {
    assert.equal(retryDelayMs(1, policy, 700, () => 0), 700);
    assert.equal(retryDelayMs(1, policy, 5000, () => 0), undefined);
  });

  it('retries rate limits, timeouts, conflicts and server errors only', () => {
    assert.deepEqual(
      [400, 401, 403, 404, 408, 409, 422, 429, 500, 502, 503, 504].filter(isRetryableStatus),
      [408, 409, 429, 500, 502, 503, 504],
    );
  });
});
