import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ForwardingHealth } from '@hotpath/collector/api-types';
import { healthProblems } from './collector-health.ts';

const forwarding: ForwardingHealth = {
  endpoint: 'http://tempo:4318/v1/traces',
  state: 'ok',
  forwarded: 10,
  failed: 0,
  retried: 0,
  dropped: 0,
  droppedBytes: 0,
  queued: 0,
  queuedBytes: 0,
  lastError: null,
  lastErrorTime: null,
  lastSuccessTime: 1,
};
const soundDatabase = { ok: true, problem: null, lastCheck: null };

describe('healthProblems', () => {
  it('says nothing when the database is sound and forwarding delivers (or is off)', () => {
    assert.deepEqual(healthProblems({ database: soundDatabase, forwarding }), []);
    assert.deepEqual(healthProblems({ database: soundDatabase, forwarding: null }), []);
  });

  it('passes on what the collector says about a failing database', () => {
    const problem = 'database /data/hotpath.sqlite is damaged (…): restore a backup';
    assert.deepEqual(healthProblems({ database: { ok: false, problem, lastCheck: null }, forwarding: null }), [`The collector's ${problem}.`]);
  });

  it('reports dropped batches and a retrying target with the last error', () => {
    const problems = healthProblems({
      database: soundDatabase,
      forwarding: { ...forwarding, state: 'retrying', dropped: 2, droppedBytes: 2_500_000, queued: 1, queuedBytes: 900, lastError: 'HTTP 503 from http://tempo:4318/v1/traces' },
    });
    assert.deepEqual(problems, [
      'Forwarding to http://tempo:4318/v1/traces dropped 2 batches (2.5 MB) since the collector started; they are stored here but not there.',
      'Forwarding to http://tempo:4318/v1/traces is retrying (1 batch, 1 kB waiting): HTTP 503 from http://tempo:4318/v1/traces.',
    ]);
  });
});
