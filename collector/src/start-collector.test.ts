import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { OTLPTraceExporter as OTLPHttpJsonExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as OTLPProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor, type SpanExporter } from '@opentelemetry/sdk-trace-base';
import { decodeProtobufTraces } from './otlp/decode-protobuf.ts';
import { otlpTypes } from './otlp/otlp-schema.ts';
import type { TraceDetail, TraceSummary } from './query/api-types.ts';
import { startCollector, type CollectorOptions, type RunningCollector } from './start-collector.ts';
import { newId, otlpJson, otlpProtobuf, type FixtureSpan } from './testing/otlp-request.ts';

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'hotpath-collector-'));
  tempDirs.push(dir);
  return dir;
};
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

async function withCollector<T>(options: CollectorOptions, work: (collector: RunningCollector) => Promise<T>): Promise<T> {
  const collector = await startCollector({ port: 0, dbPath: ':memory:', ...options });
  try {
    return await work(collector);
  } finally {
    await collector.close();
  }
}

async function getJson<T>(collector: RunningCollector, path: string): Promise<T> {
  const response = await fetch(`${collector.url}${path}`);
  assert.equal(response.status, 200, `${path}: ${response.status}`);
  return (await response.json()) as T;
}

function post(collector: RunningCollector, body: string | Uint8Array, headers: Record<string, string>) {
  return fetch(`${collector.url}/v1/traces`, { method: 'POST', body, headers });
}

function oneSpan(name = 'chat sim-small'): FixtureSpan[] {
  return [{ traceId: newId(16), spanId: newId(8), name, startMs: 1000, endMs: 1010 }];
}

/** Runs one agent-shaped trace through a real OTel SDK and exporter. */
async function exportAgentRun(exporter: SpanExporter, serviceName: string): Promise<void> {
  const provider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': serviceName }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer('hotpath-test', '0.1.0');
  const root = tracer.startSpan('invoke_agent support', {
    attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': 'support', 'hotpath.workload.variant': 'optimized' },
  });
  const parent = trace.setSpan(context.active(), root);
  const chat = tracer.startSpan(
    'chat gpt-4.1-mini',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': 'openai',
        'gen_ai.request.model': 'gpt-4.1-mini',
        'gen_ai.response.model': 'gpt-4.1-mini-2025-04-14',
        'gen_ai.usage.input_tokens': 2000,
        'gen_ai.usage.cache_read.input_tokens': 1000,
        'gen_ai.usage.output_tokens': 200,
        'gen_ai.response.finish_reasons': ['stop'],
      },
    },
    parent,
  );
  chat.addEvent('first chunk', { 'hotpath.time_to_first_chunk_ms': 12.5 });
  chat.end();
  const tool = tracer.startSpan('execute_tool lookup', { attributes: { 'gen_ai.tool.name': 'lookup', 'gen_ai.operation.name': 'execute_tool' } }, parent);
  tool.recordException(new TypeError('no such order'));
  tool.setStatus({ code: SpanStatusCode.ERROR, message: 'no such order' });
  tool.end();
  root.end();
  await provider.forceFlush();
  await provider.shutdown();
}

describe('collector with the official OpenTelemetry exporters', () => {
  for (const [label, Exporter, service] of [
    ['OTLP/protobuf', OTLPProtoExporter, 'proto-service'],
    ['OTLP/JSON', OTLPHttpJsonExporter, 'json-service'],
  ] as const) {
    it(`stores what the ${label} exporter sends and serves it back from the query API`, async () => {
      await withCollector({ decodeWorkers: 1 }, async (collector) => {
        await exportAgentRun(new Exporter({ url: `${collector.url}/v1/traces` }), service);
        const { traces } = await getJson<{ traces: TraceSummary[] }>(collector, '/api/traces');
        assert.equal(traces.length, 1);
        const summary = traces[0]!;
        assert.equal(summary.name, 'invoke_agent support');
        assert.equal(summary.service, service);
        assert.equal(summary.agent, 'support');
        assert.equal(summary.spanCount, 3);
        assert.equal(summary.status, 'error');
        assert.equal(summary.inProgress, false);
        assert.deepEqual(summary.models, ['gpt-4.1-mini-2025-04-14']);
        assert.equal(summary.inputTokens, 2000);
        assert.equal(summary.costUsd, (1000 * 0.4 + 1000 * 0.1 + 200 * 1.6) / 1e6);
        const detail = await getJson<TraceDetail>(collector, `/api/traces/${summary.traceId}`);
        const chat = detail.spans.find((span) => span.operation === 'chat')!;
        assert.equal(chat.parentSpanId, summary.rootSpanId);
        assert.equal(chat.kind, 'client');
        assert.deepEqual(chat.attributes?.['gen_ai.response.finish_reasons'], ['stop']);
        assert.equal(chat.events?.[0]?.name, 'first chunk');
        assert.equal(chat.scope?.name, 'hotpath-test');
        assert.equal(chat.resource?.['service.name'], service);
        assert.match(chat.startTimeUnixNano, /^\d{19}$/);
        const tool = detail.spans.find((span) => span.toolName === 'lookup')!;
        assert.deepEqual(tool.status, { code: 'error', message: 'no such order' });
        assert.equal(tool.errorType, 'TypeError');
        const health = await getJson<{ ingest: { decodeWorkers: number } }>(collector, '/api/health');
        assert.equal(health.ingest.decodeWorkers, 1, 'decoded on the worker thread, which is still alive');
        const waterfall = await getJson<TraceDetail>(collector, `/api/traces/${summary.traceId}?view=waterfall`);
        assert.equal(waterfall.spans.length, 3);
        assert.equal(waterfall.spans[0]!.attributes, undefined);
      });
    });
  }
});

describe('collector OTLP/HTTP responses', () => {
  let collector: RunningCollector;
  before(async () => {
    collector = await startCollector({ port: 0, dbPath: ':memory:', maxBodyBytes: 64 * 1024, ingestToken: 'secret-token' });
  });
  after(() => collector.close());
  const auth = { authorization: 'Bearer secret-token' };
  const storedSpans = async () => (await getJson<{ spans: number }>(collector, '/api/health')).spans;

  it('answers 200 with an empty ExportTraceServiceResponse, gzip or not, protobuf or JSON', async () => {
    const before = await storedSpans();
    const proto = await post(collector, otlpProtobuf(oneSpan()), { ...auth, 'content-type': 'application/x-protobuf' });
    assert.equal(proto.status, 200);
    assert.equal(proto.headers.get('content-type'), 'application/x-protobuf');
    assert.equal((await proto.arrayBuffer()).byteLength, 0);
    const gzipped = await post(collector, gzipSync(otlpProtobuf(oneSpan())), {
      ...auth,
      'content-type': 'application/x-protobuf',
      'content-encoding': 'gzip',
    });
    assert.equal(gzipped.status, 200);
    const json = await post(collector, gzipSync(JSON.stringify(otlpJson(oneSpan()))), {
      ...auth,
      'content-type': 'application/json; charset=utf-8',
      'content-encoding': 'gzip',
    });
    assert.equal(json.status, 200);
    assert.deepEqual(await json.json(), {});
    assert.equal(await storedSpans(), before + 3);
  });

  it('answers a partial success naming the rejected spans', async () => {
    const spans = [...oneSpan(), { ...oneSpan()[0]!, spanId: '' }];
    const json = await post(collector, JSON.stringify(otlpJson(spans)), { ...auth, 'content-type': 'application/json' });
    assert.equal(json.status, 200);
    const body = (await json.json()) as { partialSuccess: { rejectedSpans: string; errorMessage: string } };
    assert.equal(body.partialSuccess.rejectedSpans, '1');
    assert.match(body.partialSuccess.errorMessage, /spans\[1\]: spanId must be 8 bytes/);
    const proto = await post(collector, otlpProtobuf(spans), { ...auth, 'content-type': 'application/x-protobuf' });
    const decoded = otlpTypes.exportTraceServiceResponse.toObject(
      otlpTypes.exportTraceServiceResponse.decode(new Uint8Array(await proto.arrayBuffer())),
      { longs: Number },
    );
    assert.equal(decoded.partialSuccess.rejectedSpans, 1);
  });

  it('stores hostile strings as sent and serves them back as JSON text', async () => {
    const hostile = '<script>alert("x")</script><img src=x onerror=alert(1)>\u0000\u202e\'; DROP TABLE spans; --';
    const spans: FixtureSpan[] = [
      { traceId: newId(16), spanId: newId(8), name: hostile, startMs: 1, endMs: 2, attributes: { [hostile]: hostile, 'gen_ai.agent.name': hostile } },
    ];
    const response = await post(collector, otlpProtobuf(spans, { attributes: { 'service.name': hostile } }), { ...auth, 'content-type': 'application/x-protobuf' });
    assert.equal(response.status, 200);
    const { traces } = await getJson<{ traces: TraceSummary[] }>(collector, `/api/traces?q=${encodeURIComponent('<script>')}&service=${encodeURIComponent(hostile)}`);
    assert.equal(traces.length, 1);
    assert.equal(traces[0]!.name, hostile);
    assert.equal(traces[0]!.agent, hostile);
    const detail = await getJson<TraceDetail>(collector, `/api/traces/${spans[0]!.traceId}`);
    assert.equal(detail.spans[0]!.attributes?.[hostile], hostile);
    assert.equal(detail.spans[0]!.resource?.['service.name'], hostile);
  });

  const refusals: { name: string; status: number; message: RegExp; send: () => Promise<Response> }[] = [
    {
      name: 'malformed protobuf',
      status: 400,
      message: /malformed OTLP\/protobuf/,
      send: () => post(collector, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f, 0x01]), { ...auth, 'content-type': 'application/x-protobuf' }),
    },
    {
      name: 'malformed JSON',
      status: 400,
      message: /malformed OTLP\/JSON/,
      send: () => post(collector, '{"resourceSpans": [', { ...auth, 'content-type': 'application/json' }),
    },
    {
      name: 'JSON of the wrong shape',
      status: 400,
      message: /resourceSpans\[0\]\.scopeSpans\[0\]\.spans\[0\]\.startTimeUnixNano/,
      send: () =>
        post(collector, JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ startTimeUnixNano: 'soon' }] }] }] }), {
          ...auth,
          'content-type': 'application/json',
        }),
    },
    {
      name: 'a corrupt gzip stream',
      status: 400,
      message: /malformed gzip body/,
      send: () => post(collector, Buffer.from('not gzip'), { ...auth, 'content-type': 'application/json', 'content-encoding': 'gzip' }),
    },
    {
      name: 'a body over the size limit',
      status: 413,
      message: /exceeds the limit of 65536 bytes/,
      send: () => post(collector, Buffer.alloc(70 * 1024, 1), { ...auth, 'content-type': 'application/x-protobuf' }),
    },
    {
      name: 'a small gzip body that inflates over the limit',
      status: 413,
      message: /exceeds the limit/,
      send: () => post(collector, gzipSync(Buffer.alloc(10 * 1024 * 1024)), { ...auth, 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' }),
    },
    {
      name: 'an unsupported content type',
      status: 415,
      message: /unsupported Content-Type "text\/plain"/,
      send: () => post(collector, 'hello', { ...auth, 'content-type': 'text/plain' }),
    },
    {
      name: 'an unsupported content encoding',
      status: 415,
      message: /unsupported Content-Encoding "br"/,
      send: () => post(collector, 'x', { ...auth, 'content-type': 'application/json', 'content-encoding': 'br' }),
    },
    {
      name: 'a missing bearer token',
      status: 401,
      message: /missing or wrong bearer token/,
      send: () => post(collector, JSON.stringify(otlpJson(oneSpan())), { 'content-type': 'application/json' }),
    },
    {
      name: 'a wrong bearer token',
      status: 401,
      message: /missing or wrong bearer token/,
      send: () => post(collector, JSON.stringify(otlpJson(oneSpan())), { authorization: 'Bearer secret-tokenX', 'content-type': 'application/json' }),
    },
    {
      name: 'a GET',
      status: 405,
      message: /use POST/,
      send: () => fetch(`${collector.url}/v1/traces`, { headers: auth }),
    },
  ];
  for (const refusal of refusals) {
    it(`answers ${refusal.status} with a message for ${refusal.name}, storing nothing`, async () => {
      const before = await storedSpans();
      const response = await refusal.send();
      assert.equal(response.status, refusal.status);
      const type = response.headers.get('content-type');
      const body = type === 'application/x-protobuf'
        ? (otlpTypes.rpcStatus.toObject(otlpTypes.rpcStatus.decode(new Uint8Array(await response.arrayBuffer()))) as { message: string })
        : ((await response.json()) as { message: string });
      assert.match(body.message, refusal.message);
      assert.equal(await storedSpans(), before);
    });
  }
});

describe('collector under pressure', () => {
  it('answers 429 with Retry-After beyond the concurrent request limit', async () => {
    await withCollector({ maxConcurrentRequests: 1 }, async (collector) => {
      // A first request that sends its headers and only half its body keeps one slot busy.
      const body = Buffer.from(JSON.stringify(otlpJson(oneSpan())));
      const slow = httpRequest(`${collector.url}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      });
      const slowResponse = new Promise<IncomingMessage>((resolve) => slow.on('response', resolve));
      slow.write(body.subarray(0, 10));
      await new Promise((resolve) => setTimeout(resolve, 100));
      const refused = await post(collector, body, { 'content-type': 'application/json' });
      assert.equal(refused.status, 429);
      assert.equal(refused.headers.get('retry-after'), '1');
      slow.end(body.subarray(10));
      // The 503 of a full write queue shares this path; http/write-queue.test.ts fills the queue deterministically.
      assert.equal((await slowResponse).statusCode, 200);
      const health = await getJson<{ spans: number }>(collector, '/api/health');
      assert.equal(health.spans, 1);
    });
  });
});

describe('collector storage', () => {
  it('keeps the data across a restart on the same database file', async () => {
    const dbPath = join(tempDir(), 'nested', 'hotpath.sqlite');
    const spans = oneSpan('survivor');
    await withCollector({ dbPath }, async (collector) => {
      assert.equal((await post(collector, otlpProtobuf(spans), { 'content-type': 'application/x-protobuf' })).status, 200);
    });
    await withCollector({ dbPath }, async (collector) => {
      const detail = await getJson<TraceDetail>(collector, `/api/traces/${spans[0]!.traceId}`);
      assert.equal(detail.spans[0]!.name, 'survivor');
      assert.equal(collector.dbPath, dbPath);
      assert.equal((await getJson<{ dbPath?: string }>(collector, '/api/health')).dbPath, undefined, 'no server path in the query API');
    });
  });

  it('puts the default database file under the data folder', async () => {
    const dataDir = tempDir();
    await withCollector({ dbPath: undefined, dataDir }, async (collector) => {
      assert.equal(collector.dbPath, join(dataDir, 'hotpath.sqlite'));
    });
  });
});

describe('collector forwarding', () => {
  it('forwards every accepted batch to another OTLP endpoint', async () => {
    const received: { body: Buffer; contentType: string | undefined }[] = [];
    const receiver = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        received.push({ body: Buffer.concat(chunks), contentType: request.headers['content-type'] });
        response.writeHead(200).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
    try {
      const spans = oneSpan('forwarded');
      await withCollector({ forwardEndpoint: receiverUrl }, async (collector) => {
        const gzipped = gzipSync(otlpProtobuf(spans));
        assert.equal((await post(collector, gzipped, { 'content-type': 'application/x-protobuf', 'content-encoding': 'gzip' })).status, 200);
        assert.equal((await post(collector, 'garbage', { 'content-type': 'application/x-protobuf' })).status, 400);
        for (let wait = 0; received.length < 1 && wait < 50; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
        assert.equal(received.length, 1, 'only the accepted batch is forwarded');
        assert.equal(received[0]!.contentType, 'application/x-protobuf');
        assert.equal(decodeProtobufTraces(received[0]!.body).resourceSpans[0]!.scopeSpans[0]!.spans[0]!.name, 'forwarded');
        assert.equal(collector.stats().forwarding?.forwarded, 1);
      });
    } finally {
      receiver.close();
    }
  });

  it('counts a forwarding failure and still stores and acknowledges the batch', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/v1/traces`;
    await new Promise((resolve) => closed.close(resolve));
    await withCollector({ forwardEndpoint: deadUrl }, async (collector) => {
      assert.equal((await post(collector, otlpProtobuf(oneSpan()), { 'content-type': 'application/x-protobuf' })).status, 200);
      for (let wait = 0; collector.stats().forwarding?.failed === 0 && wait < 100; wait++) await new Promise((resolve) => setTimeout(resolve, 20));
      const health = await getJson<{ spans: number; forwarding: { failed: number; lastError: string } }>(collector, '/api/health');
      assert.equal(health.spans, 1);
      assert.ok(health.forwarding.failed >= 1, 'failed attempts are retried with backoff, each counted');
      assert.match(health.forwarding.lastError, /fetch failed|ECONNREFUSED/);
    });
  });
});

describe('collector retention', () => {
  it('removes whole traces past the maximum age or beyond the maximum span count, oldest first', async () => {
    const now = Date.now();
    const traceAt = (startMs: number, count: number): FixtureSpan[] => {
      const traceId = newId(16);
      return Array.from({ length: count }, (_, index) => ({ traceId, spanId: newId(8), name: `s${index}`, startMs, endMs: startMs + 10 }));
    };
    const ancient = traceAt(now - 10 * 86_400_000, 2);
    const older = traceAt(now - 3_000, 3);
    const newer = traceAt(now - 1_000, 3);
    await withCollector({ retention: { maxAgeMs: 86_400_000, maxSpans: 4 } }, async (collector) => {
      await post(collector, JSON.stringify(otlpJson([...ancient, ...older, ...newer])), { 'content-type': 'application/json' });
      assert.deepEqual(await collector.applyRetention(), { deletedTraces: 2, deletedSpans: 5 });
      const { traces } = await getJson<{ traces: TraceSummary[] }>(collector, '/api/traces');
      assert.deepEqual(traces.map((summary) => summary.traceId), [newer[0]!.traceId]);
    });
  });
});

describe('collector live updates', () => {
  it('tells /api/live listeners which traces a stored batch touched', async () => {
    await withCollector({}, async (collector) => {
      const controller = new AbortController();
      const response = await fetch(`${collector.url}/api/live`, { signal: controller.signal });
      assert.equal(response.headers.get('content-type'), 'text/event-stream; charset=utf-8');
      const reader = response.body!.getReader();
      const spans = oneSpan();
      await post(collector, otlpProtobuf(spans), { 'content-type': 'application/x-protobuf' });
      let text = '';
      while (!text.includes('event: traces')) {
        const { value, done } = await reader.read();
        assert.ok(!done, 'the event stream ended before the traces event');
        text += new TextDecoder().decode(value);
      }
      assert.match(text, new RegExp(`data: \\{"traceIds":\\["${spans[0]!.traceId}"\\]\\}`));
      controller.abort();
    });
  });
});

describe('collector storage failures', () => {
  it('answers 503 with Retry-After when the database cannot take the batch, so exporters retry', async () => {
    const dbPath = join(tempDir(), 'hotpath.sqlite');
    await withCollector({ dbPath }, async (collector) => {
      // A second connection holding the write lock makes the collector's commit fail with SQLITE_BUSY.
      const { default: Database } = await import('better-sqlite3');
      const blocker = new Database(dbPath, { timeout: 0 });
      blocker.pragma('busy_timeout = 0');
      blocker.exec('BEGIN IMMEDIATE');
      try {
        const response = await post(collector, otlpProtobuf(oneSpan()), { 'content-type': 'application/x-protobuf' });
        assert.equal(response.status, 503);
        assert.equal(response.headers.get('retry-after'), '1');
        const status = otlpTypes.rpcStatus.toObject(otlpTypes.rpcStatus.decode(new Uint8Array(await response.arrayBuffer()))) as { message: string };
        assert.match(status.message, /could not store the spans: database .*hotpath\.sqlite is locked by another process/);
      } finally {
        blocker.exec('ROLLBACK');
        blocker.close();
      }
      assert.equal((await post(collector, otlpProtobuf(oneSpan()), { 'content-type': 'application/x-protobuf' })).status, 200);
      assert.equal((await getJson<{ spans: number }>(collector, '/api/health')).spans, 1);
    });
  });
});
