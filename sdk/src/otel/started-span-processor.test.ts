import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { BasicTracerProvider } from '@opentelemetry/sdk-trace-base';
import { instrument } from '../telemetry/index.ts';
import { setup } from './setup.ts';
import { StartedSpanProcessor } from './started-span-processor.ts';

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  spans: { name: string; spanId: string; startTimeUnixNano: string; attributes: { key: string }[] }[];
}

/** A real HTTP receiver answering like a Hotpath collector (with `x-hotpath-collector`) or like any other backend. */
async function receiver(options: { hotpath: boolean }) {
  const received: Received[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const json = request.headers['content-type'] === 'application/json';
      const parsed = (json ? JSON.parse(body) : { resourceSpans: [] }) as { resourceSpans: { scopeSpans: { spans: Received['spans'] }[] }[] };
      received.push({ path: request.url ?? '', headers: request.headers, spans: parsed.resourceSpans.flatMap((group) => group.scopeSpans.flatMap((scope) => scope.spans)) });
      response.writeHead(options.hotpath ? 200 : 404, options.hotpath ? { 'x-hotpath-collector': 'started-spans' } : {});
      response.end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1/traces`, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

const until = async (check: () => boolean, timeoutMs = 3000) => {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(20);
  }
};

describe('StartedSpanProcessor', () => {
  it('announces a span still running, again as a keep-alive, and never one that ended first', async () => {
    const target = await receiver({ hotpath: true });
    const processor = new StartedSpanProcessor({ tracesUrl: target.url, headers: { authorization: 'Bearer t' }, announceAfterMs: 100, keepAliveMs: 400 });
    const tracer = new BasicTracerProvider({ spanProcessors: [processor] }).getTracer('test');
    try {
      const quick = tracer.startSpan('execute_tool quick');
      quick.end();
      const slow = tracer.startSpan('chat slow-model', { attributes: { 'gen_ai.request.model': 'slow-model' } });
      await until(() => target.received.length >= 2);
      assert.equal(processor.state, 'hotpath');
      const [first, second] = target.received;
      assert.equal(first!.path, '/v1/traces/started');
      assert.equal(first!.headers.authorization, 'Bearer t');
      assert.deepEqual(first!.spans.map((span) => span.name), ['chat slow-model']);
      assert.ok(first!.spans[0]!.attributes.some((attribute) => attribute.key === 'gen_ai.request.model'));
      assert.deepEqual(second!.spans.map((span) => span.spanId), first!.spans.map((span) => span.spanId), 'the keep-alive repeats it');
      slow.end();
      const count = target.received.length;
      await sleep(600);
      assert.equal(target.received.length, count, 'nothing more once it ended');
    } finally {
      await processor.shutdown();
      await target.close();
    }
  });

  it('switches itself off for good when the backend is not a Hotpath collector', async () => {
    const target = await receiver({ hotpath: false });
    const processor = new StartedSpanProcessor({ tracesUrl: target.url, announceAfterMs: 50, keepAliveMs: 100 });
    const tracer = new BasicTracerProvider({ spanProcessors: [processor] }).getTracer('test');
    try {
      const span = tracer.startSpan('chat slow-model');
      await until(() => processor.state === 'off');
      await sleep(400);
      assert.equal(target.received.length, 1, 'one request to an unknown path, then nothing');
      tracer.startSpan('another').end();
      span.end();
    } finally {
      await processor.shutdown();
      await target.close();
    }
  });

  it('keeps trying while nothing answers, without throwing', async () => {
    const processor = new StartedSpanProcessor({ tracesUrl: 'http://127.0.0.1:9/v1/traces', announceAfterMs: 10, timeoutMs: 200 });
    const span = new BasicTracerProvider({ spanProcessors: [processor] }).getTracer('test').startSpan('waiting');
    await sleep(400);
    assert.equal(processor.state, 'unknown');
    span.end();
    await processor.shutdown();
  });
});

describe('setup() and running spans', () => {
  it('reports a span running longer than half a second to the collector it exports to, then exports the finished span', async () => {
    const target = await receiver({ hotpath: true });
    const shutdown = await setup({ serviceName: 'running-spans', endpoint: target.url.replace(/\/v1\/traces$/, '') });
    try {
      const slowAgent = instrument(async () => sleep(900), { name: 'slow-agent' });
      await slowAgent();
      await shutdown();
      const started = target.received.filter((entry) => entry.path === '/v1/traces/started');
      assert.deepEqual(started[0]?.spans.map((span) => span.name), ['invoke_agent slow-agent']);
      assert.ok(target.received.some((entry) => entry.path === '/v1/traces'), 'the finished span went out as usual');
    } finally {
      await shutdown();
      await target.close();
    }
  });
});
