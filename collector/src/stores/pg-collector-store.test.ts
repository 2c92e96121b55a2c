import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CollectorError } from '../errors.ts';
import { exitCodes } from '../exit-codes.ts';
import type { HealthResponse, LiveSpansEvent, LiveTracesEvent, TraceListResponse } from '../query/api-types.ts';
import { describeQueryApiConformance } from '../query/conformance/describe-query-api-conformance.ts';
import { openEvents } from '../query/conformance/live-conformance.ts';
import { getJson, postSpans } from '../query/conformance/query-api-backend.ts';
import { startCollector, type RunningCollector } from '../start-collector.ts';
import { postgresUnavailable, startPostgresCluster, type PostgresCluster } from '../testing/postgres-cluster.ts';
import { newId, otlpJson } from '../testing/otlp-request.ts';

const unavailable = postgresUnavailable();
let cluster: PostgresCluster;
before(async () => {
  if (unavailable !== undefined) return;
  const started = await startPostgresCluster();
  assert.ok(!('skipped' in started));
  cluster = started;
});
after(() => cluster?.stop());

// The same suite as SQLite's (http/query-routes.test.ts), each collector on a fresh database of one cluster. The
// command line's refusals are checked with three collector processes in pg-scale-out.test.ts.
describeQueryApiConformance({
  name: 'PostgreSQL',
  skipped: () => unavailable,
  textWithoutNul: true,
  start: async (options) => startCollector({ port: 0, databaseUrl: await cluster.createDatabase(), decodeWorkers: 0, ...options }),
});

/** A port nothing listens on: the cluster's, with one added (the test cluster takes a free port; the next is free too, or refuses). */
const deadUrl = () => cluster.url.replace(/:(\d+)\//, (_, port: string) => `:${Number(port) === 65_535 ? 1 : Number(port) + 1}/`);

describe('collector on PostgreSQL', { skip: unavailable }, () => {
  it('refuses to start naming the server and the cause: unreachable (exit code 15), refused (16), never the password', async () => {
    const unreachable = await startCollector({ port: 0, databaseUrl: deadUrl().replace('postgres@', 'postgres:hunter2@') }).then(
      () => assert.fail('started'),
      (error: unknown) => error,
    );
    assert.ok(CollectorError.isInstance(unreachable));
    assert.equal(unreachable.exitCode, exitCodes.databaseUnreachable);
    assert.match(unreachable.message, /PostgreSQL postgres:\/\/postgres:\*\*\*@127\.0\.0\.1:\d+\/postgres cannot be reached .*ECONNREFUSED.*: start it or check --database-url/);
    const refused = await startCollector({ port: 0, databaseUrl: cluster.url.replace(/\/postgres$/, '/no_such_db') }).then(
      () => assert.fail('started'),
      (error: unknown) => error,
    );
    assert.ok(CollectorError.isInstance(refused));
    assert.equal(refused.exitCode, exitCodes.databaseRefused);
    assert.match(refused.message, /refused the collector .*no_such_db/);
  });

  it('shows a live view on one collector what another stored in the same database', async () => {
    const databaseUrl = await cluster.createDatabase();
    const [viewer, writer] = await Promise.all([startCollector({ port: 0, databaseUrl, decodeWorkers: 0 }), startCollector({ port: 0, databaseUrl, decodeWorkers: 0 })]);
    try {
      const traceId = newId(16);
      const root = { traceId, spanId: newId(8), name: 'invoke_agent support', startMs: 1000, endMs: 2000 };
      const list = await openEvents(`${viewer.url}/api/live`);
      const trace = await openEvents(`${viewer.url}/api/live?traceId=${traceId}`);
      try {
        await postSpans(writer, [root], undefined, '/v1/traces/started');
        assert.deepEqual((await list.next<LiveTracesEvent>('traces')).traceIds, [traceId]);
        const running = await trace.next<LiveSpansEvent>('spans');
        assert.deepEqual([running.spans.spanIds, running.trace.openSpanCount], [[root.spanId], 1]);
        await postSpans(writer, [root]);
        const ended = await trace.next<LiveSpansEvent>('spans');
        assert.deepEqual([ended.spans.spanIds, ended.spans.durations, ended.trace.inProgress], [[root.spanId], [1000], false]);
      } finally {
        list.close();
        trace.close();
      }
      const listed = await getJson<TraceListResponse>(writer, '/api/traces');
      assert.deepEqual(listed.traces.map((summary) => summary.traceId), [traceId]);
    } finally {
      await Promise.all([viewer.close(), writer.close()]);
    }
  });

  it('forwards every accepted batch, start records excepted, as on SQLite', async () => {
    const received: string[] = [];
    const target = createServer((request, response) => {
      received.push(request.url ?? '');
      request.resume().on('end', () => response.writeHead(200, { 'content-type': 'application/json' }).end('{}'));
    });
    await new Promise<void>((resolve) => target.listen(0, '127.0.0.1', resolve));
    const collector = await startCollector({ port: 0, databaseUrl: await cluster.createDatabase(), decodeWorkers: 0, forwardEndpoint: `http://127.0.0.1:${(target.address() as AddressInfo).port}` });
    try {
      const span = { traceId: newId(16), spanId: newId(8), name: 'root', startMs: 1, endMs: 2 };
      await postSpans(collector, [span], undefined, '/v1/traces/started');
      await postSpans(collector, [span]);
      for (let wait = 0; received.length < 1 && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
      assert.deepEqual(received, ['/v1/traces']);
      assert.equal((await getJson<HealthResponse>(collector, '/api/health')).forwarding?.forwarded, 1);
    } finally {
      await collector.close();
      target.close();
    }
  });

  it('applies retention to the shared database', async () => {
    const collector = await startCollector({ port: 0, databaseUrl: await cluster.createDatabase(), retention: { maxAgeMs: 86_400_000, maxSpans: 4, intervalMs: 3_600_000 }, decodeWorkers: 0 });
    try {
      const now = Date.now();
      const traceAt = (startMs: number, count: number) => {
        const traceId = newId(16);
        return Array.from({ length: count }, (_, index) => ({ traceId, spanId: newId(8), name: `s${index}`, startMs, endMs: startMs + 10 }));
      };
      const newer = traceAt(now - 1_000, 3);
      await postSpans(collector, [...traceAt(now - 10 * 86_400_000, 2), ...traceAt(now - 3_000, 3), ...newer]);
      assert.deepEqual(await collector.applyRetention(), { deletedTraces: 2, deletedSpans: 5 });
      const { traces } = await getJson<TraceListResponse>(collector, '/api/traces');
      assert.deepEqual(traces.map((summary) => summary.traceId), [newer[0]!.traceId]);
    } finally {
      await collector.close();
    }
  });

  // Last: it stops the cluster's server for a while.
  it('reports a database that went away in health, answers ingest and queries with 503 saying why, and recovers', async () => {
    const collector: RunningCollector = await startCollector({ port: 0, databaseUrl: await cluster.createDatabase(), log: () => {}, decodeWorkers: 0 });
    const send = () =>
      fetch(`${collector.url}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(otlpJson([{ traceId: newId(16), spanId: newId(8), name: 'root', startMs: 1, endMs: 2 }])),
      });
    try {
      assert.equal((await send()).status, 200);
      cluster.pause();
      try {
        const health = await getJson<HealthResponse>(collector, '/api/health');
        assert.equal(health.ok, false);
        assert.match(health.database.problem ?? '', /PostgreSQL postgres:\/\/postgres@127\.0\.0\.1:\d+\/hotpath_\d+ cannot be reached/);
        assert.equal(health.database.lastCheck?.ok, false);
        const refused = await send();
        assert.equal(refused.status, 503);
        assert.ok(Number(refused.headers.get('retry-after')) >= 1);
        assert.match(JSON.stringify(await refused.json()), /could not store the spans: PostgreSQL .* cannot be reached/);
        const query = await fetch(`${collector.url}/api/traces`);
        assert.equal(query.status, 503);
        assert.match(((await query.json()) as { error: { message: string } }).error.message, /could not read: PostgreSQL .* cannot be reached/);
      } finally {
        cluster.resume();
      }
      assert.equal((await send()).status, 200, 'stores again once the server is back');
      // The live feed reconnects on its own schedule (backoff from 0.5 s); until then health says live updates pause.
      let health = await getJson<HealthResponse>(collector, '/api/health');
      for (let wait = 0; health.database.problem !== null && wait < 100; wait++) {
        assert.match(health.database.problem, /live updates from other collectors are paused/);
        await new Promise((resolve) => setTimeout(resolve, 200));
        health = await getJson<HealthResponse>(collector, '/api/health');
      }
      assert.deepEqual([health.ok, health.database.problem, health.traces], [true, null, 2]);
    } finally {
      await collector.close();
    }
  });
});
