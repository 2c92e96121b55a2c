// Scale-out benchmark: spans/s of 1 and of 3 collector processes sharing one PostgreSQL, over HTTP, as a team would
// run them. A throwaway cluster (src/testing/postgres-cluster.ts; fsync and synchronous_commit off, so commits cost
// less than on a real server), then for each run a fresh database and N collector processes (the CLI with
// --database-url), and 8 senders (HOTPATH_BENCH_CONCURRENCY) spread over the instances posting realistic 512-span
// OTLP/protobuf batches (genai-batch.ts) for HOTPATH_BENCH_SECONDS (10) after a warm-up (HOTPATH_BENCH_WARM_UP, 5 s:
// decode workers compile their TypeScript on first use, which must not count), retrying 429/503 after Retry-After as
// an exporter would. HOTPATH_DECODE_WORKERS passes through to the collectors. Prints, per run: the time and `uptime` load before and after (the machine is
// shared), spans/s acknowledged, request latency, acknowledged vs stored (zero loss or exit 1), and the CPU the
// collectors and the database server used per 1,000 spans. HOTPATH_BENCH_DATABASE_URL=postgres://… measures against
// a server of your own instead (a user who may CREATE DATABASE; each run's database is dropped after it; the
// server's CPU is not measured then).
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startPostgresCluster, type PostgresCluster } from '../src/testing/postgres-cluster.ts';
import { createBatchFactory } from './genai-batch.ts';

const seconds = Number(process.env.HOTPATH_BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.HOTPATH_BENCH_CONCURRENCY ?? 8);
const warmUpSeconds = Number(process.env.HOTPATH_BENCH_WARM_UP ?? 5);
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));

/** CPU time (user + system) of a process, with `children` that of the children it reaped, from /proc, in ms. */
function cpuMsOf(pid: number, children = false): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]) + (children ? Number(fields[13]) + Number(fields[14]) : 0);
    return (ticks * 1000) / 100;
  } catch {
    return 0;
  }
}

/** The database server's CPU: its main process, the backends it reaped, and those still running. */
function serverCpuMs(serverPid: number): number {
  let total = cpuMsOf(serverPid, true);
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      if (Number(stat.split(') ')[1]!.split(' ')[1]) === serverPid) total += cpuMsOf(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

const uptime = () => `load ${loadavg().map((value) => value.toFixed(2)).join(', ')} at ${new Date().toISOString().slice(11, 19)} UTC`;

function startInstance(databaseUrl: string): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--database-url', databaseUrl], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) resolve({ url: match[1]!, process: child });
    });
    child.once('exit', (code) => reject(new Error(`a collector exited with ${code}`)));
  });
}

/** Where the runs' databases come from: a throwaway cluster, or the given server. */
interface Server {
  description: string;
  createDatabase(): Promise<string>;
  /** CPU the server used so far, in ms, when it runs on this machine. */
  cpuMs(): number | undefined;
  stop(): Promise<void>;
}

async function openServer(): Promise<Server> {
  const given = process.env.HOTPATH_BENCH_DATABASE_URL;
  if (given !== undefined) {
    const created: string[] = [];
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: given });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    return {
      description: `${new URL(given).host} (yours)`,
      async createDatabase() {
        const name = `hotpath_bench_${Date.now()}_${created.length}`;
        await admin(`CREATE DATABASE ${name}`);
        created.push(name);
        const url = new URL(given);
        url.pathname = `/${name}`;
        return url.toString();
      },
      cpuMs: () => undefined,
      async stop() {
        for (const name of created) await admin(`DROP DATABASE IF EXISTS ${name}`);
      },
    };
  }
  const started = await startPostgresCluster();
  if ('skipped' in started) {
    console.log(`skipped: ${started.skipped}`);
    process.exit(0);
  }
  const cluster: PostgresCluster = started;
  return {
    description: `${cluster.url.replace(/^.*@/, '')} (throwaway: fsync off)`,
    createDatabase: () => cluster.createDatabase(),
    cpuMs: () => serverCpuMs(cluster.serverPid()),
    stop: () => cluster.stop(),
  };
}

const server = await openServer();
const factory = createBatchFactory(512);
let nextBatch = 1;

async function run(instances: number) {
  const databaseUrl = await server.createDatabase();
  const collectors = await Promise.all(Array.from({ length: instances }, () => startInstance(databaseUrl)));
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const post = (url: string, body: Buffer): Promise<{ status: number; retryAfter: number }> =>
    new Promise((resolve, reject) => {
      const outgoing = request(`${url}/v1/traces`, { method: 'POST', agent, headers: { 'content-type': 'application/x-protobuf', 'content-length': body.length } }, (response) => {
        response.resume();
        response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: Number(response.headers['retry-after'] ?? 1) }));
      });
      outgoing.on('error', reject);
      outgoing.end(body);
    });
  const latencies: number[] = [];
  let measuring = false;
  let acknowledged = 0;
  let counted = 0;
  let retries = 0;
  let failures = 0;
  const before = uptime();
  const start = performance.now();
  const measureFrom = start + warmUpSeconds * 1000;
  const deadline = measureFrom + seconds * 1000;
  let cpuAtStart: { collectors: number; server: number | undefined } = { collectors: 0, server: 0 };
  const cpuNow = () => ({ collectors: collectors.reduce((sum, collector) => sum + cpuMsOf(collector.process.pid!), 0), server: server.cpuMs() });
  setTimeout(() => {
    measuring = true;
    cpuAtStart = cpuNow();
  }, warmUpSeconds * 1000).unref();
  const sender = async (index: number) => {
    const { url } = collectors[index % instances]!;
    while (performance.now() < deadline) {
      const body = factory.batch(nextBatch++);
      for (;;) {
        const begin = performance.now();
        const response = await post(url, body);
        if (measuring) latencies.push(performance.now() - begin);
        if (response.status === 200) {
          acknowledged += factory.spansPerBatch;
          if (measuring) counted += factory.spansPerBatch;
          break;
        }
        if (response.status === 429 || response.status === 503) {
          retries += 1;
          await new Promise((resolve) => setTimeout(resolve, response.retryAfter * 1000));
          continue;
        }
        failures += 1;
        break;
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, index) => sender(index)));
  const elapsed = (performance.now() - measureFrom) / 1000;
  const cpu = cpuNow();
  const after = uptime();
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  const { rows } = await pool.query<{ count: string }>('SELECT count(*) FROM spans');
  await pool.end();
  await Promise.all(collectors.map((collector) => new Promise((resolve) => (collector.process.once('exit', resolve), collector.process.kill('SIGTERM')))));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const percentile = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? 0;
  const stored = Number(rows[0]!.count);
  return {
    spansPerSecond: counted / elapsed,
    p50: percentile(0.5),
    p99: percentile(0.99),
    acknowledged,
    stored,
    retries,
    failures,
    collectorCpu: ((cpu.collectors - cpuAtStart.collectors) / counted) * 1000,
    serverCpu: cpu.server === undefined || cpuAtStart.server === undefined ? undefined : ((cpu.server - cpuAtStart.server) / counted) * 1000,
    before,
    after,
  };
}

try {
  console.log(
    `${concurrency} senders × 512-span OTLP/protobuf batches over HTTP, ${seconds} s measured after ${warmUpSeconds} s of warm-up; ` +
      `decode workers per collector: ${process.env.HOTPATH_DECODE_WORKERS ?? 'the default'}; PostgreSQL ${server.description}`,
  );
  const results = [];
  for (const instances of [1, 3]) {
    const result = await run(instances);
    results.push(result);
    console.log(
      `${instances} instance${instances === 1 ? ' ' : 's'}  ${Math.round(result.spansPerSecond).toLocaleString('en-US').padStart(7)} spans/s   ` +
        `p50 ${result.p50.toFixed(0)} ms, p99 ${result.p99.toFixed(0)} ms   ` +
        `acknowledged ${result.acknowledged.toLocaleString('en-US')}, stored ${result.stored.toLocaleString('en-US')}, retries ${result.retries}, failures ${result.failures}   ` +
        `CPU per 1,000 spans: collectors ${result.collectorCpu.toFixed(0)} ms, PostgreSQL ${result.serverCpu === undefined ? 'not measured' : `${result.serverCpu.toFixed(0)} ms`}   ` +
        `(before: ${result.before}; after: ${result.after})`,
    );
    if (result.acknowledged !== result.stored || result.failures > 0) process.exitCode = 1;
  }
  console.log(`3 instances / 1 instance: ${(results[1]!.spansPerSecond / results[0]!.spansPerSecond).toFixed(2)}×`);
} finally {
  await server.stop();
}
