// The simulated-data part of the conformance suite (query-api-backend.ts): spend, routing and cache answers say which
// figures come from the simulated model server, whatever the store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningCollector } from '../../start-collector.ts';
import { newId, type FixtureSpan } from '../../testing/otlp-request.ts';
import type { CacheResponse, RoutingResponse, SpendResponse } from '../api-types.ts';
import { getJson, postSpans, type QueryApiBackend } from './query-api-backend.ts';

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

/**
 * Simulated flags and shares of the aggregate answers over a store of `backend`'s kind.
 *
 * @example
 * describeSimulatedFlags({ name: 'SQLite', start: (options) => startCollector({ port: 0, dbPath: ':memory:', ...options }) });
 */
export function describeSimulatedFlags(backend: QueryApiBackend): void {
  describe(`simulated flags of the aggregate answers on ${backend.name}`, { skip: backend.skipped?.() }, () => {
    let collector: RunningCollector;
    before(async () => {
      collector = await backend.start();
      const batch = [
        ...run('sim-agent', 'sim-small', true, t0, ['lookup', 'sim-only']),
        ...run('real-agent', 'gpt-4.1', false, t0 + 2000, ['lookup', 'real-only']),
        ...run('real-agent', 'gpt-4.1', false, t0 + 4000, []),
      ];
      await postSpans(collector, batch);
    });
    after(() => collector?.close());

    const get = <T>(path: string): Promise<T> => getJson<T>(collector, path);

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
  });
}
