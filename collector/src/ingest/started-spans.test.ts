import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeJsonTraces } from '../otlp/decode-json.ts';
import { getTrace } from '../query/get-trace.ts';
import { sqliteQueryStore } from '../query/query-store.ts';
import { openDatabase } from '../storage/open-database.ts';
import { createSpanWriter } from '../storage/span-writer.ts';
import { newId, otlpJson, type FixtureSpan } from '../testing/otlp-request.ts';
import { storeBatch } from './ingest.ts';
import { prepareBatch } from './prepare-batch.ts';
import { defaultPricing } from './pricing.ts';
import { markStarted } from './started-spans.ts';

function store() {
  const database = openDatabase(':memory:');
  const writer = createSpanWriter(database);
  const prepare = (spans: FixtureSpan[]) => prepareBatch(decodeJsonTraces(JSON.stringify(otlpJson(spans))), defaultPricing);
  return {
    database,
    start: (spans: FixtureSpan[], nowMs: number) => storeBatch(writer, markStarted(prepare(spans)), nowMs),
    finish: (spans: FixtureSpan[], nowMs: number) => storeBatch(writer, prepare(spans), nowMs),
    trace: async (traceId: string) => (await getTrace(sqliteQueryStore(database.db), traceId, { full: true }))!,
  };
}

function run() {
  const traceId = newId(16);
  const rootId = newId(8);
  const root: FixtureSpan = {
    traceId,
    spanId: rootId,
    name: 'invoke_agent support',
    startMs: 1000,
    endMs: 3000,
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'support', 'gen_ai.conversation.id': 'c-42' },
  };
  const chat: FixtureSpan = {
    traceId,
    spanId: newId(8),
    parentSpanId: rootId,
    name: 'chat gpt-4.1',
    kind: 3,
    startMs: 1100,
    endMs: 2900,
    attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4.1', 'gen_ai.usage.input_tokens': 900, 'gen_ai.usage.output_tokens': 50 },
  };
  return { traceId, root, chat };
}

describe('start records of running spans', () => {
  it('store a running span as open, counting nothing until it ends, then give way to the finished span', async () => {
    const { start, finish, trace } = store();
    const { traceId, root, chat } = run();
    const started = start([root, chat], 5_000);
    assert.equal(started.startedSpans, 2);
    assert.equal(started.acceptedSpans, 0);
    let detail = await trace(traceId);
    assert.equal(detail.trace.name, 'invoke_agent support', 'the root start record names the trace');
    assert.equal(detail.trace.agent, 'support');
    assert.equal(detail.trace.inProgress, true);
    assert.equal(detail.trace.openSpanCount, 2);
    assert.equal(detail.trace.spanCount, 0);
    assert.equal(detail.trace.inputTokens, 0, 'tokens sent with a start record are not counted');
    assert.equal(detail.trace.lastSeenTime, 5_000);
    const open = detail.spans.find((span) => span.name === 'chat gpt-4.1')!;
    assert.equal(open.durationMs, 0);
    assert.equal(open.inputTokens, null);

    const finished = finish([chat], 6_000);
    assert.deepEqual([finished.acceptedSpans, finished.duplicateSpans], [1, 0]);
    detail = await trace(traceId);
    assert.equal(detail.trace.openSpanCount, 1);
    assert.equal(detail.trace.spanCount, 1);
    assert.equal(detail.trace.inputTokens, 900);
    assert.equal(detail.spans.find((span) => span.name === 'chat gpt-4.1')!.durationMs, 1800);

    finish([root], 7_000);
    detail = await trace(traceId);
    assert.equal(detail.trace.openSpanCount, 0);
    assert.equal(detail.trace.inProgress, false);
    assert.equal(detail.trace.spanCount, 2);
    assert.equal(detail.trace.rootSpanId, root.spanId);
    assert.equal(detail.trace.durationMs, 2000);
  });

  it('ignore a start record that arrives after its span ended, and count a retried end once', async () => {
    const { start, finish, trace } = store();
    const { traceId, root, chat } = run();
    finish([root, chat], 5_000);
    assert.equal(start([chat], 6_000).startedSpans, 0);
    assert.equal(finish([chat], 6_500).duplicateSpans, 1);
    const detail = await trace(traceId);
    assert.equal(detail.trace.spanCount, 2);
    assert.equal(detail.trace.openSpanCount, 0);
    assert.equal(detail.spans.find((span) => span.name === 'chat gpt-4.1')!.durationMs, 1800, 'the finished span stays');
    assert.equal(detail.trace.lastSeenTime, 6_000, 'a late start record still says the trace was heard from');
  });

  it('take a repeated start record as a keep-alive: the span stays open and the trace is heard from', async () => {
    const { start, trace } = store();
    const { traceId, root } = run();
    start([root], 5_000);
    assert.equal(start([root], 15_000).startedSpans, 0);
    const detail = await trace(traceId);
    assert.equal(detail.trace.openSpanCount, 1);
    assert.equal(detail.trace.lastSeenTime, 15_000);
  });
});
