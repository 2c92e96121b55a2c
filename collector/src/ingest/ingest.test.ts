import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeJsonTraces } from '../otlp/decode-json.ts';
import { openDatabase } from '../storage/open-database.ts';
import { createSpanWriter } from '../storage/span-writer.ts';
import { getTrace } from '../query/get-trace.ts';
import { sqliteQueryStore } from '../query/query-store.ts';
import { newId, otlpJson, type FixtureResource, type FixtureSpan } from '../testing/otlp-request.ts';
import { ingest } from './ingest.ts';
import { defaultPricing } from './pricing.ts';

function store() {
  const database = openDatabase(':memory:');
  const writer = createSpanWriter(database);
  const send = (spans: FixtureSpan[], resource?: FixtureResource) =>
    ingest(writer, decodeJsonTraces(JSON.stringify(otlpJson(spans, resource))), { pricing: defaultPricing, nowMs: 1 });
  return { database, send, trace: (traceId: string) => getTrace(sqliteQueryStore(database.db), traceId, { full: true }) };
}

/** One agent run: root invoke_agent, a routed chat call and a cached tool call. */
function agentRun(traceId: string) {
  const root = newId(8);
  const chat: FixtureSpan = {
    traceId,
    spanId: newId(8),
    parentSpanId: root,
    name: 'chat sim-large',
    kind: 3,
    startMs: 1010,
    endMs: 1400,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'hotpath.simulated',
      'gen_ai.request.model': 'sim-large',
      'gen_ai.usage.input_tokens': 1000,
      'gen_ai.usage.output_tokens': 100,
      'gen_ai.usage.cache_read.input_tokens': 400,
      'hotpath.route.model': 'sim-large',
      'hotpath.route.rule': 'step:tool-selection',
      'hotpath.simulated': true,
    },
  };
  const tool: FixtureSpan = {
    traceId,
    spanId: newId(8),
    parentSpanId: root,
    name: 'execute_tool lookup',
    startMs: 1400,
    endMs: 1401,
    attributes: {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'lookup',
      'hotpath.cache.hit': 'hit',
      'hotpath.tool.saved_ms': 120,
    },
  };
  const agent: FixtureSpan = {
    traceId,
    spanId: root,
    name: 'invoke_agent support',
    startMs: 1000,
    endMs: 1500,
    attributes: {
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': 'support',
      // Run totals repeat the chat call's tokens: they must not be counted a second time.
      'gen_ai.usage.input_tokens': 1000,
      'gen_ai.usage.output_tokens': 100,
      'hotpath.workload.variant': 'optimized',
      'other.attribute': 'not a workload attribute',
    },
  };
  return { chat, tool, agent };
}

describe('ingest', () => {
  it('stores spans with derived columns and a trace summary that counts each token once', async () => {
    const { send, trace } = store();
    const traceId = newId(16);
    const { chat, tool, agent } = agentRun(traceId);
    const result = send([chat, tool, agent], { attributes: { 'service.name': 'support-desk' } });
    assert.deepEqual(result, { acceptedSpans: 3, rejectedSpans: 0, duplicateSpans: 0, startedSpans: 0, errorMessage: '', traceIds: [traceId] });
    const detail = (await trace(traceId))!;
    assert.equal(detail.trace.name, 'invoke_agent support');
    assert.equal(detail.trace.agent, 'support');
    assert.equal(detail.trace.service, 'support-desk');
    assert.equal(detail.trace.inputTokens, 1000);
    assert.equal(detail.trace.outputTokens, 100);
    assert.equal(detail.trace.cachedInputTokens, 400);
    assert.equal(detail.trace.costUsd, (600 * 2 + 400 * 0.5 + 100 * 8) / 1e6);
    assert.deepEqual(detail.trace.models, ['sim-large']);
    assert.equal(detail.trace.simulated, true);
    assert.equal(detail.trace.inProgress, false);
    assert.deepEqual(detail.trace.attributes, { 'hotpath.workload.variant': 'optimized' });
    assert.equal(detail.trace.durationMs, 500);
    const chatRow = detail.spans.find((span) => span.name === 'chat sim-large')!;
    assert.equal(chatRow.kind, 'client');
    assert.equal(chatRow.provider, 'hotpath.simulated');
    assert.equal(chatRow.model, 'sim-large');
    assert.equal(chatRow.routeRule, 'step:tool-selection');
    assert.equal(chatRow.resource?.['service.name'], 'support-desk');
    const toolRow = detail.spans.find((span) => span.toolName === 'lookup')!;
    assert.equal(toolRow.cacheHit, 'hit');
    assert.equal(detail.spans.find((span) => span.operation === 'invoke_agent')!.inputTokens, 1000);
  });

  it('builds the same summary when the children arrive before the root, showing the trace in progress meanwhile', async () => {
    const { send, trace } = store();
    const inOrder = newId(16);
    const inPieces = newId(16);
    const run = agentRun(inOrder);
    send([run.chat, run.tool, run.agent]);
    const pieces = agentRun(inPieces);
    send([pieces.tool]);
    send([pieces.chat]);
    const partial = (await trace(inPieces))!.trace;
    assert.equal(partial.inProgress, true);
    assert.equal(partial.rootSpanId, null);
    assert.equal(partial.name, 'chat sim-large', 'the earliest span names the trace while the root is missing');
    send([pieces.agent]);
    const complete = (await trace(inPieces))!.trace;
    const reference = (await trace(inOrder))!.trace;
    assert.equal(complete.inProgress, false);
    assert.deepEqual({ ...complete, traceId: '', rootSpanId: '' }, { ...reference, traceId: '', rootSpanId: '' });
  });

  it('counts real errors apart from cancelled speculation and timeouts answered by a fallback', async () => {
    const { send, trace } = store();
    const traceId = newId(16);
    const { chat, agent } = agentRun(traceId);
    const toolSpan = (name: string, attributes: Record<string, unknown>, status?: { code: number }): FixtureSpan => ({
      traceId, spanId: newId(8), parentSpanId: agent.spanId, name: `execute_tool ${name}`, startMs: 1400, endMs: 1450,
      attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': name, ...attributes }, ...(status && { status }),
    });
    send([
      chat,
      agent,
      toolSpan('prefetched', { 'hotpath.tool.outcome': 'cancelled', 'hotpath.tool.failure.type': 'aborted' }),
      toolSpan('other_prefetch', { 'hotpath.tool.outcome': 'cancelled' }),
      toolSpan('recommend', { 'hotpath.tool.outcome': 'fell_back', 'hotpath.tool.timed_out': true }),
      toolSpan('broken', { 'hotpath.tool.outcome': 'error', 'error.type': 'RangeError' }, { code: 2 }),
    ]);
    const summary = (await trace(traceId))!.trace;
    assert.deepEqual([summary.errorCount, summary.cancelledCount, summary.fellBackCount, summary.status], [1, 2, 1, 'error']);
  });

  it('acknowledges a retried batch without storing or counting it twice', async () => {
    const { send, trace } = store();
    const traceId = newId(16);
    const run = agentRun(traceId);
    send([run.chat, run.agent]);
    const again = send([run.chat, run.agent]);
    assert.equal(again.acceptedSpans, 0);
    assert.equal(again.duplicateSpans, 2);
    assert.equal((await trace(traceId))!.trace.spanCount, 2);
    assert.equal((await trace(traceId))!.trace.inputTokens, 1000);
  });

  it('rejects spans with invalid ids as a partial success and stores the rest', () => {
    const { send, database } = store();
    const good = { traceId: newId(16), spanId: newId(8), name: 'ok', startMs: 1, endMs: 2 };
    const result = send([
      good,
      { ...good, traceId: '0'.repeat(32), spanId: newId(8) },
      { ...good, spanId: 'abcd' },
    ]);
    assert.equal(result.acceptedSpans, 1);
    assert.equal(result.rejectedSpans, 2);
    assert.match(result.errorMessage, /2 span\(s\) rejected: resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[1\]: traceId must be 16 bytes/);
    assert.match(result.errorMessage, /spans\[2\]: spanId must be 8 bytes/);
    assert.equal(database.sqlite.prepare('SELECT count(*) FROM spans').pluck().get(), 1);
  });

  it('reads the older GenAI names and prices Anthropic-style usage without counting cache twice', async () => {
    const { send, trace } = store();
    const traceId = newId(16);
    send([
      {
        traceId,
        spanId: newId(8),
        name: 'chat claude-sonnet-4-5',
        startMs: 0,
        endMs: 10,
        attributes: {
          'gen_ai.system': 'anthropic',
          'gen_ai.request.model': 'claude-sonnet-4-5',
          'gen_ai.usage.prompt_tokens': 100,
          'gen_ai.usage.completion_tokens': 10,
          'gen_ai.usage.cache_read_input_tokens': 900,
        },
      },
    ]);
    const span = (await trace(traceId))!.spans[0]!;
    assert.equal(span.provider, 'anthropic');
    assert.equal(span.operation, null);
    assert.equal(span.inputTokens, 1000);
    assert.equal(span.cachedInputTokens, 900);
    assert.equal(span.costUsd, (100 * 3 + 900 * 0.3 + 10 * 15) / 1e6);
  });

  it('stores hostile and huge attribute values exactly as sent', async () => {
    const { send, trace } = store();
    const traceId = newId(16);
    const hostile = '<script>alert(1)</script>\u0000"\'`${x}\n\u202e🙂';
    const huge = 'x'.repeat(1_000_000);
    send([
      {
        traceId,
        spanId: newId(8),
        name: hostile,
        startMs: 0,
        endMs: 1,
        attributes: { [hostile]: hostile, huge, 'gen_ai.agent.name': hostile },
        status: { code: 2, message: hostile },
      },
    ]);
    const detail = (await trace(traceId))!;
    const span = detail.spans[0]!;
    assert.equal(span.name, hostile);
    assert.equal(span.attributes?.[hostile], hostile);
    assert.equal(span.attributes?.huge, huge);
    assert.equal(span.status.message, hostile);
    assert.equal(span.status.code, 'error');
    assert.equal(detail.trace.agent, hostile);
    assert.equal(detail.trace.status, 'error');
  });

  it('stores nothing of a request that fails half-way', () => {
    const { database } = store();
    const writer = createSpanWriter(database);
    const request = decodeJsonTraces(JSON.stringify(otlpJson([{ traceId: newId(16), spanId: newId(8), name: 'a', startMs: 0, endMs: 1 }])));
    const failing = { ...writer, putTrace: () => assert.fail('disk full') };
    assert.throws(() => ingest(failing, request, { pricing: defaultPricing }), /disk full/);
    assert.equal(database.sqlite.prepare('SELECT count(*) FROM spans').pluck().get(), 0);
  });
});

describe('trace progress', () => {
  it('keeps a trace in progress while a span ends more than 1 ms after its root', async () => {
    const { send, trace } = store();
    const traceId = newId(16);
    const root = newId(8);
    send([
      { traceId, spanId: root, name: 'invoke_agent a', startMs: 0, endMs: 100 },
      { traceId, spanId: newId(8), parentSpanId: root, name: 'rounding', startMs: 1, endMs: 100.0004 },
    ]);
    assert.equal((await trace(traceId))!.trace.inProgress, false, 'sub-millisecond clock rounding is not detached work');
    send([{ traceId, spanId: newId(8), parentSpanId: root, name: 'detached', startMs: 50, endMs: 250 }]);
    assert.equal((await trace(traceId))!.trace.inProgress, true);
  });
});
