import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeQueryApiConformance } from '../query/conformance/describe-query-api-conformance.ts';
import { startCollector } from '../start-collector.ts';

// The query API on the embedded store; stores/pg-collector-store.test.ts runs the same suite on PostgreSQL.
describeQueryApiConformance({ name: 'SQLite', start: (options) => startCollector({ port: 0, dbPath: ':memory:', decodeWorkers: 0, ...options }) });

describe('query API token', () => {
  it('answers 401 without the query token and 200 with it', async () => {
    const collector = await startCollector({ port: 0, dbPath: ':memory:', queryToken: 'q-secret' });
    try {
      const refused = await fetch(`${collector.url}/api/traces`);
      assert.equal(refused.status, 401);
      assert.equal(((await refused.json()) as { error: { code: string } }).error.code, 'unauthorized');
      const allowed = await fetch(`${collector.url}/api/traces`, { headers: { authorization: 'Bearer q-secret' } });
      assert.equal(allowed.status, 200);
    } finally {
      await collector.close();
    }
  });
});
