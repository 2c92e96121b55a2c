// A workload for the tests of several collectors sharing one PostgreSQL: agent runs cut into pieces and dealt into
// requests in a shuffled order (children before their roots), with what makes summaries hard to merge: start records
// of spans still running (some never end), errors, routed and escalated model calls, cache outcomes, tool calls
// cancelled or answered by a fallback. And the answer to compare with: what one SQLite collector computes from the
// same requests.
import { storeBatch } from '../ingest/ingest.ts';
import { prepareBatch } from '../ingest/prepare-batch.ts';
import { defaultPricing } from '../ingest/pricing.ts';
import { markStarted } from '../ingest/started-spans.ts';
import { decodeJsonTraces } from '../otlp/decode-json.ts';
import { openDatabase } from '../storage/open-database.ts';
import { traces, type TraceRecord } from '../storage/schema.ts';
import { createSpanWriter } from '../storage/span-writer.ts';
import { newId, otlpJson, type FixtureSpan } from './otlp-request.ts';

export interface WorkloadRequest {
  /** `/v1/traces`, or `/v1/traces/started` for start records. */
  path: '/v1/traces' | '/v1/traces/started';
  /** OTLP/JSON text. */
  body: string;
  /** Spans in the request. */
  spans: number;
}

/**
 * `runs` agent runs in `requests` requests of finished spans, plus two of start records.
 *
 * @example
 * const requests = scaleOutWorkload(60, 12, Date.UTC(2026, 11, 5));
 */
export function scaleOutWorkload(runs: number, requests: number, t0: number): WorkloadRequest[] {
  const finished: FixtureSpan[] = [];
  const started: FixtureSpan[] = [];
  for (let run = 0; run < runs; run++) {
    const traceId = newId(16);
    const root = newId(8);
    const start = t0 + run * 10_000;
    const rootSpan: FixtureSpan = {
      traceId,
      spanId: root,
      name: `invoke_agent ${run % 3 === 0 ? 'billing' : 'support'}`,
      startMs: start,
      endMs: start + 3_000,
      attributes: {
        'gen_ai.operation.name': 'invoke_agent',
        'gen_ai.agent.name': run % 3 === 0 ? 'billing' : 'support',
        'gen_ai.conversation.id': `c-${run}`,
        'hotpath.workload.variant': run % 2 ? 'baseline' : 'optimized',
        ...(run % 2 ? { 'hotpath.simulated': true } : {}),
      },
    };
    finished.push(rootSpan);
    for (let step = 0; step < 3; step++) {
      const model = step === 1 ? 'sim-large' : 'sim-small';
      const chat = newId(8);
      const chatSpan: FixtureSpan = {
        traceId,
        spanId: chat,
        parentSpanId: root,
        name: `chat ${model}`,
        kind: 3,
        startMs: start + step * 900,
        endMs: start + step * 900 + 800 + (run % 7) * 10,
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.provider.name': run % 2 ? 'hotpath.simulated' : 'openai',
          'gen_ai.request.model': model,
          'gen_ai.usage.input_tokens': 1000 + step,
          'gen_ai.usage.output_tokens': 50 + run,
          'gen_ai.usage.cache_read.input_tokens': 200,
          ...(step > 0
            ? {
                'hotpath.route.model': model,
                'hotpath.route.rule': step === 1 && run % 4 === 1 ? 'cascade:escalate' : 'step:tool-selection',
                'hotpath.route.reason': `step ${step}`,
                'hotpath.route.candidates': ['sim-small', 'sim-large'],
              }
            : {}),
          ...(run % 2 ? { 'hotpath.simulated': true } : {}),
        },
        status: step === 2 && run % 3 === 0 ? { code: 2, message: 'model overloaded' } : { code: 0 },
      };
      finished.push(chatSpan);
      const outcome = step === 2 && run % 4 === 2 ? 'cancelled' : step === 2 && run % 4 === 3 ? 'fell_back' : undefined;
      finished.push({
        traceId,
        spanId: newId(8),
        parentSpanId: chat,
        name: `execute_tool lookup_${step}`,
        startMs: start + step * 900 + 810,
        endMs: start + step * 900 + 850,
        attributes: {
          'gen_ai.operation.name': 'execute_tool',
          'gen_ai.tool.name': `lookup_${step}`,
          'hotpath.cache.hit': step === 0 ? 'miss' : step === 1 ? 'hit' : 'shared',
          ...(step > 0 ? { 'hotpath.tool.saved_ms': 40 + step } : {}),
          'order.id': `O-${run}-${step}`,
          ...(outcome ? { 'hotpath.tool.outcome': outcome } : {}),
        },
      });
      // Every fourth run was seen running: start records of its root and first model call.
      if (run % 4 === 0 && step === 0) started.push(rootSpan, chatSpan);
    }
    // Every fifth run has a tool call that never ended: only its start record arrives.
    if (run % 5 === 0) {
      started.push({ traceId, spanId: newId(8), parentSpanId: root, name: 'execute_tool slow_search', startMs: start + 2_950, endMs: start + 2_950, attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'slow_search' } });
    }
  }
  // Deterministic shuffle, then dealt round-robin into requests: each trace arrives in pieces.
  const order = finished.map((span, index) => ({ span, key: (index * 7919) % 104_729 })).sort((a, b) => a.key - b.key);
  const bodies: FixtureSpan[][] = Array.from({ length: requests }, () => []);
  order.forEach(({ span }, index) => bodies[index % requests]!.push(span));
  const resource = { attributes: { 'service.name': 'support-api' } };
  const half = Math.ceil(started.length / 2);
  return [
    { path: '/v1/traces/started' as const, spans: started.slice(0, half) },
    ...bodies.map((spans) => ({ path: '/v1/traces' as const, spans })),
    { path: '/v1/traces/started' as const, spans: started.slice(half) },
  ].map(({ path, spans }) => ({ path, body: JSON.stringify(otlpJson(spans, resource)), spans: spans.length }));
}

/**
 * The request indexes 0…count−1 in an order of their own for each instance (a permutation: every request once).
 *
 * @example
 * workloadOrder(14, 2); // [9, 3, 12, …]
 */
export function workloadOrder(count: number, instance: number): number[] {
  const multiplier = [1, 7, 13, 19][instance % 4]!;
  // 1009 is prime and larger than any count here, so (index + 1) × multiplier mod 1009 differs for every index.
  const key = (index: number) => ((index + 1) * multiplier + instance * 101) % 1009;
  return Array.from({ length: count }, (_, index) => index).sort((a, b) => key(a) - key(b));
}

/**
 * Prepares a request as the collector's route does (start records marked).
 *
 * @example
 * const batch = prepareWorkloadRequest(requests[0]!);
 */
export function prepareWorkloadRequest(request: WorkloadRequest) {
  const batch = prepareBatch(decodeJsonTraces(request.body), defaultPricing);
  return request.path === '/v1/traces/started' ? markStarted(batch) : batch;
}

/**
 * The trace summaries one SQLite collector computes from the requests, taken in order, by trace id.
 *
 * @example
 * const expected = singleCollectorSummaries(requests);
 */
export function singleCollectorSummaries(requests: readonly WorkloadRequest[]): TraceRecord[] {
  const database = openDatabase(':memory:');
  try {
    const writer = createSpanWriter(database);
    for (const request of requests) storeBatch(writer, prepareWorkloadRequest(request), Date.now());
    return database.db.select().from(traces).orderBy(traces.traceId).all();
  } finally {
    database.close();
  }
}

/**
 * A summary with what depends on arrival time or order left out or put in order: compare two of these.
 *
 * @example
 * assert.deepEqual(comparableSummary(fromPostgres), comparableSummary(fromSqlite));
 */
export function comparableSummary(record: TraceRecord): Record<string, unknown> {
  const { updatedMs: _updated, models, searchText, costUsd, ...rest } = record;
  return {
    ...rest,
    models: (JSON.parse(models) as string[]).sort(),
    searchText: searchText.split('\n').sort(),
    // Sums of doubles in another order differ in the last bits.
    costUsd: Math.round(costUsd * 1e12),
  };
}
