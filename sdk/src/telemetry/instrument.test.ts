import assert from 'node:assert/strict';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { context, SpanKind, SpanStatusCode, trace, type TracerProvider } from '@opentelemetry/api';
import type { ModelProvider, ModelRequest, ModelStreamEvent } from '../provider/model-provider.ts';
import type { RunEvent, RunListener } from '../runner/run-events.ts';
import { createTestTracing } from '../testing/index.ts';
import { instrument, uninstrument } from './instrument.ts';
import { TelemetryError } from './telemetry-error.ts';

const tracing = createTestTracing();
const tracerProvider = tracing.tracerProvider;
after(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const ENV = 'OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT';
afterEach(() => delete process.env[ENV]);

/** The smallest thing with a runner's subscription contract, emitting a run the way the Runner does. */
class EventSource {
  readonly listeners = new Set<RunListener>();
  subscribe(listener: RunListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
  emit(event: RunEvent): void {
    for (const listener of this.listeners) listener(event);
  }
  /** `run-start` synchronously (in the caller's context), the rest after an await, like a real run. */
  async run(runId: string, input: string): Promise<string> {
    const time = () => performance.timeOrigin + performance.now();
    this.emit({ type: 'run-start', runId, time: time(), agentName: 'desk', provider: 'openai', model: 'gpt-4.1', input, instructions: 'Be brief.', optimizations: {} });
    await new Promise((resolve) => setImmediate(resolve));
    this.emit({ type: 'model-call-start', runId, time: time(), callId: 'm1', step: 1, provider: 'openai', model: 'gpt-4.1', purpose: 'chat', stream: true, toolNames: [], messages: [{ role: 'user', content: input }] });
    this.emit({ type: 'model-call-end', runId, time: time(), callId: 'm1', model: 'gpt-4.1', finishReason: 'stop', output: { role: 'assistant', content: 'done' } });
    this.emit({ type: 'run-end', runId, time: time(), outcome: 'completed', finalOutput: 'done', steps: 1, usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, requests: 1, costUsd: 0, byModel: {} } });
    return 'done';
  }
}

const parentOf = (name: string) => tracing.spansNamed(name)[0]?.parentSpanContext?.spanId;
const idOf = (name: string) => tracing.spansNamed(name)[0]?.spanContext().spanId;

describe('instrument(runner)', () => {
  it('subscribes one listener and returns the same runner', async () => {
    const runner = new EventSource();
    assert.equal(instrument(runner, { tracerProvider }), runner);
    assert.equal(instrument(runner, { tracerProvider }), runner);
    assert.equal(runner.listeners.size, 1, 'instrumenting twice would write every span twice');
    await runner.run('r1', 'hello');
    assert.deepEqual(tracing.spans().map((span) => span.name), ['chat gpt-4.1', 'invoke_agent desk']);
  });

  it('adds the options attributes to every run span', async () => {
    const runner = instrument(new EventSource(), { tracerProvider, attributes: { 'hotpath.workload.variant': 'optimized' } });
    await runner.run('r1', 'hello');
    assert.equal(tracing.spansNamed('invoke_agent desk')[0]!.attributes['hotpath.workload.variant'], 'optimized');
  });

  it('leaves no listener behind after uninstrument, so a run does no telemetry work', async () => {
    const runner = instrument(new EventSource(), { tracerProvider });
    assert.equal(uninstrument(runner), true);
    assert.equal(runner.listeners.size, 0);
    assert.equal(uninstrument(runner), false);
    await runner.run('r1', 'hello');
    assert.equal(tracing.spans().length, 0);
  });

  it('ends the spans of runs in flight when uninstrumented', () => {
    const runner = instrument(new EventSource(), { tracerProvider });
    void runner.run('r1', 'hello'); // run-start only, synchronously
    uninstrument(runner);
    assert.deepEqual(tracing.spans().map((span) => span.name), ['invoke_agent desk']);
  });

  it('captures content when OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true', async () => {
    process.env[ENV] = 'true';
    const runner = instrument(new EventSource(), { tracerProvider });
    await runner.run('r1', 'secret question');
    assert.match(String(tracing.spansNamed('chat gpt-4.1')[0]!.attributes['gen_ai.input.messages']), /secret question/);
  });

  it('lets the option switch capture off whatever the environment says', async () => {
    process.env[ENV] = 'true';
    const runner = instrument(new EventSource(), { tracerProvider, captureContent: false });
    await runner.run('r1', 'secret question');
    for (const span of tracing.spans()) assert.doesNotMatch(JSON.stringify(span.attributes), /secret question/);
  });
});

describe('instrument(fn)', () => {
  it('wraps each call in an invoke_agent span that runs and model calls inside it nest under', async () => {
    const runner = instrument(new EventSource(), { tracerProvider });
    const answer = instrument(async (question: string) => runner.run('inner', question), {
      tracerProvider,
      name: 'support-desk',
      attributes: { 'hotpath.workload.task': 'order-status' },
    });
    assert.equal(await answer('where is 42?'), 'done');
    const outer = tracing.spansNamed('invoke_agent support-desk')[0]!;
    assert.equal(outer.kind, SpanKind.INTERNAL);
    assert.deepEqual(outer.attributes, {
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': 'support-desk',
      'hotpath.workload.task': 'order-status',
    });
    assert.equal(parentOf('invoke_agent desk'), idOf('invoke_agent support-desk'));
    assert.equal(parentOf('chat gpt-4.1'), idOf('invoke_agent desk'));
    assert.equal(new Set(tracing.spans().map((span) => span.spanContext().traceId)).size, 1, 'one trace');
  });

  it('gives every call its own trace', async () => {
    const fn = instrument(async (n: number) => n * 2, { tracerProvider, name: 'double' });
    assert.deepEqual(await Promise.all([fn(1), fn(2), fn(3)]), [2, 4, 6]);
    assert.equal(new Set(tracing.spans().map((span) => span.spanContext().traceId)).size, 3);
  });

  it('defaults the name to the function name and keeps this and every argument', async () => {
    const agent = {
      greeting: 'hi',
      async greet(name: string, punctuation: string) {
        return `${this.greeting} ${name}${punctuation}`;
      },
    };
    agent.greet = instrument(agent.greet, { tracerProvider });
    assert.equal(await agent.greet('Ada', '!'), 'hi Ada!');
    assert.equal(tracing.spans()[0]!.name, 'invoke_agent greet');
  });

  it('records the error and rethrows it unchanged', async () => {
    const failure = Object.assign(new Error('rate limited'), { status: 429 });
    const fn = instrument(async () => { throw failure; }, { tracerProvider, name: 'flaky' });
    await assert.rejects(fn(), (error) => error === failure);
    const span = tracing.spans()[0]!;
    assert.equal(span.attributes['error.type'], '429');
    assert.equal(span.status.code, SpanStatusCode.ERROR);
  });

  it('records input and output only when capture is on', async () => {
    const fn = instrument(async (input: { q: string }) => ({ a: input.q.toUpperCase() }), { tracerProvider, name: 'echo', captureContent: true });
    await fn({ q: 'x' });
    const span = tracing.spans()[0]!;
    assert.deepEqual(JSON.parse(span.attributes['gen_ai.input.messages'] as string), [{ role: 'user', parts: [{ type: 'text', content: '{"q":"x"}' }] }]);
    assert.deepEqual(JSON.parse(span.attributes['gen_ai.output.messages'] as string), [{ role: 'assistant', parts: [{ type: 'text', content: '{"a":"X"}' }], finish_reason: 'stop' }]);
  });

  it('still calls the function when the tracer fails', async () => {
    const broken = { getTracer: () => ({ startSpan: () => { throw new Error('no tracing today'); } }) };
    const fn = instrument(async () => 'still works', { tracerProvider: broken as never });
    assert.equal(await fn(), 'still works');
  });
});

/** A provider that plays back fixed events, with a private field to prove the wrapper calls members on the original. */
class PlaybackProvider implements ModelProvider {
  readonly specificationVersion = 'v1';
  readonly provider = 'openai';
  #closed = false;
  requests: ModelRequest[] = [];
  constructor(private readonly events: ModelStreamEvent[], private readonly failWith?: Error) {}
  async *stream(request: ModelRequest): AsyncIterable<ModelStreamEvent> {
    this.requests.push(request);
    for (const event of this.events) {
      await new Promise((resolve) => setTimeout(resolve, 2));
      yield event;
    }
    if (this.failWith) throw this.failWith;
  }
  async close(): Promise<void> {
    this.#closed = true;
  }
  get closed(): boolean {
    return this.#closed;
  }
}

const transport = { connection: 'reused' as const, retries: 0, serverAddress: 'api.openai.com', serverPort: 443 };
const request: ModelRequest = { model: 'gpt-4.1', messages: [{ role: 'user', content: 'Weather in Paris?' }], tools: [{ name: 'weather', description: 'd', parameters: {} }], stream: true };

async function drain(stream: AsyncIterable<ModelStreamEvent>): Promise<ModelStreamEvent[]> {
  const seen: ModelStreamEvent[] = [];
  for await (const event of stream) seen.push(event);
  return seen;
}

describe('instrument(provider)', () => {
  const events: ModelStreamEvent[] = [
    { type: 'response-start', transport, responseId: 'chatcmpl-9', responseModel: 'gpt-4.1-2025-04-14' },
    { type: 'text-delta', delta: 'Rain' },
    { type: 'text-delta', delta: 'y.' },
    { type: 'finish', finishReason: 'stop', usage: { inputTokens: 20, outputTokens: 2, cachedInputTokens: 0 }, transport, responseId: 'chatcmpl-9', responseModel: 'gpt-4.1-2025-04-14' },
  ];

  it('yields the provider events untouched and records one chat span per call', async () => {
    const inner = new PlaybackProvider(events);
    const provider = instrument(inner, { tracerProvider });
    assert.deepEqual(await drain(provider.stream(request)), events);
    const span = tracing.spans()[0]!;
    assert.equal(span.name, 'chat gpt-4.1');
    assert.equal(span.kind, SpanKind.CLIENT);
    const { 'hotpath.time_to_first_chunk_ms': ttfc, 'gen_ai.response.time_to_first_chunk': ttfcSeconds, ...rest } = span.attributes;
    assert.ok(typeof ttfc === 'number' && ttfc >= 2, `time to first chunk ${ttfc}`);
    assert.equal(ttfcSeconds, ttfc / 1000);
    assert.deepEqual(rest, {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'openai',
      'gen_ai.request.model': 'gpt-4.1',
      'gen_ai.request.stream': true,
      'gen_ai.response.model': 'gpt-4.1-2025-04-14',
      'gen_ai.response.id': 'chatcmpl-9',
      'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 20,
      'gen_ai.usage.output_tokens': 2,
      'gen_ai.usage.cache_read.input_tokens': 0,
      'hotpath.connection': 'reused',
      'hotpath.retries': 0,
      'server.address': 'api.openai.com',
      'server.port': 443,
    });
  });

  it('keeps the provider members working, private fields included', async () => {
    const inner = new PlaybackProvider(events);
    const provider = instrument(inner, { tracerProvider });
    assert.equal(provider.provider, 'openai');
    await provider.close!();
    assert.equal(inner.closed, true);
  });

  it('nests under the active span and records content when capture is on', async () => {
    const provider = instrument(new PlaybackProvider(events), { tracerProvider, captureContent: true });
    const agent = instrument(async () => drain(provider.stream(request)), { tracerProvider, name: 'outer' });
    await agent();
    assert.equal(parentOf('chat gpt-4.1'), idOf('invoke_agent outer'));
    const chat = tracing.spansNamed('chat gpt-4.1')[0]!.attributes;
    assert.deepEqual(JSON.parse(chat['gen_ai.output.messages'] as string), [{ role: 'assistant', parts: [{ type: 'text', content: 'Rainy.' }], finish_reason: 'stop' }]);
    assert.deepEqual(JSON.parse(chat['gen_ai.tool.definitions'] as string), [{ type: 'function', name: 'weather' }]);
  });

  it('records a stream that fails midway and rethrows the same error', async () => {
    const cut = Object.assign(new Error('stream cut off'), { name: 'StreamInterruptedError' });
    const provider = instrument(new PlaybackProvider(events.slice(0, 2), cut), { tracerProvider });
    await assert.rejects(drain(provider.stream(request)), (error) => error === cut);
    const span = tracing.spans()[0]!;
    assert.equal(span.attributes['error.type'], 'StreamInterruptedError');
    assert.equal(span.status.code, SpanStatusCode.ERROR);
  });

  it('counts the retries of a call that failed in the end', async () => {
    const unavailable = Object.assign(new Error('service unavailable'), { status: 503 });
    const retries: ModelStreamEvent[] = [
      { type: 'retry', attempt: 1, delayMs: 1, error: unavailable },
      { type: 'retry', attempt: 2, delayMs: 2, error: unavailable },
    ];
    const provider = instrument(new PlaybackProvider(retries, unavailable), { tracerProvider });
    await assert.rejects(drain(provider.stream(request)), (error) => error === unavailable);
    const span = tracing.spans()[0]!;
    assert.equal(span.attributes['hotpath.retries'], 2);
    assert.equal(span.attributes['error.type'], '503');
    assert.equal(span.attributes['hotpath.time_to_first_chunk_ms'], undefined, 'no chunk ever arrived');
  });

  it('ends the span, and lets the provider clean up, when the consumer stops early', async () => {
    let cleanedUp = false;
    const inner: ModelProvider = {
      specificationVersion: 'v1',
      provider: 'openai',
      async *stream() {
        try {
          yield* events;
        } finally {
          cleanedUp = true;
        }
      },
    };
    const provider = instrument(inner, { tracerProvider });
    for await (const event of provider.stream(request)) if (event.type === 'text-delta') break;
    assert.equal(tracing.spans().length, 1);
    assert.equal(cleanedUp, true);
  });

  it('runs the provider inside the chat span, so what it records nests under chat', async () => {
    const seen: Array<string | undefined> = [];
    const inner: ModelProvider = {
      specificationVersion: 'v1',
      provider: 'openai',
      async *stream() {
        seen.push(trace.getSpan(context.active())?.spanContext().spanId);
        await new Promise((resolve) => setTimeout(resolve, 1));
        seen.push(trace.getSpan(context.active())?.spanContext().spanId);
        yield* events;
      },
    };
    const provider = instrument(inner, { tracerProvider });
    await drain(provider.stream(request));
    const chatId = tracing.spansNamed('chat gpt-4.1')[0]!.spanContext().spanId;
    assert.deepEqual(seen, [chatId, chatId]);
  });
});

/** A tracer whose spans fail at everything: telemetry must still leave results and errors untouched. */
const explodingSpans = {
  getTracer: () => ({
    startSpan: () =>
      new Proxy({}, { get: (_target, key) => (key === 'spanContext' ? () => ({ traceId: '0'.repeat(32), spanId: '0'.repeat(16), traceFlags: 1 }) : () => { throw new Error(`span.${String(key)} exploded`); }) }),
  }),
} as unknown as TracerProvider;

describe('a broken tracer', () => {
  it('leaves a function result and its error untouched', async () => {
    const ok = instrument(async (x: number) => x + 1, { tracerProvider: explodingSpans, captureContent: true });
    assert.equal(await ok(1), 2);
    const failure = new Error('agent failed');
    const failing = instrument(async () => { throw failure; }, { tracerProvider: explodingSpans });
    await assert.rejects(failing(), (error) => error === failure);
  });

  it('leaves a provider stream and its error untouched', async () => {
    const events: ModelStreamEvent[] = [{ type: 'text-delta', delta: 'hi' }, { type: 'finish', finishReason: 'stop', usage: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 }, transport }];
    const provider = instrument(new PlaybackProvider(events), { tracerProvider: explodingSpans, captureContent: true });
    assert.deepEqual(await drain(provider.stream(request)), events);
    const cut = new Error('cut');
    const failing = instrument(new PlaybackProvider(events.slice(0, 1), cut), { tracerProvider: explodingSpans });
    await assert.rejects(drain(failing.stream(request)), (error) => error === cut);
  });

  it('leaves a run untouched', async () => {
    const runner = instrument(new EventSource(), { tracerProvider: explodingSpans, captureContent: true });
    assert.equal(await runner.run('r1', 'hello'), 'done');
  });
});

describe('instrument(anything else)', () => {
  it('rejects options it cannot honour with a TelemetryError', () => {
    const cases: Array<[unknown, RegExp]> = [
      [null, /options must be an object/],
      [{ tracerProvider: {} }, /TracerProvider/],
      [{ captureContent: 'yes' }, /true or false/],
      [{ name: '' }, /non-empty string/],
      [{ attributes: [] }, /object of attribute values/],
      [{ attributes: { nested: { a: 1 } } }, /"nested" must be/],
    ];
    for (const [options, message] of cases) {
      assert.throws(
        () => instrument(async () => 1, options as never),
        (error) => TelemetryError.isInstance(error) && message.test((error as Error).message),
        String(message),
      );
    }
    assert.doesNotThrow(() => instrument(async () => 1, { attributes: { a: 'x', b: 2, c: true, d: ['x', 'y'], e: [1, 2] } }));
  });

  it('throws a TelemetryError', () => {
    for (const bad of [42, null, undefined, 'runner', {}]) {
      assert.throws(() => instrument(bad as never), (error) => TelemetryError.isInstance(error) && /instrument\(\) takes/.test((error as Error).message));
    }
  });
});

describe('the global tracer provider', () => {
  it('is used when no tracerProvider is given, even when registered after instrument()', async () => {
    const fn = instrument(async () => 'ok', { name: 'late' });
    trace.setGlobalTracerProvider(tracerProvider);
    try {
      await fn();
      assert.equal(tracing.spans()[0]?.name, 'invoke_agent late');
    } finally {
      trace.disable();
    }
  });
});
