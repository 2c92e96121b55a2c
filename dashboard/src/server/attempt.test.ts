import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { attempt } from './attempt.ts';
import { CollectorUnreachableError } from '../lib/dashboard-error.ts';

describe('attempt', () => {
  it('answers the value of a call that succeeds', async () => {
    assert.deepEqual(await attempt(async () => 42), { ok: true, value: 42 });
  });

  it('answers a dashboard error as data', async () => {
    const result = await attempt(async () => {
      throw new CollectorUnreachableError('http://127.0.0.1:1');
    });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.name, 'CollectorUnreachableError');
  });

  it('lets any other error through to the error boundary', async () => {
    await assert.rejects(attempt(async () => {
      throw new TypeError('bug');
    }), TypeError);
  });
});
