import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ingest } from '../ingest/ingest.ts';
import { prepareBatch } from '../ingest/prepare-batch.ts';
import { defaultPricing } from '../ingest/pricing.ts';
import { decodeJsonTraces } from '../otlp/decode-json.ts';
import { startPostgresCluster, type PostgresCluster } from '../testing/postgres-cluster.ts';
import { newId, otlpJson, type FixtureSpan } from '../testing/otlp-request.ts';
import { openDatabase } from './open-database.ts';
import { openPgStore, type PgStore } from './pg-store.ts';
import { traces } from './schema.ts';
import { createSpanWriter } from './span-writer.ts';

/** Agent runs whose spans are spread over several requests in a shuffled order, children often before the root. */
function workload(runs: number, requests: number): string[] {
  const spans: FixtureSpan[] = [];
  for (let run = 0; run < runs; run++) {
    const traceId = newId(16);
    const root = newId(8);
    const start = 1_700_000_000_000 + run * 10_000;
    spans.push({
      traceId,
      spanId: root,
      name: 'invoke_agent support',
      startMs: start,
      endMs: start + 3_000,
      attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'support', 'hotpath.workload.variant': run % 2 ? 'baseline' : 'optimized', 'hotpath.simulated': true },
    });
    for (let step = 0; step < 3; step++) {
      const model = step === 1 ? 'sim-large' : 'sim-small';
      const chat = newId(8);
      spans.push({
        traceId,
        spanId: chat,
        parentSpanId: root,
        name: `chat ${model}`,
        kind: 3,
        startMs: start + step * 900,
        endMs: start + step * 900 + 800,
        attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': model, 'gen_ai.usage.input_tokens': 1000 + step, 'gen_ai.usage.output_tokens': 50 + run, 'gen_ai.usage.cache_read.input_tokens': 200 },
        status: step === 2 && run % 3 === 0 ? { code: 2, message: 'model overloaded' } : { code: 0 },
      });
      spans.push({
        traceId,
        spanId: newId(8),
        parentSpanId: chat,
        name: `execute_tool lookup_${step}`,
        startMs: start + step * 900 + 810,
        endMs: start + step * 900 + 850,
        attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': `lookup_${step}`, 'hotpath.cache.hit': step ? 'hit' : 'miss' },
      });
    }
  }
  // Deterministic shuffle, then dealt round-robin into requests: each trace arrives in pieces.
  const order = spans.map((span, index) => ({ span, key: (index * 7919) % 104_729 })).sort((a, b) => a.key - b.key);
  const bodies: FixtureSpan[][] = Array.from({ length: requests }, () => []);
  order.forEach(({ span }, index) => bodies[index % requests]!.push(span));
  return bodies.map((body) => JSON.stringify(otlpJson(body, { attributes: { 'service.name': 'support-api' } })));
}

/** A summary with what depends on arrival time or order left out or put in order. */
function comparable(record: Record<string, unknown>): Record<string, unknown> {
  const { updatedMs: _updated, models, searchText, costUsd, ...rest } = record;
  const numbers = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, typeof value === 'string' && /^-?\d+$/.test(value) && key !== 'traceId' && key !== 'rootSpanId' ? Number(value) : value]));
  return {
    ...numbers,
    models: (JSON.parse(models as string) as string[]).sort(),
    searchText: (searchText as string).split('\n').sort(),
    // Sums of doubles in another order differ in the last bits.
    costUsd: Math.round((costUsd as number) * 1e12),
  };
}

describe('PostgreSQL store shared by several collectors', () => {
  let cluster: PostgresCluster | undefined;
  let skipped: string | undefined;
  before(async () => {
    const started = await startPostgresCluster();
    if ('skipped' in started) skipped = started.skipped;
    else cluster = started;
  });
  after(() => cluster?.stop());

  it('stores every span once and merges each trace to what one collector computes, with three writing the same requests at once', async (t) => {
    if (skipped !== undefined) return t.skip(skipped);
    const bodies = workload(60, 12);
    const stores: PgStore[] = [];
    // Three collectors start at once: the migration runs once, under the advisory lock.
    stores.push(...(await Promise.all([0, 1, 2].map(() => openPgStore(cluster!.url, { maxConnections: 4 })))));
    try {
      const results = await Promise.all(
        stores.map(async (store, instance) => {
          // Each collector gets every request, in its own order, several at a time (one transaction per flush).
          const order = bodies.map((_, index) => (index * (instance + 5)) % bodies.length);
          const outcomes = [];
          for (let from = 0; from < order.length; from += 3) {
            const flush = order.slice(from, from + 3).map((index) => prepareBatch(decodeJsonTraces(bodies[index]!), defaultPricing));
            outcomes.push(...(await store.storeBatches(flush, Date.now())));
          }
          return outcomes;
        }),
      );
      const sentSpans = bodies.reduce((sum, body) => sum + decodeJsonTraces(body).resourceSpans[0]!.scopeSpans[0]!.spans.length, 0);
      const accepted = results.flat().reduce((sum, result) => sum + result.acceptedSpans, 0);
      const duplicates = results.flat().reduce((sum, result) => sum + result.duplicateSpans, 0);
      assert.equal(accepted, sentSpans, 'each span accepted by exactly one collector');
      assert.equal(duplicates, 2 * sentSpans, 'and acknowledged as already stored by the other two');
      const pool = stores[0]!.pool;
      const { rows: counts } = await pool.query<{ spans: string; distinct_spans: string }>('SELECT count(*) AS spans, count(DISTINCT (trace_id, span_id)) AS distinct_spans FROM spans');
      assert.deepEqual(counts[0], { spans: String(sentSpans), distinct_spans: String(sentSpans) });

      // What one collector computes: the same requests, in order, into SQLite.
      const single = openDatabase(':memory:');
      const writer = createSpanWriter(single);
      for (const body of bodies) ingest(writer, decodeJsonTraces(body), { pricing: defaultPricing });
      const expected = single.db.select().from(traces).orderBy(traces.traceId).all();
      single.close();
      const actual = await stores[0]!.db.query.traces.findMany({ orderBy: (table, { asc }) => [asc(table.traceId)] });
      assert.equal(actual.length, expected.length);
      for (const [index, record] of expected.entries()) {
        assert.deepEqual(comparable(actual[index] as unknown as Record<string, unknown>), comparable(record as unknown as Record<string, unknown>), `trace ${record.traceId}`);
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });
});
