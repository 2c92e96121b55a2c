// Ingest benchmark: starts the collector CLI as its own process on a temporary SQLite file, then concurrent
// senders post realistic 512-span OTLP/protobuf batches for a fixed time, retrying 429/503 after Retry-After as an
// OTLP exporter would. Prints spans/s (acknowledged), p50/p99 request latency, and spans sent vs stored.
// Knobs: HOTPATH_BENCH_SECONDS (10), HOTPATH_BENCH_CONCURRENCY (8), HOTPATH_BENCH_BATCH (512), and
// HOTPATH_BENCH_NODE_ARGS: extra node flags for the collector process (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent, request } from 'node:http';
import { createBatchFactory } from './genai-batch.ts';

const seconds = Number(process.env.HOTPATH_BENCH_SECONDS ?? 10);
const concurrency = Number(process.env.HOTPATH_BENCH_CONCURRENCY ?? 8);
const batchSize = Number(process.env.HOTPATH_BENCH_BATCH ?? 512);

const dir = mkdtempSync(join(tmpdir(), 'hotpath-bench-'));
const cli = fileURLToPath(new URL('../src/cli.ts', import.meta.url));
// HOTPATH_DECODE_WORKERS (and the collector's other env vars) pass through to the collector process.
const nodeArgs = (process.env.HOTPATH_BENCH_NODE_ARGS ?? '').split(' ').filter((arg) => arg !== '');
const collector = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', cli, '--port', '0', '--db', join(dir, 'bench.sqlite')], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const url = await new Promise<string>((resolve, reject) => {
  let output = '';
  collector.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const match = /listening on (http:\/\/\S+)/.exec(output);
    if (match) resolve(match[1]!);
  });
  collector.once('exit', (code) => reject(new Error(`collector exited with ${code}`)));
});

const factory = createBatchFactory(batchSize);
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

/** One POST over the keep-alive pool: status code and Retry-After. */
function post(body: Buffer): Promise<{ status: number; retryAfter: number }> {
  return new Promise((resolve, reject) => {
    const outgoing = request(`${url}/v1/traces`, { method: 'POST', agent, headers: { 'content-type': 'application/x-protobuf', 'content-length': body.length } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: Number(response.headers['retry-after'] ?? 1) }));
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
const latencies: number[] = [];
let nextBatch = 1;
let acknowledgedSpans = 0;
let retries = 0;
let failures = 0;
const deadline = performance.now() + seconds * 1000;
const senderCpuStart = process.cpuUsage();
const collectorCpuStartMs = cpuMsOf(collector.pid!);

/** CPU time (user + system) a process has used, from /proc (Linux), in ms; NaN elsewhere. */
function cpuMsOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 1/100 s
  } catch {
    return Number.NaN;
  }
}
const started = performance.now();

async function sender(): Promise<void> {
  while (performance.now() < deadline) {
    const body = factory.batch(nextBatch++);
    for (;;) {
      const begin = performance.now();
      const response = await post(body);
      latencies.push(performance.now() - begin);
      if (response.status === 200) {
        acknowledgedSpans += factory.spansPerBatch;
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
}

await Promise.all(Array.from({ length: concurrency }, sender));
const elapsedSeconds = (performance.now() - started) / 1000;
const health = (await (await fetch(`${url}/api/health`)).json()) as { spans: number; ingest: { decodeWorkers: number } };
const collectorCpuMs = cpuMsOf(collector.pid!);
const senderCpu = process.cpuUsage(senderCpuStart);
collector.kill('SIGTERM');
await new Promise((resolve) => collector.once('exit', resolve));
agent.destroy();
rmSync(dir, { recursive: true, force: true });

latencies.sort((a, b) => a - b);
const percentile = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)] ?? 0;
const rows: [string, string][] = [
  ['senders × batch', `${concurrency} × ${factory.spansPerBatch} spans (OTLP/protobuf)`],
  ['duration', `${elapsedSeconds.toFixed(1)} s`],
  ['throughput', `${Math.round(acknowledgedSpans / elapsedSeconds).toLocaleString('en-US')} spans/s`],
  ['request latency', `p50 ${percentile(0.5).toFixed(1)} ms, p99 ${percentile(0.99).toFixed(1)} ms (${latencies.length} requests)`],
  ['spans sent (acknowledged)', acknowledgedSpans.toLocaleString('en-US')],
  ['spans stored', health.spans.toLocaleString('en-US')],
  ['lost', (acknowledgedSpans - health.spans).toLocaleString('en-US')],
  ['429/503 retries, failures', `${retries}, ${failures}`],
  // Wall-clock throughput depends on what else the machine runs; CPU per span does not.
  [
    'collector CPU',
    `${(((collectorCpuMs - collectorCpuStartMs) / health.spans) * 1000).toFixed(1)} ms per 1,000 spans ` +
      `(≈ ${Math.round(health.spans / ((collectorCpuMs - collectorCpuStartMs) / 1000)).toLocaleString('en-US')} spans/s per busy core)`,
  ],
  ['sender CPU', `${((senderCpu.user + senderCpu.system) / 1000 / (health.spans / 1000)).toFixed(1)} ms per 1,000 spans`],
  ['load average (1 min)', loadavg()[0]!.toFixed(1)],
  ['decode workers', `${health.ingest.decodeWorkers}${process.env.HOTPATH_DECODE_WORKERS === undefined ? ' (default)' : ''}`],
];
for (const [name, value] of rows) console.log(`${name.padEnd(26)} ${value}`);
if (acknowledgedSpans !== health.spans || failures > 0) process.exitCode = 1;
