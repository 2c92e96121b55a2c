import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { Agent } from '../agent/agent.ts';
import { PrefetchLearner } from '../runner/prefetch-learner.ts';
import { Runner } from '../runner/runner.ts';
import { instrument } from '../telemetry/instrument.ts';
import { createTestTracing } from '../testing/in-memory-span-exporter.ts';
import { scriptedModel } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import type { StoredSpan } from './query-client.ts';
import { runCli, type CliIo } from './run-cli.ts';

const order = (id: string) => ({ id, status: 'shipped', shipmentId: `S-${id.slice(2)}` });

/** Real spans of real runs: an instrumented runner tracking orders (order, then its shipment), content captured. */
async function recordedTraces(captureContent: boolean): Promise<ReadableSpan[]> {
  const tracing = createTestTracing();
  const agent = new Agent({
    name: 'desk',
    instructions: 'Track orders.',
    model: 'm',
    tools: [
      tool({ name: 'get_order', description: 'an order', parameters: z.object({ orderId: z.string() }), readOnly: true, execute: ({ orderId }) => order(orderId) }),
      tool({ name: 'get_shipment', description: 'a shipment', parameters: z.object({ shipmentId: z.string() }), readOnly: true, execute: ({ shipmentId }) => ({ id: shipmentId, eta: '2026-12-01' }) }),
    ],
  });
  const model = scriptedModel((request) => {
    const last = request.messages.at(-1)!;
    if (last.role === 'user') return { toolCalls: [{ name: 'get_order', arguments: { orderId: /O-\d+/.exec(String(last.content))![0] } }] };
    if (last.role === 'tool' && last.toolName === 'get_order') return { toolCalls: [{ name: 'get_shipment', arguments: { shipmentId: JSON.parse(last.content).shipmentId } }] };
    return { text: 'on its way' };
  });
  const runner = instrument(new Runner({ provider: model, optimizations: { learnedPrefetch: false } }), { tracerProvider: tracing.tracerProvider, captureContent });
  for (const id of ['O-11', 'O-12', 'O-13']) await runner.run(agent, `Where is ${id}?`);
  const spans = tracing.spans();
  await tracing.shutdown();
  return spans;
}

const ms = ([seconds, nanos]: [number, number]) => seconds * 1000 + nanos / 1e6;

/** A real HTTP server answering the collector's query API shape (docs/query-api.md) for the given spans. */
async function queryApiServer(spans: readonly ReadableSpan[]): Promise<{ url: string; server: Server; requests: string[] }> {
  const rows = spans.map((span): StoredSpan & { traceId: string } => ({
    traceId: span.spanContext().traceId,
    spanId: span.spanContext().spanId,
    parentSpanId: span.parentSpanContext?.spanId ?? null,
    name: span.name,
    startTime: ms(span.startTime),
    endTime: ms(span.endTime),
    status: { code: span.status.code === 2 ? 'error' : span.status.code === 1 ? 'ok' : 'unset', message: span.status.message ?? '' },
    operation: (span.attributes['gen_ai.operation.name'] as string | undefined) ?? null,
    agent: (span.attributes['gen_ai.agent.name'] as string | undefined) ?? null,
    toolName: (span.attributes['gen_ai.tool.name'] as string | undefined) ?? null,
    attributes: { ...span.attributes },
  }));
  const traceIds = [...new Set(rows.map((row) => row.traceId))];
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url!, 'http://localhost');
    requests.push(url.pathname + url.search);
    response.setHeader('content-type', 'application/json');
    if (url.pathname === '/api/traces') {
      // One trace a page, so the client has to follow the cursor.
      const start = Number(url.searchParams.get('cursor') ?? 0);
      const page = traceIds.slice(start, start + 1).map((traceId) => ({ traceId, agent: 'desk', startTime: 0 }));
      response.end(JSON.stringify({ traces: page, nextCursor: start + 1 < traceIds.length ? String(start + 1) : null }));
      return;
    }
    const id = /^\/api\/traces\/([0-9a-f]{32})$/.exec(url.pathname)?.[1];
    if (id) {
      response.end(JSON.stringify({ trace: { traceId: id }, spans: rows.filter((row) => row.traceId === id) }));
      return;
    }
    response.statusCode = 404;
    response.end(JSON.stringify({ error: { code: 'not_found', message: 'no such route' } }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, requests };
}

function io() {
  const out: string[] = [];
  const err: string[] = [];
  const cli: CliIo = { stdout: (text) => out.push(text), stderr: (text) => err.push(text), env: {} };
  return { cli, out: () => out.join(''), err: () => err.join('') };
}

describe('hotpath learn', () => {
  it('learns a prefetch plan from the traces a collector serves, which a learner then speculates from', async () => {
    const { url, server, requests } = await queryApiServer(await recordedTraces(true));
    const folder = await mkdtemp(join(tmpdir(), 'hotpath-learn-'));
    try {
      const out = join(folder, 'plan.json');
      const { cli, err } = io();
      assert.equal(await runCli(['learn', '--from', url, '--out', out, '--agent', 'desk'], cli), 0, err());
      assert.match(err(), /Read 3 traces: 3 agent runs, 6 tool calls\.\nLearned \d+ follow-up patterns, [1-9]\d* held at least twice/);
      assert.ok(requests.some((request) => request.includes('cursor=')), 'followed the cursor');
      assert.ok(requests.every((request) => !request.includes('agent=') || request.includes('agent=desk')));
      const plan = JSON.parse(await readFile(out, 'utf8'));
      const learned = new PrefetchLearner({ plan });
      assert.deepEqual(learned.suggest('desk', 'get_order', { orderId: 'O-77' }, order('O-77')).map((suggestion) => suggestion.call), [
        { tool: 'get_shipment', arguments: { shipmentId: 'S-77' } },
      ]);
    } finally {
      server.close();
      await rm(folder, { recursive: true, force: true });
    }
  });

  it('says how to record arguments when the stored tool calls carry none', async () => {
    const { url, server } = await queryApiServer(await recordedTraces(false));
    try {
      const { cli, err } = io();
      assert.equal(await runCli(['learn', '--from', url, '--out', '-'], cli), 1);
      assert.match(err(), /carry no arguments or results[\s\S]*OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true/);
    } finally {
      server.close();
    }
  });

  it('fails with one clear line when the collector cannot be reached, and exit code 2 for bad usage', async () => {
    const unreachable = io();
    assert.equal(await runCli(['learn', '--from', 'http://127.0.0.1:9'], unreachable.cli), 1);
    assert.match(unreachable.err(), /^hotpath: Cannot reach the collector at http:\/\/127\.0\.0\.1:9/);
    for (const [argv, message] of [
      [['learn'], /learn needs --from/],
      [['learn', '--from', 'nope'], /--from: "nope" is not a URL/],
      [['learn', '--from', 'http://x', '--limit', '0'], /--limit: expected a whole number ≥ 1/],
      [['learn', '--from', 'http://x', '--since', 'yesterday-ish'], /--since: expected 7d/],
      [['learn', '--bogus'], /Unknown option '--bogus'/],
      [['serve'], /Unknown command "serve"/],
    ] as const) {
      const bad = io();
      assert.equal(await runCli(argv, bad.cli), 2, argv.join(' '));
      assert.match(bad.err(), message);
    }
  });
});

describe('hotpath report-prompt', () => {
  const fixture = fileURLToPath(new URL('./fixtures/prompt-agents.ts', import.meta.url));

  it('prints the tokens of each agent the module exports and what compression saves', async () => {
    const { cli, out } = io();
    assert.equal(await runCli(['report-prompt', fixture], cli), 0);
    assert.match(out(), /^agent desk: \d+ tokens before the messages of every request \(instructions \d+, 1 tool schemas \d+\); lossless: \d+ \(−\d+, [\d.]+%\)/);
    assert.match(out(), /changes: .*repeated sentence/);
  });

  it('gives the reports as JSON, with the compressed instructions and schemas, at the level asked', async () => {
    const { cli, out } = io();
    assert.equal(await runCli(['report-prompt', fixture, '--json', '--level', 'aggressive', '--export', 'deskAgent'], cli), 0);
    const [report] = JSON.parse(out());
    assert.equal(report.level, 'aggressive');
    assert.equal(report.instructions.text, 'Answer with ids. Never invent data.');
  });

  it('says what is wrong with the module or the flags', async () => {
    const missing = io();
    assert.equal(await runCli(['report-prompt', fixture, '--export', 'notAnAgent'], missing.cli), 1);
    assert.match(missing.err(), /does not export an Agent named "notAnAgent" \(exports: deskAgent, notAnAgent\)/);
    const bad = io();
    assert.equal(await runCli(['report-prompt', fixture, '--level', 'max'], bad.cli), 2);
    assert.match(bad.err(), /--level: expected lossless or aggressive/);
  });

  it('runs as the hotpath bin', () => {
    const bin = fileURLToPath(new URL('./hotpath.ts', import.meta.url));
    const help = spawnSync(process.execPath, ['--import', 'tsx', '--conditions=@hotpath/source', bin, 'help'], { encoding: 'utf8' });
    assert.equal(help.status, 0, help.stderr);
    assert.match(help.stdout, /^Usage: hotpath <command>/);
  });
});
