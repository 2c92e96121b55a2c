// The query routes part of the conformance suite (query-api-backend.ts): the answers the dashboard reads, the same
// whatever the store.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { RunningCollector } from '../../start-collector.ts';
import { newId, type FixtureSpan } from '../../testing/otlp-request.ts';
import type { TraceDetail, TraceSummary } from '../api-types.ts';
import { getJson, postSpans, type QueryApiBackend } from './query-api-backend.ts';

const t0 = Date.UTC(2026, 10, 20, 12, 0, 0);

function chat(traceId: string, parent: string, startMs: number, model: string, extra: Record<string, string | number | boolean | string[]> = {}): FixtureSpan {
  return {
    traceId,
    spanId: newId(8),
    parentSpanId: parent,
    name: `chat ${model}`,
    kind: 3,
    startMs,
    endMs: startMs + 100,
    attributes: {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'hotpath.simulated',
      'gen_ai.request.model': model,
      'gen_ai.usage.input_tokens': 1000,
      'gen_ai.usage.cache_read.input_tokens': 500,
      'gen_ai.usage.output_tokens': 100,
      ...extra,
    },
  };
}

function tool(traceId: string, parent: string, startMs: number, name: string, hit: string, savedMs?: number): FixtureSpan {
  return {
    traceId,
    spanId: newId(8),
    parentSpanId: parent,
    name: `execute_tool ${name}`,
    startMs,
    endMs: startMs + 5,
    attributes: {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': name,
      'hotpath.cache.hit': hit,
      ...(savedMs === undefined ? {} : { 'hotpath.tool.saved_ms': savedMs }),
    },
  };
}

function run(options: { agent: string; variant: string; startMs: number; durationMs: number; error?: boolean; body: (traceId: string, root: string) => FixtureSpan[] }) {
  const traceId = newId(16);
  const root = newId(8);
  const spans = options.body(traceId, root);
  spans.push({
    traceId,
    spanId: root,
    name: `invoke_agent ${options.agent}`,
    startMs: options.startMs,
    endMs: options.startMs + options.durationMs,
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': options.agent, 'hotpath.workload.variant': options.variant, 'hotpath.workload.batch': 7 },
    status: options.error ? { code: 2, message: 'failed' } : { code: 0 },
  });
  return { traceId, spans };
}

const baseline = run({
  agent: 'support',
  variant: 'baseline',
  startMs: t0,
  durationMs: 1000,
  body: (traceId, root) => [chat(traceId, root, t0 + 10, 'sim-large'), tool(traceId, root, t0 + 200, 'lookup', 'off'), chat(traceId, root, t0 + 300, 'sim-large')],
});
const optimized = run({
  agent: 'support',
  variant: 'optimized',
  startMs: t0 + 10_000,
  durationMs: 400,
  body: (traceId, root) => [
    chat(traceId, root, t0 + 10_010, 'sim-small', { 'hotpath.route.model': 'sim-small', 'hotpath.route.rule': 'step:tool-selection', 'hotpath.route.reason': 'tools pending', 'hotpath.route.candidates': ['sim-small', 'sim-large'] }),
    tool(traceId, root, t0 + 10_120, 'lookup', 'hit', 200),
    tool(traceId, root, t0 + 10_121, 'lookup', 'shared', 150),
    tool(traceId, root, t0 + 10_122, 'search', 'miss'),
    chat(traceId, root, t0 + 10_200, 'sim-large', { 'hotpath.route.model': 'sim-large', 'hotpath.route.rule': 'cascade:escalate', 'hotpath.route.candidates': ['sim-small', 'sim-large'] }),
  ],
});
const billing = run({
  agent: 'billing',
  variant: 'optimized',
  startMs: t0 + 70_000,
  durationMs: 200,
  error: true,
  body: (traceId, root) => [chat(traceId, root, t0 + 70_001, 'gpt-4.1')],
});

/**
 * The query routes over a store of `backend`'s kind: list, filters, sorts, cursors, one trace, one span, facets,
 * spend, routing, cache, compare, health and refusals.
 *
 * @example
 * describeQueryRoutes({ name: 'SQLite', start: (options) => startCollector({ port: 0, dbPath: ':memory:', ...options }) });
 */
export function describeQueryRoutes(backend: QueryApiBackend): void {
  describe(`query API on ${backend.name}`, { skip: backend.skipped?.() }, () => {
    let collector: RunningCollector;
    before(async () => {
      collector = await backend.start();
      await postSpans(collector, [...baseline.spans, ...optimized.spans], { attributes: { 'service.name': 'desk' } });
      await postSpans(collector, billing.spans, { attributes: { 'service.name': 'billing-service' } });
    });
    after(() => collector?.close());

    const get = <T>(path: string, status = 200): Promise<T> => getJson<T>(collector, path, status);
    const ids = async (query: string) => (await get<{ traces: TraceSummary[] }>(`/api/traces${query}`)).traces.map((trace) => trace.traceId);

    it('lists traces newest first and filters them', async () => {
      assert.deepEqual(await ids(''), [billing.traceId, optimized.traceId, baseline.traceId]);
      assert.deepEqual(await ids('?service=desk&order=asc'), [baseline.traceId, optimized.traceId]);
      assert.deepEqual(await ids('?agent=billing'), [billing.traceId]);
      assert.deepEqual(await ids('?status=error'), [billing.traceId]);
      assert.deepEqual(await ids('?status=ok&model=sim-small'), [optimized.traceId]);
      assert.deepEqual(await ids('?minDurationMs=500'), [baseline.traceId]);
      assert.deepEqual(await ids('?maxDurationMs=250'), [billing.traceId]);
      assert.deepEqual(await ids('?minTokens=2200'), [optimized.traceId, baseline.traceId]);
      assert.deepEqual(await ids('?maxTokens=1100'), [billing.traceId]);
      assert.deepEqual(await ids(`?from=${t0 + 5000}&to=${new Date(t0 + 20_000).toISOString()}`), [optimized.traceId]);
      assert.deepEqual(await ids('?q=SEARCH'), [optimized.traceId], 'free text matches tool names, case-insensitively');
      assert.deepEqual(await ids('?q=gpt-4.1'), [billing.traceId]);
      assert.deepEqual(await ids('?attr.hotpath.workload.variant=baseline'), [baseline.traceId]);
      assert.deepEqual(await ids('?attr.hotpath.workload.batch=7&agent=support&order=asc'), [baseline.traceId, optimized.traceId]);
      assert.deepEqual(await ids('?unknownParameter=1&service=desk'), [optimized.traceId, baseline.traceId]);
    });

    it('sorts by duration, tokens and cost', async () => {
      assert.deepEqual(await ids('?sort=duration'), [baseline.traceId, optimized.traceId, billing.traceId]);
      assert.equal((await ids('?sort=tokens&order=asc'))[0], billing.traceId);
      const byCost = (await get<{ traces: TraceSummary[] }>('/api/traces?sort=cost')).traces.map((trace) => trace.costUsd);
      assert.deepEqual(byCost, [...byCost].sort((x, y) => y - x));
    });

    it('pages with a cursor without repeating or skipping, whatever the sort', async () => {
      for (const sort of ['start', 'duration', 'tokens', 'cost']) {
        const seen: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { traces: TraceSummary[]; nextCursor: string | null } = await get(
            `/api/traces?sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
          );
          assert.ok(page.traces.length <= 1);
          seen.push(...page.traces.map((trace) => trace.traceId));
          cursor = page.nextCursor;
        } while (cursor !== null);
        assert.deepEqual(seen, await ids(`?sort=${sort}`), sort);
      }
    });

    it('answers 400 naming the parameter for invalid values', async () => {
      for (const [query, name] of [
        ['limit=0', 'limit'],
        ['limit=many', 'limit'],
        ['sort=name', 'sort'],
        ['status=maybe', 'status'],
        ['from=yesterday', 'from'],
        ['cursor=bm9wZQ', 'cursor'],
      ]) {
        const body = await get<{ error: { code: string; message: string } }>(`/api/traces?${query}`, 400);
        assert.equal(body.error.code, 'bad_request');
        assert.match(body.error.message, new RegExp(`invalid query parameter ${name}:`));
      }
      const { nextCursor } = await get<{ nextCursor: string }>('/api/traces?limit=1');
      assert.match((await get<{ error: { message: string } }>(`/api/traces?sort=cost&limit=1&cursor=${nextCursor}`, 400)).error.message, /made for sort=start/);
    });

    it('returns one trace with spans by start time, one span in full, and 404 for unknown ones', async () => {
      const detail = await get<TraceDetail>(`/api/traces/${optimized.traceId.toUpperCase()}`);
      assert.equal(detail.trace.traceId, optimized.traceId);
      assert.equal(detail.spans.length, 6);
      assert.deepEqual(detail.spans.map((span) => span.startTime), detail.spans.map((span) => span.startTime).sort((x, y) => x - y));
      const routed = detail.spans.find((span) => span.routeRule === 'cascade:escalate')!;
      const { span } = await get<{ span: TraceDetail['spans'][number] }>(`/api/traces/${optimized.traceId}/spans/${routed.spanId}`);
      assert.deepEqual(span.attributes?.['hotpath.route.candidates'], ['sim-small', 'sim-large']);
      assert.equal((await get<{ error: { code: string } }>(`/api/traces/${newId(16)}`, 404)).error.code, 'not_found');
      await get(`/api/traces/${optimized.traceId}/spans/${newId(8)}`, 404);
      await get('/api/nothing-here', 404);
    });

    it('reports facets', async () => {
      assert.deepEqual(await get('/api/facets'), {
        services: ['billing-service', 'desk'],
        agents: ['billing', 'support'],
        models: ['gpt-4.1', 'sim-large', 'sim-small'],
      });
    });

    it('sums spend of model calls per bucket and group, never adding agent run totals', async () => {
      const spend = await get<{
        bucketMs: number;
        groups: string[];
        buckets: { start: number; group: string; inputTokens: number; requests: number; costUsd: number }[];
        totals: { inputTokens: number; cachedInputTokens: number; requests: number; cachedShare: number; costUsd: number };
      }>(`/api/spend?bucket=minute&groupBy=model&from=${t0}&to=${t0 + 120_000}`);
      assert.equal(spend.bucketMs, 60_000);
      assert.deepEqual(spend.groups, ['gpt-4.1', 'sim-large', 'sim-small']);
      assert.deepEqual(
        spend.buckets.map((bucket) => [bucket.start - t0, bucket.group, bucket.requests]),
        [
          [0, 'sim-large', 3],
          [0, 'sim-small', 1],
          [60_000, 'gpt-4.1', 1],
        ],
      );
      assert.equal(spend.totals.requests, 5);
      assert.equal(spend.totals.inputTokens, 5000);
      assert.equal(spend.totals.cachedShare, 0.5);
      const simLarge = (500 * 2 + 500 * 0.5 + 100 * 8) / 1e6;
      assert.ok(Math.abs(spend.buckets[0]!.costUsd - 3 * simLarge) < 1e-12);
      const byAgent = await get<{ groups: string[]; totals: { requests: number } }>('/api/spend?groupBy=agent&service=desk');
      assert.deepEqual(byAgent.groups, ['support']);
      assert.equal(byAgent.totals.requests, 4);
      const oneModel = await get<{ totals: { requests: number } }>('/api/spend?model=sim-small&bucketMs=5000');
      assert.equal(oneModel.totals.requests, 1);
      await get('/api/spend?bucket=week', 400);
      await get(`/api/spend?bucketMs=1000&from=0&to=${t0}`, 400);
    });

    it('reports routing per model, per rule and per decision, counting escalations', async () => {
      const routing = await get<{
        models: { model: string; calls: number; routed: number; p50LatencyMs: number }[];
        rules: { rule: string; model: string; count: number }[];
        decisions: { traceId: string; model: string; candidates: string[]; rule: string; reason: string | null; escalated: boolean; latencyMs: number }[];
        escalations: number;
      }>('/api/routing');
      assert.deepEqual(
        routing.models.map((model) => [model.model, model.calls, model.routed]),
        [
          ['sim-large', 3, 1],
          ['gpt-4.1', 1, 0],
          ['sim-small', 1, 0 + 1],
        ],
      );
      assert.equal(routing.models[0]!.p50LatencyMs, 100);
      assert.deepEqual(routing.rules.map((rule) => [rule.rule, rule.model, rule.count]).sort(), [
        ['cascade:escalate', 'sim-large', 1],
        ['step:tool-selection', 'sim-small', 1],
      ]);
      assert.deepEqual(
        routing.decisions.map((decision) => [decision.model, decision.rule, decision.reason, decision.escalated]),
        [
          ['sim-large', 'cascade:escalate', null, true],
          ['sim-small', 'step:tool-selection', 'tools pending', false],
        ],
      );
      assert.deepEqual(routing.decisions[0]!.candidates, ['sim-small', 'sim-large']);
      assert.equal(routing.escalations, 1);
      const scoped = await get<{ decisions: unknown[]; models: unknown[] }>(`/api/routing?traceId=${baseline.traceId}`);
      assert.equal(scoped.decisions.length, 0);
      assert.equal(scoped.models.length, 1);
    });

    it('reports tool cache hits and time saved', async () => {
      const cache = await get<{
        tools: { toolName: string; calls: number; hits: number; misses: number; shared: number; savedMs: number; simulated: boolean }[];
        totals: { calls: number; hits: number; misses: number; shared: number; savedMs: number; hitRate: number };
      }>('/api/cache');
      assert.deepEqual(cache.tools, [
        { toolName: 'lookup', calls: 3, hits: 1, misses: 0, shared: 1, savedMs: 350, simulated: false },
        { toolName: 'search', calls: 1, hits: 0, misses: 1, shared: 0, savedMs: 0, simulated: false },
      ]);
      assert.deepEqual(cache.totals, { calls: 4, hits: 1, misses: 1, shared: 1, savedMs: 350, hitRate: 2 / 3 });
      assert.equal((await get<{ totals: { calls: number } }>(`/api/cache?traceId=${baseline.traceId}`)).totals.calls, 1);
    });

    it('compares two traces side by side', async () => {
      const comparison = await get<{
        a: TraceDetail;
        b: TraceDetail;
        speedup: number;
        diff: { inputTokens: number; spanCount: number; modelCalls: number; toolCalls: number; costUsd: number };
      }>(`/api/compare?a=${baseline.traceId}&b=${optimized.traceId}&view=waterfall`);
      assert.equal(comparison.a.trace.traceId, baseline.traceId);
      assert.equal(comparison.b.spans.length, 6);
      assert.equal(comparison.b.spans[0]!.attributes, undefined);
      assert.equal(comparison.speedup, 1000 / 400);
      assert.deepEqual(
        { inputTokens: comparison.diff.inputTokens, spanCount: comparison.diff.spanCount, modelCalls: comparison.diff.modelCalls, toolCalls: comparison.diff.toolCalls },
        { inputTokens: 0, spanCount: 2, modelCalls: 0, toolCalls: 2 },
      );
      await get(`/api/compare?a=${baseline.traceId}`, 400);
      await get(`/api/compare?a=${baseline.traceId}&b=${newId(16)}`, 404);
    });

    it('answers 405 to methods other than GET and HEAD, and HEAD without a body', async () => {
      const post = await fetch(`${collector.url}/api/traces`, { method: 'POST', body: '{}' });
      assert.equal(post.status, 405);
      assert.equal(post.headers.get('allow'), 'GET, HEAD');
      assert.equal(((await post.json()) as { error: { code: string } }).error.code, 'method_not_allowed');
      const head = await fetch(`${collector.url}/api/traces`, { method: 'HEAD' });
      assert.equal(head.status, 200);
      assert.equal(await head.text(), '');
    });

    it('reports health', async () => {
      const health = await get<{ ok: boolean; traces: number; spans: number; dbPath?: string; uptimeMs: number }>('/api/health');
      assert.equal(health.ok, true);
      assert.equal(health.traces, 3);
      assert.equal(health.spans, 4 + 6 + 2);
      assert.equal(health.dbPath, undefined, 'the database path stays on the server');
    });
  });
}
