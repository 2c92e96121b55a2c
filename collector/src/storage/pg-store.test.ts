import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { prepareBatch } from '../ingest/prepare-batch.ts';
import { defaultPricing } from '../ingest/pricing.ts';
import { decodeJsonTraces } from '../otlp/decode-json.ts';
import { startPostgresCluster, type PostgresCluster } from '../testing/postgres-cluster.ts';
import { newId, otlpJson } from '../testing/otlp-request.ts';
import { comparableSummary, prepareWorkloadRequest, scaleOutWorkload, singleCollectorSummaries, workloadOrder } from '../testing/scale-out-workload.ts';
import { openPgStore, type PgCommitNotice, type PgStore } from './pg-store.ts';
import type { TraceRecord } from './schema.ts';

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
    const requests = scaleOutWorkload(60, 12, 1_700_000_000_000);
    const stores: PgStore[] = [];
    // Three collectors start at once: the migration runs once, under the advisory lock.
    stores.push(...(await Promise.all([0, 1, 2].map(() => openPgStore(cluster!.url, { maxConnections: 4 })))));
    try {
      const results = await Promise.all(
        stores.map(async (store, instance) => {
          // Each collector gets every request, in its own order, several at a time (one transaction per flush).
          const order = workloadOrder(requests.length, instance);
          const outcomes = [];
          for (let from = 0; from < order.length; from += 3) {
            const flush = order.slice(from, from + 3).map((index) => prepareWorkloadRequest(requests[index]!));
            outcomes.push(...(await store.storeBatches(flush, Date.now())));
          }
          return outcomes;
        }),
      );
      const finishedSpans = requests.filter((request) => request.path === '/v1/traces').reduce((sum, request) => sum + request.spans, 0);
      const accepted = results.flat().reduce((sum, result) => sum + result.acceptedSpans, 0);
      const duplicates = results.flat().reduce((sum, result) => sum + result.duplicateSpans, 0);
      assert.equal(accepted, finishedSpans, 'each finished span accepted by exactly one collector');
      assert.equal(duplicates, 2 * finishedSpans, 'and acknowledged as already stored by the other two');
      const pool = stores[0]!.pool;
      const { rows: counts } = await pool.query<{ spans: number; distinct_spans: number; open: number }>(
        'SELECT count(*) AS spans, count(DISTINCT (trace_id, span_id)) AS distinct_spans, count(*) FILTER (WHERE open = 1) AS open FROM spans',
      );
      const neverEnded = Math.ceil(60 / 5);
      assert.deepEqual(counts[0], { spans: finishedSpans + neverEnded, distinct_spans: finishedSpans + neverEnded, open: neverEnded });

      const expected = singleCollectorSummaries(requests);
      const actual = (await stores[0]!.db.query.traces.findMany({ orderBy: (table, { asc }) => [asc(table.traceId)] })) as TraceRecord[];
      assert.equal(actual.length, expected.length);
      assert.ok(expected.some((record) => record.cancelledCount > 0) && expected.some((record) => record.fellBackCount > 0) && expected.some((record) => record.openSpans > 0));
      for (const [index, record] of expected.entries()) {
        assert.deepEqual(comparableSummary(actual[index]!), comparableSummary(record), `trace ${record.traceId}`);
      }
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it('stores hostile text without failing the batch: NUL becomes U+FFFD in text columns and stays exact in JSON', async (t) => {
    if (skipped !== undefined) return t.skip(skipped);
    const store = await openPgStore(cluster!.url, { maxConnections: 2 });
    try {
      const traceId = newId(16);
      const spanId = newId(8);
      const body = JSON.stringify(
        otlpJson([
          {
            traceId,
            spanId,
            name: 'chat\u0000evil',
            startMs: 1_000,
            endMs: 2_000,
            attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm\u0000x', 'gen_ai.usage.input_tokens': '100000000000000000000000', note: 'a\u0000b' },
            status: { code: 2, message: 'bad\u0000news' },
          },
        ]),
      );
      const [result] = await store.storeBatches([prepareBatch(decodeJsonTraces(body), defaultPricing)], 5);
      assert.equal(result!.acceptedSpans, 1);
      const { rows } = await store.pool.query('SELECT name, model, input_tokens, attributes, status_message FROM spans WHERE trace_id = $1', [traceId]);
      assert.equal(rows[0].name, 'chat\uFFFDevil');
      assert.equal(rows[0].model, 'm\uFFFDx');
      assert.equal(rows[0].status_message, 'bad\uFFFDnews');
      assert.equal(rows[0].input_tokens, 1e12, 'a token count beyond 10^12 is bounded');
      assert.equal(JSON.parse(rows[0].attributes).note, 'a\u0000b');
      const { rows: summary } = await store.pool.query('SELECT models, input_tokens, search_text FROM traces WHERE trace_id = $1', [traceId]);
      assert.deepEqual(JSON.parse(summary[0].models), ['m\u0000x']);
      // The model set merges again (a second batch of the trace), and the sums stay bounded.
      const more = JSON.stringify(
        otlpJson([{ traceId, spanId: newId(8), parentSpanId: spanId, name: 'chat', startMs: 1_100, endMs: 1_200, attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'm\u0000x', 'gen_ai.usage.input_tokens': 1e12 } }]),
      );
      await store.storeBatches([prepareBatch(decodeJsonTraces(more), defaultPricing)], 6);
      const { rows: merged } = await store.pool.query('SELECT models, input_tokens, span_count FROM traces WHERE trace_id = $1', [traceId]);
      assert.deepEqual({ ...merged[0], models: JSON.parse(merged[0].models) }, { models: ['m\u0000x'], input_tokens: 2e12, span_count: 2 });
    } finally {
      await store.close();
    }
  });

  it('announces each commit with the traces it touched, and nothing for a transaction that rolled back', async (t) => {
    if (skipped !== undefined) return t.skip(skipped);
    const store = await openPgStore(cluster!.url, { maxConnections: 2, announce: { channel: 'hotpath_test', instance: 'a' } });
    const listener = await store.pool.connect();
    try {
      const notices: PgCommitNotice[] = [];
      listener.on('notification', (message) => notices.push(JSON.parse(message.payload!) as PgCommitNotice));
      await listener.query('LISTEN hotpath_test');
      const traceId = newId(16);
      const body = JSON.stringify(otlpJson([{ traceId, spanId: newId(8), name: 'root', startMs: 1, endMs: 2 }]));
      await store.storeBatches([prepareBatch(decodeJsonTraces(body), defaultPricing)], 42);
      // A batch that cannot be stored (an id too long for nothing: forced with a bad row) announces nothing.
      const broken = prepareBatch(decodeJsonTraces(JSON.stringify(otlpJson([{ traceId: newId(16), spanId: newId(8), name: 'x', startMs: 1, endMs: 2 }]))), defaultPricing);
      broken.groups[0]!.rows[0]!.kind = 2 ** 40;
      await assert.rejects(store.storeBatches([broken], 43));
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(notices, [{ instance: 'a', receivedMs: 42, traceIds: [traceId] }]);
    } finally {
      listener.release();
      await store.close();
    }
  });
});
