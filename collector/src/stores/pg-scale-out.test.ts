// Issue 13's scale-out test: a real PostgreSQL, three collector processes sharing it over HTTP, the same workload sent
// through all three at once. Every acknowledged span is stored once, every trace summary equals what one collector
// computes, and the query API answers the same through each instance (and as a SQLite collector given the workload).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { HealthResponse, LiveTracesEvent, TraceListResponse } from '../query/api-types.ts';
import { openEvents } from '../query/conformance/live-conformance.ts';
import { startCollector } from '../start-collector.ts';
import * as pgSchema from '../storage/pg-schema.ts';
import type { TraceRecord } from '../storage/schema.ts';
import { postgresUnavailable, startPostgresCluster, type PostgresCluster } from '../testing/postgres-cluster.ts';
import { newId, otlpJson } from '../testing/otlp-request.ts';
import { comparableSummary, scaleOutWorkload, singleCollectorSummaries, workloadOrder, type WorkloadRequest } from '../testing/scale-out-workload.ts';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));
const unavailable = postgresUnavailable();

interface Instance {
  url: string;
  process: ChildProcess;
}

/** Starts `hotpath-collector` as its own process; resolves with its URL once it listens, or with its exit code. */
function startInstance(args: string[]): Promise<Instance | { exitCode: number | null; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  return new Promise((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const listening = /listening on (http:\/\/\S+)/.exec(stdout);
      if (listening) resolve({ url: listening[1]!, process: child });
    });
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('exit', (exitCode) => resolve({ exitCode, stderr }));
  });
}

async function stopInstance(instance: Instance): Promise<number | null> {
  if (instance.process.exitCode !== null) return instance.process.exitCode;
  const exited = new Promise<number | null>((resolve) => instance.process.once('exit', resolve));
  instance.process.kill('SIGTERM');
  return exited;
}

async function send(url: string, request: WorkloadRequest): Promise<void> {
  const response = await fetch(`${url}${request.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: request.body });
  assert.equal(response.status, 200, `${url}${request.path}: ${await response.text()}`);
}

async function read(url: string, path: string): Promise<unknown> {
  const response = await fetch(`${url}${path}`);
  assert.equal(response.status, 200, `${url}${path}: ${await response.clone().text()}`);
  return response.json();
}

/** An answer without what depends on the moment it was read or written, numbers to 9 significant digits. */
function comparable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(comparable);
  if (typeof value === 'number') return Number(value.toPrecision(9));
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'readAt' && key !== 'lastSeenTime')
      .map(([key, entry]) => [key, comparable(entry)]),
  );
}

describe('three collector processes sharing one PostgreSQL', { skip: unavailable }, () => {
  let cluster: PostgresCluster;
  let databaseUrl: string;
  let instances: Instance[] = [];
  const requests = scaleOutWorkload(60, 12, Date.UTC(2026, 11, 5, 9, 0, 0));
  const finishedSpans = requests.filter((request) => request.path === '/v1/traces').reduce((sum, request) => sum + request.spans, 0);

  before(async () => {
    const started = await startPostgresCluster();
    assert.ok(!('skipped' in started));
    cluster = started;
    databaseUrl = await cluster.createDatabase();
    // Decoding inline (--decode-workers 0) keeps the test's CPU for what it checks; the first instance starts alone so
    // the other two find their TypeScript already compiled (tsx's cache), then those two start at once: they take
    // turns applying the migrations (an advisory lock) with nothing to apply, and share the database.
    const args = ['--database-url', databaseUrl, '--decode-workers', '0'];
    const results = [await startInstance(args)];
    results.push(...(await Promise.all([startInstance(args), startInstance(args)])));
    instances = results.filter((result): result is Instance => 'url' in result);
    assert.equal(instances.length, 3, JSON.stringify(results.filter((result) => !('url' in result))));
  });
  after(async () => {
    await Promise.all(instances.map(stopInstance));
    await cluster?.stop();
  });

  it('stores every acknowledged span once and merges each trace to what one collector computes, the same workload sent through all three at once', async () => {
    const [viewer] = instances;
    const live = await openEvents(`${viewer!.url}/api/live`);
    try {
      // Each instance gets every request, in an order of its own, three requests in flight at a time.
      await Promise.all(
        instances.map(async (instance, index) => {
          const order = workloadOrder(requests.length, index);
          for (let from = 0; from < order.length; from += 3) {
            await Promise.all(order.slice(from, from + 3).map((request) => send(instance.url, requests[request]!)));
          }
        }),
      );
      // A trace sent through the third instance only reaches a live view served by the first.
      const lone = newId(16);
      await send(instances[2]!.url, { path: '/v1/traces', spans: 1, body: JSON.stringify(otlpJson([{ traceId: lone, spanId: newId(8), name: 'lone', startMs: 1, endMs: 2 }], { attributes: { 'service.name': 'support-api' } })) });
      for (let seen = false; !seen; ) seen = (await live.next<LiveTracesEvent>('traces')).traceIds.includes(lone);
    } finally {
      live.close();
    }

    const healths = (await Promise.all(instances.map((instance) => read(instance.url, '/api/health')))) as HealthResponse[];
    assert.deepEqual(healths.map((health) => health.ok), [true, true, true]);
    const total = (key: 'acceptedSpans' | 'duplicateSpans') => healths.reduce((sum, health) => sum + health.ingest[key], 0);
    assert.equal(total('acceptedSpans'), finishedSpans + 1, 'each finished span accepted by exactly one instance');
    assert.equal(total('duplicateSpans'), 2 * finishedSpans, 'and acknowledged as already stored by the other two');

    const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
    try {
      const { rows } = await pool.query<{ spans: string; distinct_spans: string }>('SELECT count(*) AS spans, count(DISTINCT (trace_id, span_id)) AS distinct_spans FROM spans');
      const neverEnded = 60 / 5;
      assert.deepEqual(rows[0], { spans: String(finishedSpans + neverEnded + 1), distinct_spans: String(finishedSpans + neverEnded + 1) });
      const stored = (await drizzle(pool, { schema: pgSchema }).query.traces.findMany({ orderBy: (table, { asc }) => [asc(table.traceId)] })) as TraceRecord[];
      const expected = singleCollectorSummaries(requests);
      const actual = stored.filter((record) => record.spanCount > 1 || record.name !== 'lone');
      assert.equal(actual.length, expected.length);
      for (const [index, record] of expected.entries()) {
        assert.deepEqual(comparableSummary(actual[index]!), comparableSummary(record), `trace ${record.traceId}`);
      }
    } finally {
      await pool.end();
    }
  });

  it('answers the query API the same through each instance, and as a SQLite collector given the same workload', async () => {
    const reference = await startCollector({ port: 0, dbPath: ':memory:', decodeWorkers: 0 });
    try {
      for (const request of requests) await send(reference.url, request);
      const { traces } = (await read(instances[0]!.url, '/api/traces?limit=500&sort=cost')) as TraceListResponse;
      const [a, b] = [traces[0]!.traceId, traces[1]!.traceId];
      const t0 = Date.UTC(2026, 11, 5, 9, 0, 0);
      const paths = [
        `/api/traces?limit=50&from=${t0}`,
        `/api/traces?limit=7&sort=duration&order=asc&from=${t0}`,
        '/api/traces?search=lookup_2&limit=100',
        '/api/traces?search=gen_ai.agent.name=billing&status=error',
        '/api/traces?model=sim-large&minTokens=3000&limit=100',
        `/api/traces/${a}`,
        `/api/traces/${b}?view=waterfall`,
        `/api/traces/${a}/spans?limit=5`,
        `/api/traces/${a}/spans?order=id`,
        `/api/traces/${a}/matches?q=lookup_1`,
        '/api/facets',
        `/api/spend?bucket=minute&groupBy=agent&from=${t0}&to=${t0 + 3_600_000}`,
        `/api/spend?bucket=hour&groupBy=model&service=support-api&from=${t0}&to=${t0 + 3_600_000}`,
        '/api/routing',
        '/api/cache',
        `/api/compare?a=${a}&b=${b}`,
      ];
      for (const path of paths) {
        const answers = await Promise.all([...instances.map((instance) => read(instance.url, path)), read(reference.url, path)]);
        const [first, ...others] = answers.map(comparable);
        others.forEach((other, index) => assert.deepEqual(other, first, `${path}: ${index < 2 ? `instance ${index + 2}` : 'SQLite'} differs from instance 1`));
      }
    } finally {
      await reference.close();
    }
  });

  it('stops an instance cleanly on SIGTERM, the others serving on', async () => {
    assert.equal(await stopInstance(instances.pop()!), 0);
    assert.equal(((await read(instances[0]!.url, '/api/health')) as HealthResponse).ok, true);
  });
});
