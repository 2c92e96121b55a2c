import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TraceSummary } from '@hotpath/collector/api-types';
import { mergeListUpdate } from './live-list-merge.ts';

// Asserted rather than annotated: the summary gains fields over time, which these tests do not read.
const trace = (traceId: string, startTime: number, extra: Partial<TraceSummary> = {}): TraceSummary =>
  ({
  traceId,
  rootSpanId: null,
  name: traceId,
  service: null,
  agent: null,
  startTime,
  endTime: startTime + 10,
  durationMs: 10,
  spanCount: 1,
  errorCount: 0,
  status: 'ok',
  inProgress: false,
  openSpanCount: 0,
  lastSeenTime: startTime,
  inputTokens: 0,
  outputTokens: 0,
  cachedInputTokens: 0,
  costUsd: 0,
  models: [],
  simulated: false,
  attributes: {},
  ...extra,
  }) as TraceSummary;
const ids = (rows: TraceSummary[]) => rows.map((row) => row.traceId);
const newestFirst = { sort: 'start', order: 'desc', pageSize: 3, firstPage: true } as const;

describe('live list merge', () => {
  it('puts a new trace in its sorted place on the first page and keeps the page size', () => {
    const rows = [trace('c', 30), trace('b', 20), trace('a', 10)];
    const { rows: next, notShown } = mergeListUpdate(rows, [trace('d', 40)], ['d'], newestFirst);
    assert.deepEqual(ids(next), ['d', 'c', 'b']);
    assert.equal(notShown, 0);
    assert.deepEqual(ids(mergeListUpdate(rows, [trace('z', 5)], ['z'], newestFirst).rows), ['c', 'b', 'a'], 'older than the page: not shown');
  });

  it('updates a shown trace in place, and drops one that no longer matches the filters', () => {
    const rows = [trace('c', 30), trace('b', 20)];
    const { rows: next } = mergeListUpdate(rows, [trace('b', 20, { spanCount: 9 })], ['b', 'c'], newestFirst);
    assert.deepEqual(ids(next), ['b']);
    assert.equal(next[0]!.spanCount, 9);
  });

  it('re-sorts by the list sort when a figure changes', () => {
    const rows = [trace('a', 1, { durationMs: 300 }), trace('b', 2, { durationMs: 200 })];
    const { rows: next } = mergeListUpdate(rows, [trace('b', 2, { durationMs: 900 })], ['b'], { sort: 'duration', order: 'desc', pageSize: 50, firstPage: true });
    assert.deepEqual(ids(next), ['b', 'a']);
  });

  it('only counts newcomers on a later page, so the page does not shift under the reader', () => {
    const rows = [trace('b', 20), trace('a', 10)];
    const merged = mergeListUpdate(rows, [trace('d', 40), trace('a', 10, { errorCount: 1 })], ['d', 'a'], { ...newestFirst, firstPage: false });
    assert.deepEqual(ids(merged.rows), ['b', 'a']);
    assert.equal(merged.rows[1]!.errorCount, 1);
    assert.equal(merged.notShown, 1);
  });
});
