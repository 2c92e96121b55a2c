import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateHref, parseAggregateQuery, windowStart } from './aggregate-query.ts';

describe('aggregate query', () => {
  it('reads the window and grouping, falling back to defaults for unknown values', () => {
    assert.deepEqual(parseAggregateQuery({ range: '1h', groupBy: 'agent' }), { range: '1h', groupBy: 'agent' });
    assert.deepEqual(parseAggregateQuery({ range: 'toString', groupBy: 'toString' }), { range: '24h', groupBy: 'model' });
    assert.deepEqual(parseAggregateQuery({ range: ['7d', '1h'] }), { range: '7d', groupBy: 'model' });
  });

  it('resolves the window start and leaves all time open', () => {
    assert.equal(windowStart('1h', 7_200_000), 3_600_000);
    assert.equal(windowStart('all', 7_200_000), undefined);
  });

  it('builds links without default values', () => {
    assert.equal(aggregateHref('/spend', { range: '24h', groupBy: 'model' }, { groupBy: 'agent' }), '/spend?groupBy=agent');
    assert.equal(aggregateHref('/cache', { range: '1h', groupBy: 'model' }, { range: '24h' }), '/cache');
  });
});
