import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_TRACE_LIST_QUERY, collectorTraceParams, hasFilters, nextSortOrder, parseTraceListQuery, traceListHref } from './trace-list-query.ts';

describe('trace list query', () => {
  it('parses filters, sort and cursor from the URL', () => {
    const { query, errors } = parseTraceListQuery({ service: ' api ', status: 'error', minDurationMs: '500', maxTokens: '9000', range: '1h', sort: 'cost', order: 'asc', cursor: 'abc', q: ['refund', 'ignored'] });
    assert.deepEqual(errors, []);
    assert.equal(query.service, 'api');
    assert.equal(query.status, 'error');
    assert.equal(query.minDurationMs, 500);
    assert.equal(query.maxTokens, 9000);
    assert.equal(query.range, '1h');
    assert.equal(query.sort, 'cost');
    assert.equal(query.order, 'asc');
    assert.equal(query.q, 'refund');
  });

  it('drops unusable values and names each in an error, keeping the rest', () => {
    const { query, errors } = parseTraceListQuery({ minDurationMs: 'fast', minTokens: '-3', sort: 'name', status: 'weird', agent: 'triage' });
    assert.deepEqual(errors.map((error) => error.parameter), ['status', 'minDurationMs', 'minTokens', 'sort']);
    assert.equal(query.minDurationMs, null);
    assert.equal(query.sort, 'start');
    assert.equal(query.agent, 'triage');
  });

  it('resolves the time range against now and leaves unset filters out', () => {
    const params = collectorTraceParams({ ...DEFAULT_TRACE_LIST_QUERY, range: '1h', model: 'sim-small' }, 10_000_000);
    assert.equal(params.from, 10_000_000 - 3_600_000);
    assert.equal(params.model, 'sim-small');
    assert.equal(params.service, undefined);
    assert.equal(params.sort, 'start');
    assert.equal(collectorTraceParams(DEFAULT_TRACE_LIST_QUERY, 1).from, undefined);
  });

  it('builds short links that restart pagination unless the cursor is what changes', () => {
    const query = { ...DEFAULT_TRACE_LIST_QUERY, status: 'error' as const, cursor: 'page2' };
    assert.equal(traceListHref(query, { sort: 'duration' }), '/?status=error&sort=duration');
    assert.equal(traceListHref(query, { cursor: 'page3' }), '/?status=error&cursor=page3');
    assert.equal(traceListHref(DEFAULT_TRACE_LIST_QUERY, {}), '/');
  });

  it('flips the order on the active column and starts descending on another', () => {
    assert.equal(nextSortOrder({ sort: 'cost', order: 'desc' }, 'cost'), 'asc');
    assert.equal(nextSortOrder({ sort: 'cost', order: 'asc' }, 'cost'), 'desc');
    assert.equal(nextSortOrder({ sort: 'cost', order: 'asc' }, 'duration'), 'desc');
  });

  it('tells a filtered list from an unfiltered one', () => {
    assert.equal(hasFilters({ ...DEFAULT_TRACE_LIST_QUERY, sort: 'cost', cursor: 'x' }), false);
    assert.equal(hasFilters({ ...DEFAULT_TRACE_LIST_QUERY, q: 'refund' }), true);
  });
});
