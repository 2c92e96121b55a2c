import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingest } from '../ingest/ingest.ts';
import { defaultPricing } from '../ingest/pricing.ts';
import { decodeJsonTraces } from '../otlp/decode-json.ts';
import { openDatabase } from '../storage/open-database.ts';
import { createSpanWriter } from '../storage/span-writer.ts';
import { newId, otlpJson, type FixtureSpan } from '../testing/otlp-request.ts';
import { QueryParams } from './query-params.ts';
import { sqliteQueryStore } from './query-store.ts';
import { traceMatches, traceSpanPage } from './trace-spans.ts';

function bigRun(spanCount: number) {
  const traceId = newId(16);
  const rootId = newId(8);
  const spans: FixtureSpan[] = [{ traceId, spanId: rootId, name: 'invoke_agent bulk', startMs: 1000, endMs: 1000 + spanCount, attributes: { 'gen_ai.operation.name': 'invoke_agent' } }];
  for (let index = 1; index < spanCount; index++) {
    const isTool = index % 2 === 0;
    spans.push({
      traceId,
      spanId: newId(8),
      parentSpanId: rootId,
      name: isTool ? 'execute_tool lookup' : 'chat sim-small',
      // Sent in reverse, so start order is the page's doing.
      startMs: 1000 + (spanCount - index),
      endMs: 1001 + (spanCount - index),
      attributes: isTool ? { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'lookup', 'order.id': `O-${index}` } : { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'sim-small' },
    });
  }
  return { traceId, spans };
}

function store(spans: FixtureSpan[], nowMs = 1) {
  const database = openDatabase(':memory:');
  const writer = createSpanWriter(database);
  ingest(writer, decodeJsonTraces(JSON.stringify(otlpJson(spans))), { pricing: defaultPricing, nowMs });
  return { database, writer };
}

const params = (text: string) => new QueryParams(new URLSearchParams(text));

describe('trace span pages', () => {
  it('page through every span once, in start order, with the trace summary', async () => {
    const { traceId, spans } = bigRun(250);
    const { database } = store(spans);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await traceSpanPage(sqliteQueryStore(database.db), traceId, params(`limit=100${cursor ? `&cursor=${cursor}` : ''}`));
      assert.equal(page.trace.traceId, traceId);
      assert.equal(page.spans.base, page.trace.startTime);
      seen.push(...page.spans.starts);
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor);
    assert.equal(pages, 3);
    assert.equal(seen.length, 250);
    assert.deepEqual(seen, [...seen].sort((a, b) => a - b));
    const first = await traceSpanPage(sqliteQueryStore(database.db), traceId, params('limit=1'));
    assert.equal(first.spans.strings[first.spans.names[0]!], 'invoke_agent bulk', 'the root comes first');
  });

  it('page through the whole trace in storage order, each page a range of the primary key', async () => {
    const { traceId, spans } = bigRun(250);
    const { database } = store(spans);
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await traceSpanPage(sqliteQueryStore(database.db), traceId, params(`order=id&limit=100${cursor ? `&cursor=${cursor}` : ''}`));
      ids.push(...page.spans.spanIds);
      cursor = page.nextCursor;
    } while (cursor);
    assert.deepEqual(ids, spans.map((span) => span.spanId).sort());
    const first = await traceSpanPage(sqliteQueryStore(database.db), traceId, params('limit=10'));
    await assert.rejects(traceSpanPage(sqliteQueryStore(database.db), traceId, params(`order=id&cursor=${first.nextCursor}`)), /order=start/);
    const query = database.sqlite.prepare(`explain query plan select span_id from spans where trace_id = ? and span_id > ? order by span_id limit 10`).all(traceId, '') as { detail: string }[];
    assert.ok(query.some((row) => /USING (COVERING )?INDEX sqlite_autoindex_spans_1/.test(row.detail)) && !query.some((row) => /TEMP B-TREE/.test(row.detail)), JSON.stringify(query));
  });

  it('give only the spans stored since a time (the live catch-up)', async () => {
    const { traceId, spans } = bigRun(10);
    const { database, writer } = store(spans, 1_000);
    const later: FixtureSpan = { ...spans[1]!, spanId: newId(8), name: 'chat late', startMs: 5000, endMs: 5001 };
    ingest(writer, decodeJsonTraces(JSON.stringify(otlpJson([later]))), { pricing: defaultPricing, nowMs: 2_000 });
    const page = await traceSpanPage(sqliteQueryStore(database.db), traceId, params('since=1500'));
    assert.deepEqual(page.spans.spanIds, [later.spanId]);
    assert.equal(page.trace.spanCount, 11);
  });

  it('answer 404 for an unknown trace and 400 for a forged cursor', async () => {
    const { traceId, spans } = bigRun(3);
    const { database } = store(spans);
    await assert.rejects(traceSpanPage(sqliteQueryStore(database.db), newId(16), params('')), /no trace/);
    await assert.rejects(traceSpanPage(sqliteQueryStore(database.db), traceId, params('cursor=nope')), /cursor/);
  });
});

describe('matches inside a trace', () => {
  it('find spans by attribute, by name and by span id', async () => {
    const { traceId, spans } = bigRun(20);
    const { database } = store(spans);
    const byAttribute = await traceMatches(sqliteQueryStore(database.db), traceId, params('q=order.id=O-4'));
    assert.deepEqual(byAttribute.spanIds, [spans[4]!.spanId]);
    assert.equal((await traceMatches(sqliteQueryStore(database.db), traceId, params('q=gen_ai.tool.name=lookup'))).spanIds.length, 9);
    assert.equal((await traceMatches(sqliteQueryStore(database.db), traceId, params('q=SIM-SMALL'))).spanIds.length, 10, 'words match model names, any case');
    assert.deepEqual((await traceMatches(sqliteQueryStore(database.db), traceId, params(`q=${spans[3]!.spanId}`))).spanIds, [spans[3]!.spanId]);
    assert.deepEqual((await traceMatches(sqliteQueryStore(database.db), traceId, params('q=order.id=O-4 chat'))).spanIds, [], 'every term must hold');
  });
});
