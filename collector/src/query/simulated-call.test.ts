import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startCollector, type RunningCollector } from '../start-collector.ts';
import { openDatabase } from '../storage/open-database.ts';
import { spans } from '../storage/schema.ts';
import { newId, otlpJson, type FixtureSpan } from '../testing/otlp-request.ts';
import type { CacheResponse, RoutingResponse, SpendResponse } from './api-types.ts';
import { simulatedCall, simulatedCallLookup } from './simulated-call.ts';
import { modelCallsOnly } from './time-scope.ts';

const t0 = Date.UTC(2026, 10, 21, 6, 0, 0);

/** One run: a routed model call (flagged simulated when the run is), and tool calls that never carry the flag. */
function run(agent: string, model: string, simulated: boolean, startMs: number, tools: string[]): FixtureSpan[] {
  const traceId = newId(16);
  const root = newId(8);
  return [
    {
      traceId,
      spanId: root,
      name: `invoke_agent ${agent}`,
      startMs,
      endMs: startMs + 1000,
      attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': agent },
    },
    {
      traceId,
      spanId: newId(8),
      parentSpanId: root,
      name: `chat ${model}`,
      kind: 3,
      startMs: startMs + 10,
      endMs: startMs + 110,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.model': model,
        'gen_ai.usage.input_tokens': 100,
        'gen_ai.usage.output_tokens': 10,
        'hotpath.route.model': model,
        'hotpath.route.rule': 'step:first',
        ...(simulated ? { 'hotpath.simulated': true, 'gen_ai.provider.name': 'hotpath.simulated' } : { 'gen_ai.provider.name': 'openai' }),
      },
    },
    ...tools.map((name, index): FixtureSpan => ({
      traceId,
      spanId: newId(8),
      parentSpanId: root,
      name: `execute_tool ${name}`,
      startMs: startMs + 200 + index,
      endMs: startMs + 210 + index,
      attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': name, 'hotpath.cache.hit': 'miss' },
    })),
  ];
}

describe('simulated flags of the aggregate answers', () => {
  let collector: RunningCollector;
  before(async () => {
    collector = await startCollector({ port: 0, dbPath: ':memory:' });
    const batch = [
      ...run('sim-agent', 'sim-small', true, t0, ['lookup', 'sim-only']),
      ...run('real-agent', 'gpt-4.1', false, t0 + 2000, ['lookup', 'real-only']),
      ...run('real-agent', 'gpt-4.1', false, t0 + 4000, []),
    ];
    const response = await fetch(`${collector.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(otlpJson(batch)) });
    assert.equal(response.status, 200);
  });
  after(() => collector.close());

  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${collector.url}${path}`);
    assert.equal(response.status, 200, await response.clone().text());
    return (await response.json()) as T;
  };

  it('labels spend buckets by model and by agent, and gives the simulated share of the calls', async () => {
    const byModel = await get<SpendResponse>(`/api/spend?from=${t0 - 60_000}&to=${t0 + 60_000}&bucket=minute&groupBy=model`);
    const flags = (spend: SpendResponse) => Object.fromEntries(spend.buckets.map((bucket) => [bucket.group, bucket.simulated]));
    assert.deepEqual(flags(byModel), { 'gpt-4.1': false, 'sim-small': true });
    assert.equal(byModel.totals.requests, 3);
    assert.equal(byModel.totals.simulatedShare, 1 / 3);
    const byAgent = await get<SpendResponse>(`/api/spend?from=${t0 - 60_000}&to=${t0 + 60_000}&bucket=minute&groupBy=agent`);
    assert.deepEqual(flags(byAgent), { 'real-agent': false, 'sim-agent': true });
  });

  it('labels routing models, rules and decisions, and gives the simulated share of the calls', async () => {
    const routing = await get<RoutingResponse>('/api/routing');
    assert.deepEqual(Object.fromEntries(routing.models.map((model) => [model.model, model.simulated])), { 'gpt-4.1': false, 'sim-small': true });
    assert.deepEqual(Object.fromEntries(routing.rules.map((rule) => [rule.model, rule.simulated])), { 'gpt-4.1': false, 'sim-small': true });
    assert.deepEqual(routing.decisions.map((decision) => [decision.model, decision.simulated]), [['gpt-4.1', false], ['gpt-4.1', false], ['sim-small', true]]);
    assert.equal(routing.simulatedShare, 1 / 3);
  });

  it('labels a tool simulated when any of its calls ran in a simulated trace, though tool spans carry no flag', async () => {
    const cache = await get<CacheResponse>('/api/cache');
    assert.deepEqual(cache.tools.map((tool) => tool.toolName).sort(), ['lookup', 'real-only', 'sim-only']);
    assert.deepEqual(Object.fromEntries(cache.tools.map((tool) => [tool.toolName, tool.simulated])), { lookup: true, 'real-only': false, 'sim-only': true });
    assert.equal(cache.simulatedShare, 2 / 4);
  });

  it('answers zero shares, not NaN, for an empty window', async () => {
    const from = t0 + 3_600_000;
    assert.equal((await get<SpendResponse>(`/api/spend?from=${from}&to=${from + 60_000}`)).totals.simulatedShare, 0);
    assert.equal((await get<RoutingResponse>(`/api/routing?from=${from}`)).simulatedShare, 0);
    assert.equal((await get<CacheResponse>(`/api/cache?from=${from}`)).simulatedShare, 0);
  });

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
