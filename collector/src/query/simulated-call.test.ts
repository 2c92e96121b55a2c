import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openDatabase } from '../storage/open-database.ts';
import { spans } from '../storage/schema.ts';
import { simulatedCall, simulatedCallLookup } from './simulated-call.ts';
import { modelCallsOnly } from './time-scope.ts';

// The answers these feed are checked on every store by conformance/simulated-flags-conformance.ts; here, how SQLite
// runs them.
describe('simulated flags on SQLite', () => {
  it('reads the simulated traces once for an aggregate, and looks a few rows up by primary key', () => {
    const database = openDatabase(':memory:');
    const plan = (query: { sql: string; params: unknown[] }) =>
      (database.sqlite.prepare(`explain query plan ${query.sql}`).all(...query.params) as { detail: string }[]).map((row) => row.detail);
    try {
      const aggregate = plan(database.db.select({ simulated: simulatedCall }).from(spans).where(modelCallsOnly).toSQL());
      assert.ok(aggregate.some((detail) => /LIST SUBQUERY|USING INDEX|SCAN traces/.test(detail)), aggregate.join('\n'));
      assert.ok(!aggregate.some((detail) => /CORRELATED/.test(detail)), `no lookup per call:\n${aggregate.join('\n')}`);
      assert.ok(aggregate.some((detail) => detail.includes('spans_model_call_start')), aggregate.join('\n'));
      const few = plan(database.db.select({ simulated: simulatedCallLookup }).from(spans).where(modelCallsOnly).limit(500).toSQL());
      assert.ok(few.some((detail) => /SEARCH traces USING (INDEX sqlite_autoindex_traces_1|PRIMARY KEY) \(trace_id=\?\)/.test(detail)), few.join('\n'));
    } finally {
      database.sqlite.close();
    }
  });
});
