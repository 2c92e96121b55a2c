// The search part of the conformance suite (query-api-backend.ts): the trace list's search box, a trace's spans in
// pages, and the search inside one trace — where the stores' SQL differs most (text and JSON matching) — answered the
// same whatever the store, hostile attribute keys and values included.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningCollector } from '../../start-collector.ts';
import { newId, type FixtureSpan, type FixtureValue } from '../../testing/otlp-request.ts';
import type { SpanMatchesResponse, SpanPage, TraceDetail, TraceListResponse } from '../api-types.ts';
import { getJson, postSpans, type QueryApiBackend } from './query-api-backend.ts';

/** Keys and values a JSON path or a SQL string could trip over. */
const hostileAttributes: Record<string, FixtureValue> = {
  'dotted.key.with.dots': 'd1',
  'back\\slash': 'b1',
  'emoji 🚀': 'ok 🚀',
  flag: true,
  count: 3,
  ratio: 0.5,
  tags: ['a', 'b'],
  "it's": "l'eau",
};

function run(service: string, agent: string, options: { conversation: string; failure?: string; tool: string; model: string; attributes?: Record<string, FixtureValue> }) {
  const traceId = newId(16);
  const rootId = newId(8);
  const toolId = newId(8);
  const spans: FixtureSpan[] = [
    {
      traceId,
      spanId: rootId,
      name: `invoke_agent ${agent}`,
      startMs: 1000,
      endMs: 2000,
      attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': agent, 'gen_ai.conversation.id': options.conversation, 'hotpath.run.steps': 3, ...options.attributes },
    },
    {
      traceId,
      spanId: newId(8),
      parentSpanId: rootId,
      name: `chat ${options.model}`,
      startMs: 1100,
      endMs: 1500,
      attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': options.model, 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.output_tokens': 1 },
    },
    {
      traceId,
      spanId: toolId,
      parentSpanId: rootId,
      name: `execute_tool ${options.tool}`,
      startMs: 1500,
      endMs: 1900,
      attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': options.tool, ...(options.failure ? { 'error.type': 'timeout' } : {}), ...options.attributes },
      status: options.failure ? { code: 2, message: options.failure } : { code: 0 },
    },
  ];
  return { traceId, toolId, spans, service };
}

/** One trace of `spanCount` spans (a root, then chat and tool calls sent in reverse start order). */
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
      startMs: 1000 + (spanCount - index),
      endMs: 1001 + (spanCount - index),
      attributes: isTool ? { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'lookup', 'order.id': `O-${index}` } : { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'sim-small' },
    });
  }
  return { traceId, spans };
}

/**
 * Search and span pages over a store of `backend`'s kind.
 *
 * @example
 * describeSearch({ name: 'SQLite', start: (options) => startCollector({ port: 0, dbPath: ':memory:', ...options }) });
 */
export function describeSearch(backend: QueryApiBackend): void {
  describe(`search and span pages on ${backend.name}`, { skip: backend.skipped?.() }, () => {
    let collector: RunningCollector;
    const runs = [
      run('billing-api', 'billing', { conversation: 'c-1', tool: 'fetch_invoice', model: 'gpt-4.1', failure: 'Invoice service did not answer in 5000 ms' }),
      run('support-api', 'support', { conversation: 'c-2', tool: 'lookup_order', model: 'sim-small', attributes: hostileAttributes }),
      run('support-api', 'support', { conversation: 'c 3', tool: 'lookup_order', model: 'sim-large' }),
    ];
    const big = bigRun(250);
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>\u0000\u202e\'; DROP TABLE spans; -- %_\\';
    const hostileSpan: FixtureSpan = { traceId: newId(16), spanId: newId(8), name: hostile, startMs: 1, endMs: 2, attributes: { [hostile]: hostile, 'gen_ai.agent.name': hostile } };
    before(async () => {
      collector = await backend.start();
      for (const entry of runs) await postSpans(collector, entry.spans, { attributes: { 'service.name': entry.service } });
      await postSpans(collector, big.spans);
      await postSpans(collector, [hostileSpan], { attributes: { 'service.name': hostile } });
    });
    after(() => collector?.close());

    const found = async (search: string) =>
      (await getJson<TraceListResponse>(collector, `/api/traces?${new URLSearchParams({ search })}`)).traces
        .map((trace) => runs.findIndex((entry) => entry.traceId === trace.traceId))
        .filter((index) => index !== -1)
        .sort();
    const matches = async (traceId: string, q: string) => (await getJson<SpanMatchesResponse>(collector, `/api/traces/${traceId}/matches?${new URLSearchParams({ q })}`)).spanIds;

    it('finds a trace by its id, by a prefix of it, and by the id of one of its spans', async () => {
      assert.deepEqual(await found(runs[1]!.traceId), [1]);
      assert.deepEqual(await found(runs[2]!.traceId.slice(0, 12).toUpperCase()), [2]);
      assert.deepEqual(await found(runs[0]!.toolId), [0]);
    });

    it('finds key=value attributes of the root span, and GenAI keys on any span', async () => {
      assert.deepEqual(await found('gen_ai.conversation.id=c-2'), [1]);
      assert.deepEqual(await found('gen_ai.conversation.id="c 3"'), [2]);
      assert.deepEqual(await found('hotpath.run.steps=3.0'), [0, 1, 2]);
      assert.deepEqual(await found('gen_ai.tool.name=lookup_order'), [1, 2]);
      assert.deepEqual(await found('gen_ai.request.model=gpt-4.1'), [0]);
      assert.deepEqual(await found('service.name=billing-api'), [0]);
      assert.deepEqual(await found('gen_ai.agent.name=support'), [1, 2]);
      assert.deepEqual(await found('error.type=timeout'), [0]);
      assert.deepEqual(await found('gen_ai.conversation.id=c'), [], 'values match whole');
      assert.deepEqual(await found("it's=l'eau"), [1], 'quotes in keys and values');
    });

    it('finds words in names, services and error messages, every term holding', async () => {
      assert.deepEqual(await found('did not answer'), [0]);
      assert.deepEqual(await found('SUPPORT-API'), [1, 2]);
      assert.deepEqual(await found('support sim-large'), [2]);
      assert.deepEqual(await found("100%_'"), [], 'LIKE wildcards and quotes are plain text');
    });

    it('stores hostile strings and serves them back as JSON text, found by the same hostile filters', async () => {
      // Text columns (names) keep NUL where the store can; attributes (JSON) keep it everywhere.
      const asText = backend.textWithoutNul ? hostile.replaceAll('\u0000', '\uFFFD') : hostile;
      const { traces } = await getJson<TraceListResponse>(collector, `/api/traces?q=${encodeURIComponent('<script>')}&service=${encodeURIComponent(hostile)}`);
      assert.deepEqual(traces.map((trace) => [trace.traceId, trace.name, trace.agent]), [[hostileSpan.traceId, asText, asText]]);
      const detail = await getJson<TraceDetail>(collector, `/api/traces/${hostileSpan.traceId}`);
      assert.equal(detail.spans[0]!.attributes?.[hostile], hostile);
      assert.equal(detail.spans[0]!.resource?.['service.name'], hostile);
      assert.deepEqual(await matches(hostileSpan.traceId, 'DROP'), [hostileSpan.spanId]);
    });

    it('narrows to given trace ids, for live updates, and refuses malformed ones', async () => {
      const ids = `${runs[0]!.traceId},${runs[2]!.traceId}`;
      const listed = await getJson<TraceListResponse>(collector, `/api/traces?traceIds=${ids}&service=support-api`);
      assert.deepEqual(listed.traces.map((trace) => trace.traceId), [runs[2]!.traceId]);
      await getJson(collector, '/api/traces?traceIds=abc', 400);
    });

    it('pages through every span once, in start order and in storage order, with the trace summary', async () => {
      for (const order of ['start', 'id']) {
        const seen: SpanPage['spans'][] = [];
        let cursor: string | null = null;
        do {
          const page: SpanPage = await getJson<SpanPage>(collector, `/api/traces/${big.traceId}/spans?order=${order}&limit=100${cursor ? `&cursor=${cursor}` : ''}`);
          assert.equal(page.trace.traceId, big.traceId);
          assert.equal(page.spans.base, page.trace.startTime);
          seen.push(page.spans);
          cursor = page.nextCursor;
        } while (cursor);
        assert.equal(seen.length, 3, order);
        const ids = seen.flatMap((columns) => columns.spanIds);
        if (order === 'id') assert.deepEqual(ids, big.spans.map((span) => span.spanId).sort());
        else {
          const starts = seen.flatMap((columns) => columns.starts);
          assert.equal(starts.length, 250);
          assert.deepEqual(starts, [...starts].sort((a, b) => a - b));
          assert.equal(seen[0]!.strings[seen[0]!.names[0]!], 'invoke_agent bulk', 'the root comes first');
        }
      }
      const first = await getJson<SpanPage>(collector, `/api/traces/${big.traceId}/spans?limit=10`);
      await getJson(collector, `/api/traces/${big.traceId}/spans?order=id&cursor=${first.nextCursor}`, 400);
      await getJson(collector, `/api/traces/${big.traceId}/spans?cursor=nope`, 400);
      await getJson(collector, `/api/traces/${newId(16)}/spans`, 404);
      const since = await getJson<SpanPage>(collector, `/api/traces/${big.traceId}/spans?since=${Date.now() + 60_000}`);
      assert.deepEqual(since.spans.spanIds, [], 'nothing stored after a time to come');
    });

    it('finds spans inside a trace by attribute, by name and by span id', async () => {
      assert.deepEqual(await matches(big.traceId, 'order.id=O-4'), [big.spans[4]!.spanId]);
      assert.equal((await matches(big.traceId, 'gen_ai.tool.name=lookup')).length, 124);
      assert.equal((await matches(big.traceId, 'SIM-SMALL')).length, 125, 'words match model names, any case');
      assert.deepEqual(await matches(big.traceId, big.spans[3]!.spanId), [big.spans[3]!.spanId]);
      assert.deepEqual(await matches(big.traceId, 'order.id=O-4 chat'), [], 'every term must hold');
      await getJson(collector, `/api/traces/${newId(16)}/matches?q=x`, 404);
      await getJson(collector, `/api/traces/${big.traceId}/matches`, 400);
    });

    it('matches attribute values as text, numbers and booleans, under keys with dots, quotes and backslashes', async () => {
      const { traceId, toolId } = runs[1]!;
      const tool = [toolId];
      assert.equal((await matches(traceId, 'dotted.key.with.dots=d1')).length, 2);
      assert.equal((await matches(traceId, 'back\\slash=b1')).length, 2);
      assert.equal((await matches(traceId, "it's=l'eau")).length, 2);
      assert.equal((await matches(traceId, 'flag=true')).length, 2);
      assert.equal((await matches(traceId, 'flag=1')).length, 2, 'true is 1, as SQLite reads JSON');
      assert.equal((await matches(traceId, 'count=3.0')).length, 2);
      assert.equal((await matches(traceId, 'ratio=0.50')).length, 2);
      assert.equal((await matches(traceId, 'count=4')).length, 0);
      assert.deepEqual(await matches(traceId, 'gen_ai.tool.name=lookup_order flag=true'), tool);
    });
  });
}
