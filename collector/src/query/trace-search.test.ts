import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ingest } from '../ingest/ingest.ts';
import { defaultPricing } from '../ingest/pricing.ts';
import { decodeJsonTraces } from '../otlp/decode-json.ts';
import { openDatabase } from '../storage/open-database.ts';
import { createSpanWriter } from '../storage/span-writer.ts';
import { newId, otlpJson, type FixtureSpan } from '../testing/otlp-request.ts';
import { listTraces } from './list-traces.ts';
import { sqliteQueryStore } from './query-store.ts';
import { QueryParams } from './query-params.ts';

function run(service: string, agent: string, options: { conversation: string; failure?: string; tool: string; model: string }) {
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
      attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': agent, 'gen_ai.conversation.id': options.conversation, 'hotpath.run.steps': 3 },
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
      attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': options.tool, ...(options.failure ? { 'error.type': 'timeout' } : {}) },
      status: options.failure ? { code: 2, message: options.failure } : { code: 0 },
    },
  ];
  return { traceId, toolId, spans, service };
}

describe('trace list search', async () => {
  const database = openDatabase(':memory:');
  const writer = createSpanWriter(database);
  const runs = [
    run('billing-api', 'billing', { conversation: 'c-1', tool: 'fetch_invoice', model: 'gpt-4.1', failure: 'Invoice service did not answer in 5000 ms' }),
    run('support-api', 'support', { conversation: 'c-2', tool: 'lookup_order', model: 'sim-small' }),
    run('support-api', 'support', { conversation: 'c 3', tool: 'lookup_order', model: 'sim-large' }),
  ];
  for (const entry of runs) ingest(writer, decodeJsonTraces(JSON.stringify(otlpJson(entry.spans, { attributes: { 'service.name': entry.service } }))), { pricing: defaultPricing, nowMs: 1 });
  const found = async (search: string) =>
    (await listTraces(sqliteQueryStore(database.db), new QueryParams(new URLSearchParams({ search }))))
      .traces.map((trace) => runs.findIndex((entry) => entry.traceId === trace.traceId))
      .sort();

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
  });

  it('finds words in names, services and error messages, every term holding', async () => {
    assert.deepEqual(await found('did not answer'), [0]);
    assert.deepEqual(await found('SUPPORT-API'), [1, 2]);
    assert.deepEqual(await found('support sim-large'), [2]);
  });

  it('narrows to given trace ids, for live updates, and refuses malformed ones', async () => {
    const ids = `${runs[0]!.traceId},${runs[2]!.traceId}`;
    const listed = (await listTraces(sqliteQueryStore(database.db), new QueryParams(new URLSearchParams({ traceIds: ids, service: 'support-api' })))).traces;
    assert.deepEqual(listed.map((trace) => trace.traceId), [runs[2]!.traceId]);
    await assert.rejects(listTraces(sqliteQueryStore(database.db), new QueryParams(new URLSearchParams({ traceIds: 'abc' }))), /traceIds/);
  });
});
