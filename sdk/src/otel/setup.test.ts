import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { afterEach, describe, it } from 'node:test';
import { Agent } from '../agent/index.ts';
import { Runner } from '../runner/index.ts';
import { instrument, TelemetryError } from '../telemetry/index.ts';
import { scriptedModel } from '../testing/index.ts';
import { startOtlpTestReceiver } from './otlp-receiver.test-support.ts';
import { setup } from './setup.ts';

const OTEL_VARS = [
  'OTEL_SERVICE_NAME',
  'OTEL_RESOURCE_ATTRIBUTES',
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_HEADERS',
  'OTEL_EXPORTER_OTLP_PROTOCOL',
  'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
  'OTEL_TRACES_EXPORTER',
  'OTEL_METRICS_EXPORTER',
  'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
];
afterEach(() => {
  for (const name of OTEL_VARS) delete process.env[name];
});

/** An agent function whose call makes one span through the global tracer provider that setup() registers. */
const agent = instrument(async (question: string) => `answer to ${question}`, { name: 'desk' });

/** A port nothing listens on: bound, then released. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe('setup()', () => {
  it('exports spans over OTLP/HTTP protobuf to the endpoint, with the service name, on shutdown', async () => {
    const receiver = await startOtlpTestReceiver();
    try {
      process.env.OTEL_RESOURCE_ATTRIBUTES = 'deployment.environment.name=test';
      const shutdown = await setup({ serviceName: 'support-desk', endpoint: receiver.url, headers: { authorization: 'Bearer t0ken' } });
      assert.equal(await agent('order 42'), 'answer to order 42');
      await new Promise((resolve) => setTimeout(resolve, 50));
      assert.equal(receiver.exports.length, 0, 'spans wait in the batch processor (OTEL_BSP_SCHEDULE_DELAY, 5 s by default)');
      await shutdown();
      assert.equal(receiver.exports.length, 1);
      const [received] = receiver.exports;
      assert.equal(received!.path, '/v1/traces');
      assert.equal(received!.headers['content-type'], 'application/x-protobuf');
      assert.equal(received!.headers.authorization, 'Bearer t0ken');
      assert.equal(received!.resource['service.name'], 'support-desk');
      assert.equal(received!.resource['deployment.environment.name'], 'test');
      assert.equal(received!.resource['telemetry.sdk.language'], 'nodejs');
      assert.deepEqual(received!.spans.map((span) => [span.name, span.kind, span.attributes['gen_ai.operation.name']]), [['invoke_agent desk', 1, 'invoke_agent']]);
      assert.match(received!.spans[0]!.traceId, /^[0-9a-f]{32}$/);
      assert.deepEqual({ ...shutdown.exportStats }, { exportedSpans: 1, failedSpans: 0, failedExports: 0 });
    } finally {
      await receiver.close();
    }
  });

  it('exports the span tree of a real run, parents and all', async () => {
    const receiver = await startOtlpTestReceiver();
    try {
      const shutdown = await setup({ serviceName: 'runs', endpoint: receiver.url });
      const runner = instrument(new Runner({ provider: scriptedModel([{ text: 'ok' }]) }));
      await runner.run(new Agent({ name: 'desk', instructions: 'Answer.', model: 'sim-small' }), 'hi');
      await shutdown();
      const spans = receiver.exports.flatMap((received) => received.spans);
      const run = spans.find((span) => span.name === 'invoke_agent desk')!;
      const chat = spans.find((span) => span.name === 'chat sim-small')!;
      assert.equal(run.parentSpanId, '');
      assert.equal(chat.parentSpanId, run.spanId);
      assert.equal(chat.traceId, run.traceId);
      assert.equal(chat.kind, 3, 'CLIENT');
      assert.equal(chat.attributes['gen_ai.provider.name'], 'hotpath.scripted');
      assert.deepEqual(chat.attributes['gen_ai.response.finish_reasons'], ['stop']);
      assert.equal(typeof chat.attributes['gen_ai.usage.input_tokens'], 'number');
      assert.equal(run.attributes['hotpath.run.outcome'], 'completed');
    } finally {
      await receiver.close();
    }
  });

  it('exports OTLP/JSON when asked, and takes endpoint, headers and service name from OTEL_* variables', async () => {
    const receiver = await startOtlpTestReceiver();
    try {
      process.env.OTEL_SERVICE_NAME = 'from-env';
      process.env.OTEL_EXPORTER_OTLP_ENDPOINT = receiver.url;
      process.env.OTEL_EXPORTER_OTLP_HEADERS = 'x-api-key=abc,x-team=hotpath';
      process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';
      const shutdown = await setup();
      await agent('q');
      await shutdown();
      const [received] = receiver.exports;
      assert.equal(received!.path, '/v1/traces');
      assert.equal(received!.headers['content-type'], 'application/json');
      assert.equal(received!.headers['x-api-key'], 'abc');
      assert.equal(received!.resource['service.name'], 'from-env');
      assert.equal(received!.spans[0]!.name, 'invoke_agent desk');
    } finally {
      await receiver.close();
    }
  });

  it('exports the GenAI client metrics of instrumented runs when OTEL_METRICS_EXPORTER=otlp, where the OTEL_* variables say, and none without it', async () => {
    const receiver = await startOtlpTestReceiver();
    const desk = new Agent({ name: 'desk', instructions: 'Answer.', model: 'sim-small' });
    const runOnce = async () => {
      const shutdown = await setup({ serviceName: 'metrics-test', endpoint: receiver.url });
      await instrument(new Runner({ provider: scriptedModel([{ text: 'ok', usage: { inputTokens: 12, outputTokens: 3 } }]) })).run(desk, 'hi');
      await shutdown();
    };
    try {
      process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';
      await runOnce();
      assert.deepEqual(receiver.exports.map((received) => received.path), ['/v1/traces'], 'no metrics unless asked for');
      process.env.OTEL_METRICS_EXPORTER = 'otlp';
      process.env.OTEL_EXPORTER_OTLP_METRICS_ENDPOINT = `${receiver.url}/v1/metrics`;
      await runOnce();
      const sent = receiver.exports.filter((received) => received.path === '/v1/metrics');
      assert.equal(sent.length, 1, 'the final flush at shutdown');
      const body = Buffer.from(sent[0]!.body).toString('utf8');
      for (const name of ['gen_ai.client.operation.duration', 'gen_ai.client.token.usage', 'gen_ai.client.operation.time_to_first_chunk']) {
        assert.ok(body.includes(`"${name}"`), name);
      }
      assert.ok(body.includes('"metrics-test"'), 'with the service name');
    } finally {
      await receiver.close();
    }
  });

  it('lets explicit arguments win over the OTEL_* variables', async () => {
    const receiver = await startOtlpTestReceiver();
    try {
      process.env.OTEL_SERVICE_NAME = 'from-env';
      process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT = `http://127.0.0.1:${await deadPort()}/v1/traces`;
      process.env.OTEL_EXPORTER_OTLP_HEADERS = 'x-team=env';
      process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'http/json';
      const shutdown = await setup({ serviceName: 'explicit', endpoint: `${receiver.url}/v1/traces`, protocol: 'http/protobuf', headers: { 'x-team': 'explicit' } });
      await agent('q');
      await shutdown();
      const [received] = receiver.exports;
      assert.equal(received!.path, '/v1/traces', 'no second /v1/traces appended');
      assert.equal(received!.headers['content-type'], 'application/x-protobuf');
      assert.equal(received!.headers['x-team'], 'explicit');
      assert.equal(received!.resource['service.name'], 'explicit');
    } finally {
      await receiver.close();
    }
  });

  it('never throws into the agent when the collector is down: failures are counted and reported once', async () => {
    const written: string[] = [];
    const write = process.stderr.write;
    process.stderr.write = ((chunk: string) => written.push(String(chunk)) > 0) as typeof process.stderr.write;
    try {
      const shutdown = await setup({ serviceName: 'offline', endpoint: `http://127.0.0.1:${await deadPort()}`, exportTimeoutMs: 300 });
      for (let i = 0; i < 3; i++) assert.equal(await agent(`q${i}`), `answer to q${i}`);
      await shutdown(); // resolves although the final flush fails
      assert.equal(shutdown.exportStats.exportedSpans, 0);
      assert.equal(shutdown.exportStats.failedSpans, 3);
      const reports = written.filter((line) => line.includes('@hotpath/sdk: exporting spans'));
      assert.equal(reports.length, 1);
      assert.match(reports[0]!, /to http:\/\/127\.0\.0\.1:\d+\/v1\/traces failed \(.*ECONNREFUSED/);
    } finally {
      process.stderr.write = write;
    }
  });

  it('lets a run complete when the collector is down', async () => {
    const write = process.stderr.write;
    process.stderr.write = (() => true) as typeof process.stderr.write;
    try {
      const shutdown = await setup({ serviceName: 'offline', endpoint: `http://127.0.0.1:${await deadPort()}`, exportTimeoutMs: 300 });
      const runner = instrument(new Runner({ provider: scriptedModel([{ text: 'still answering' }]) }));
      const result = await runner.run(new Agent({ name: 'desk', instructions: 'Answer.', model: 'sim-small' }), 'hi');
      assert.equal(result.finalOutput, 'still answering');
      await shutdown();
      assert.equal(shutdown.exportStats.failedSpans, 2);
    } finally {
      process.stderr.write = write;
    }
  });

  it('refuses a second set-up while one is active, and allows it after shutdown', async () => {
    const endpoint = `http://127.0.0.1:${await deadPort()}`;
    const [first, second] = await Promise.allSettled([setup({ serviceName: 'a', endpoint, exportTimeoutMs: 100 }), setup({ serviceName: 'b', endpoint })]);
    assert.equal(first.status, 'fulfilled');
    assert.equal(second.status, 'rejected', 'two concurrent calls cannot both set up');
    const shutdown = (first as PromiseFulfilledResult<Awaited<ReturnType<typeof setup>>>).value;
    await assert.rejects(setup({ serviceName: 'b' }), (error) => TelemetryError.isInstance(error) && /already called/.test((error as Error).message));
    await shutdown();
    await shutdown(); // idempotent
    const again = await setup({ serviceName: 'c', endpoint: `http://127.0.0.1:${await deadPort()}`, exportTimeoutMs: 100 });
    await again();
  });

  it('rejects bad configuration with a TelemetryError', async () => {
    const cases: Array<[Parameters<typeof setup>[0], RegExp]> = [
      [{ serviceName: 'x', endpoint: 'not a url' }, /not a URL/],
      [{ serviceName: 'x', endpoint: 'ftp://example.com' }, /http\(s\) URL/],
      [{ serviceName: 'x', protocol: 'grpc' as never }, /http\/protobuf or http\/json/],
      [{ serviceName: '  ' }, /non-empty string/],
      [{ serviceName: 'x', headers: { a: 1 as never } }, /"a" must be a string/],
      [{ serviceName: 'x', exportTimeoutMs: -1 }, /positive number/],
    ];
    for (const [options, message] of cases) {
      await assert.rejects(setup(options), (error) => TelemetryError.isInstance(error) && message.test((error as Error).message));
    }
    process.env.OTEL_EXPORTER_OTLP_PROTOCOL = 'grpc';
    await assert.rejects(setup({ serviceName: 'x' }), /OTEL_EXPORTER_OTLP_\(TRACES_\)PROTOCOL is "grpc"/);
  });

  it('does nothing when OTEL_TRACES_EXPORTER=none', async () => {
    const receiver = await startOtlpTestReceiver();
    try {
      process.env.OTEL_TRACES_EXPORTER = 'none';
      const shutdown = await setup({ serviceName: 'x', endpoint: receiver.url });
      await agent('q');
      await shutdown();
      assert.equal(receiver.exports.length, 0);
    } finally {
      await receiver.close();
    }
  });
});
