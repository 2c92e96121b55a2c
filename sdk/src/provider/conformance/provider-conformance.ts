// One behaviour suite every HTTP model provider must pass (hono's `runTest({ newRouter })` pattern): streaming and
// not, tool calls in pieces and announced early, usage with cached tokens, retries that honour Retry-After and
// never replay output, typed errors, abort, and connection reuse checked from the server's side of the socket.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ModelCallOptions, ModelProvider, ModelRequest, ModelStreamEvent } from '../model-provider.ts';
import {
  ModelCallAbortedError,
  ProviderConnectionError,
  ProviderHttpError,
  ProviderResponseError,
  StreamInterruptedError,
} from '../provider-errors.ts';
import { startScriptedHttpServer, type ScriptedHttpServer, type ScriptedReply } from './scripted-http-server.ts';
import { useScriptedProvider } from './scripted-provider-hooks.ts';
import type { ScriptedTurn, WireFormat } from './wire-format.ts';

export interface ProviderConformanceOptions {
  wire: WireFormat;
  /** A provider pointed at `baseURL`, with whatever credentials its API requires. */
  createProvider(baseURL: string): ModelProvider;
}

/** Fast retries for tests: real timers, short waits. */
export const FAST_RETRY = { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 200 } as const;

/** Collects every event of one call. */
export async function collect(
  provider: ModelProvider,
  request: ModelRequest,
  options: ModelCallOptions = { retry: FAST_RETRY },
): Promise<ModelStreamEvent[]> {
  const events: ModelStreamEvent[] = [];
  for await (const event of provider.stream(request, options)) events.push(event);
  return events;
}

/** Runs `body`, expecting it to reject, and returns what it rejected with. */
export async function rejection(body: () => Promise<unknown>): Promise<unknown> {
  try {
    await body();
  } catch (error) {
    return error;
  }
  assert.fail('expected a rejection');
}

/** Fails if `promise` has not settled within `ms` (guards a wait that would otherwise hang the suite). */
async function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out waiting: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export const textOf = (events: ModelStreamEvent[]): string =>
  events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : [])).join('');

export const finishOf = (events: ModelStreamEvent[]): Extract<ModelStreamEvent, { type: 'finish' }> => {
  const finish = events.at(-1);
  assert.equal(finish?.type, 'finish', 'the last event is finish');
  return finish as Extract<ModelStreamEvent, { type: 'finish' }>;
};

const request = (stream: boolean, extra: Partial<ModelRequest> = {}): ModelRequest => ({
  model: 'test-model',
  messages: [
    { role: 'system', content: 'You are terse.' },
    { role: 'user', content: 'Where is order 7?' },
  ],
  tools: [{ name: 'lookup_order', description: 'Finds an order', parameters: { type: 'object', properties: {} } }],
  stream,
  ...extra,
});

const textTurn: ScriptedTurn = {
  id: 'resp_text',
  model: 'test-model-2026',
  text: ['Order 7 ', 'shipped ', 'today.'],
  usage: { inputTokens: 1200, outputTokens: 9, cachedInputTokens: 1024 },
  finishReason: 'stop',
};

const toolTurn: ScriptedTurn = {
  id: 'resp_tools',
  model: 'test-model-2026',
  toolCalls: [
    { id: 'call_a', name: 'lookup_order', argumentPieces: ['{"or', 'der_id"', ': 7', '}'] },
    { id: 'call_b', name: 'lookup_customer', argumentPieces: ['{"customer', '_id": "c-', '42"}'] },
  ],
  usage: { inputTokens: 300, outputTokens: 40, cachedInputTokens: 0 },
  finishReason: 'tool_calls',
};

/**
 * Declares the conformance suite for one provider.
 *
 * @example
 * describeProviderConformance('openaiCompatible', {
 *   wire: openaiWireFormat,
 *   createProvider: (baseURL) => openaiCompatible({ baseURL }),
 * });
 */
export function describeProviderConformance(name: string, options: ProviderConformanceOptions): void {
  const { wire } = options;
  const streamed = (turn: ScriptedTurn, extra: Partial<ScriptedReply> = {}): ScriptedReply => ({
    headers: wire.streamHeaders,
    chunks: wire.streamEvents(turn),
    ...extra,
  });
  /** The events of `turn` up to and including the one carrying its first text piece. */
  const throughFirstText = (turn: ScriptedTurn): string[] => {
    const events = wire.streamEvents(turn);
    return events.slice(0, events.findIndex((event) => event.includes(turn.text![0]!)) + 1);
  };
  const failure = (status: number, headers: Record<string, string> = {}): ScriptedReply => ({
    status,
    headers: { 'content-type': 'application/json', ...headers },
    chunks: [wire.errorBody(`scripted ${status}`)],
  });

  describe(`${name} conformance`, () => {
    let server: ScriptedHttpServer;
    let provider: ModelProvider;
    useScriptedProvider(options.createProvider, (s, p) => ((server = s), (provider = p)));

    describe('responses', () => {
      it('streams text deltas, then finishes with usage that counts cached tokens inside input tokens', async () => {
        server.reply(streamed(textTurn, { gapMs: 2 }));
        const events = await collect(provider, request(true));
        assert.equal(events[0]?.type, 'response-start');
        assert.deepEqual(
          events.filter((event) => event.type === 'text-delta').map((event) => event.type === 'text-delta' && event.delta),
          ['Order 7 ', 'shipped ', 'today.'],
        );
        const finish = finishOf(events);
        assert.equal(finish.finishReason, 'stop');
        assert.equal(finish.usage.inputTokens, 1200);
        assert.equal(finish.usage.cachedInputTokens, 1024);
        assert.equal(finish.usage.outputTokens, 9);
        assert.equal(finish.responseId, 'resp_text');
        assert.equal(finish.responseModel, 'test-model-2026');
        assert.equal(finish.transport.retries, 0);
        assert.equal(finish.transport.serverAddress, '127.0.0.1');
        assert.equal(finish.transport.serverPort, Number(new URL(server.baseURL).port));
        assert.equal(server.requests[0]?.path, new URL(server.baseURL).pathname + wire.path);
      });

      it('answers a non-streamed call with the same events, all at the end', async () => {
        server.reply({ headers: { 'content-type': 'application/json' }, chunks: [wire.jsonBody(textTurn)] });
        const events = await collect(provider, request(false));
        assert.equal(textOf(events), 'Order 7 shipped today.');
        assert.equal(finishOf(events).usage.cachedInputTokens, 1024);
        assert.equal(finishOf(events).usage.inputTokens, 1200);
      });

      for (const stream of [true, false]) {
        it(`assembles several tool calls whose arguments arrive in pieces (${stream ? 'streamed' : 'whole'})`, async () => {
          server.reply(
            stream
              ? streamed(toolTurn)
              : { headers: { 'content-type': 'application/json' }, chunks: [wire.jsonBody(toolTurn)] },
          );
          const events = await collect(provider, request(stream));
          const calls = events.flatMap((event) => (event.type === 'tool-call' ? [event] : []));
          // Compared as JSON: an API that returns arguments as an object (Anthropic's `input`) re-serialises them.
          assert.deepEqual(
            calls.map((event) => [event.index, { ...event.toolCall, arguments: JSON.parse(event.toolCall.arguments) }]),
            [
              [0, { id: 'call_a', name: 'lookup_order', arguments: { order_id: 7 } }],
              [1, { id: 'call_b', name: 'lookup_customer', arguments: { customer_id: 'c-42' } }],
            ],
          );
          const deltas = events.flatMap((event) => (event.type === 'tool-call-delta' ? [event] : []));
          const joined = deltas.filter((delta) => delta.index === 0).map((delta) => delta.argumentsDelta).join('');
          assert.equal(joined, calls[0]?.toolCall.arguments, 'the deltas add up to the arguments');
          if (stream) assert.equal(joined, '{"order_id": 7}', 'streamed arguments are kept exactly as the model wrote them');
          assert.equal(deltas.find((delta) => delta.index === 1)?.name, 'lookup_customer');
          assert.equal(finishOf(events).finishReason, 'tool_calls');
        });
      }

      it('announces a tool call as soon as its arguments are complete, before the response ends', async () => {
        let release!: () => void;
        const gate = new Promise<void>((resolve) => (release = resolve));
        const events = wire.streamEvents(toolTurn);
        // Hold the stream just before the second call starts: the first must be announced by then.
        const secondCall = events.findIndex((event) => event.includes('lookup_customer'));
        assert.ok(secondCall > 0);
        server.reply({
          headers: wire.streamHeaders,
          chunks: [...events.slice(0, secondCall), () => gate, ...events.slice(secondCall)],
        });
        const seen: ModelStreamEvent[] = [];
        for await (const event of provider.stream(request(true), { retry: FAST_RETRY })) {
          seen.push(event);
          if (event.type === 'tool-call' && event.index === 0) {
            assert.ok(!seen.some((e) => e.type === 'tool-call-delta' && e.index === 1), 'the second call has not started');
            release();
          }
        }
        assert.ok(seen.some((event) => event.type === 'tool-call' && event.index === 1));
        assert.equal(finishOf(seen).finishReason, 'tool_calls');
      });

      it('marks a response from a simulated server', async () => {
        server.reply(streamed(textTurn, { headers: { ...wire.streamHeaders, 'x-hotpath-simulated': 'true' } }));
        const events = await collect(provider, request(true));
        assert.equal(finishOf(events).transport.simulated, true);
      });
    });

    describe('retries', () => {
      it('retries a 429 after the Retry-After the server asked for, then succeeds', async () => {
        server.reply(failure(429, { 'retry-after': '0.03' }), streamed(textTurn));
        const started = performance.now();
        const events = await collect(provider, request(true), {
          retry: { maxRetries: 2, initialDelayMs: 5000, maxDelayMs: 5000 },
        });
        const retry = events.find((event) => event.type === 'retry');
        assert.equal(retry?.type, 'retry');
        assert.equal(retry.attempt, 1);
        assert.equal(retry.delayMs, 30, 'the server’s Retry-After, not the policy’s backoff');
        assert.ok(ProviderHttpError.isInstance(retry.error) && retry.error.status === 429);
        assert.ok(performance.now() - started >= 29, 'it really waited');
        assert.equal(textOf(events), 'Order 7 shipped today.');
        assert.equal(finishOf(events).transport.retries, 1);
        assert.equal(server.requests.length, 2);
      });

      it('gives up at once when Retry-After asks for a longer wait than the policy allows', async () => {
        server.reply(failure(429, { 'retry-after': '120' }));
        const error = await rejection(() => collect(provider, request(true)));
        assert.ok(ProviderHttpError.isInstance(error));
        assert.equal(error.retryAfterMs, 120_000);
        assert.equal(server.requests.length, 1);
      });

      it('retries a 500 with backoff and reports the retry in the transport info', async () => {
        server.reply(failure(500), failure(503), streamed(textTurn));
        const events = await collect(provider, request(true));
        assert.deepEqual(
          events.filter((event) => event.type === 'retry').map((event) => event.type === 'retry' && event.attempt),
          [1, 2],
        );
        assert.equal(finishOf(events).transport.retries, 2);
      });

      it('stops after maxRetries and throws the last error', async () => {
        server.reply(failure(502), failure(502), failure(502));
        const error = await rejection(() => collect(provider, request(true)));
        assert.ok(ProviderHttpError.isInstance(error));
        assert.equal(error.status, 502);
        assert.equal(error.retryable, true);
        assert.equal(server.requests.length, 3);
      });

      it('does not retry a 400 and says what the server said', async () => {
        server.reply(failure(400, { 'x-request-id': 'req_123' }));
        const error = await rejection(() => collect(provider, request(true)));
        assert.ok(ProviderHttpError.isInstance(error));
        assert.equal(error.name, 'ProviderHttpError');
        assert.equal(error.status, 400);
        assert.equal(error.retryable, false);
        assert.equal(error.requestId, 'req_123');
        assert.match(error.message, /scripted 400/);
        assert.match(error.bodyExcerpt, /scripted 400/);
        assert.equal(server.requests.length, 1);
      });

      it('does not retry when retries are switched off', async () => {
        server.reply(failure(503), streamed(textTurn));
        const error = await rejection(() => collect(provider, request(true), { retry: false }));
        assert.ok(ProviderHttpError.isInstance(error));
        assert.equal(server.requests.length, 1);
      });

      it('retries a stream cut off before any output reached the caller', async () => {
        server.reply(streamed(textTurn, { cutAfter: 1 }), streamed(textTurn));
        const events = await collect(provider, request(true));
        assert.equal(events.filter((event) => event.type === 'retry').length, 1);
        assert.equal(textOf(events), 'Order 7 shipped today.', 'the text arrives once');
      });

      it('never replays a stream cut off after output reached the caller', async () => {
        server.reply(streamed(textTurn, { cutAfter: throughFirstText(textTurn).length }), streamed(textTurn));
        const seen: ModelStreamEvent[] = [];
        const error = await rejection(async () => {
          for await (const event of provider.stream(request(true), { retry: FAST_RETRY })) seen.push(event);
        });
        assert.ok(StreamInterruptedError.isInstance(error), String(error));
        assert.equal(error.outputReceived, true);
        assert.equal(error.retryable, false);
        assert.equal(textOf(seen), 'Order 7 ');
        assert.equal(server.requests.length, 1);
      });

      it('retries on a new connection when the server drops a request without answering', async () => {
        server.reply(streamed(textTurn));
        await collect(provider, request(true));
        server.reply({ chunks: [], drop: true }, streamed(textTurn));
        const events = await collect(provider, request(true));
        const retry = events.find((event) => event.type === 'retry');
        assert.ok(retry?.type === 'retry' && ProviderConnectionError.isInstance(retry.error), 'a connection error was retried');
        assert.equal(textOf(events), 'Order 7 shipped today.');
        assert.equal(finishOf(events).transport.connection, 'new', 'the dropped connection was replaced');
      });

      it('retries when the server cannot be reached, then reports a connection error', async () => {
        const closed = await startScriptedHttpServer();
        const baseURL = closed.baseURL;
        await closed.close();
        const unreachable = options.createProvider(baseURL);
        try {
          const seen: ModelStreamEvent[] = [];
          const error = await rejection(async () => {
            for await (const event of unreachable.stream(request(true), { retry: FAST_RETRY })) seen.push(event);
          });
          assert.ok(ProviderConnectionError.isInstance(error), String(error));
          assert.equal(error.code, 'ECONNREFUSED');
          assert.equal(seen.filter((event) => event.type === 'retry').length, 2);
        } finally {
          await unreachable.close?.();
        }
      });
    });

    describe('bad responses', () => {
      it('fails with a typed error on a chunk that is not JSON, without retrying', async () => {
        const events = wire.streamEvents(textTurn);
        server.reply({ headers: wire.streamHeaders, chunks: [events[0]!, wire.malformedEvent, ...events.slice(1)] });
        const error = await rejection(() => collect(provider, request(true)));
        assert.ok(ProviderResponseError.isInstance(error), String(error));
        assert.match(error.excerpt, /oops/);
        assert.equal(server.requests.length, 1);
      });

      it('fails with a typed error when a stream ends early without a cut socket', async () => {
        server.reply({ headers: wire.streamHeaders, chunks: throughFirstText(textTurn) });
        const error = await rejection(() => collect(provider, request(true)));
        assert.ok(StreamInterruptedError.isInstance(error), String(error));
        assert.equal(error.outputReceived, true);
      });
    });

    describe('abort', () => {
      it('ends a stream promptly with an abort error and closes its connection', async () => {
        server.reply({ headers: wire.streamHeaders, chunks: throughFirstText(textTurn), hang: true });
        const controller = new AbortController();
        const seen: ModelStreamEvent[] = [];
        const error = await rejection(async () => {
          for await (const event of provider.stream(request(true), { signal: controller.signal, retry: FAST_RETRY })) {
            seen.push(event);
            if (event.type === 'text-delta') controller.abort();
          }
        });
        assert.ok(ModelCallAbortedError.isInstance(error), String(error));
        assert.equal(textOf(seen), 'Order 7 ');
        await within(2000, server.requests[0]!.socketClosed, 'the aborted call’s connection closes');
      });

      it('ends promptly when aborted while waiting for response headers', async () => {
        server.reply({ ...streamed(textTurn), headersDelayMs: 10_000 });
        const controller = new AbortController();
        setTimeout(() => controller.abort(), 20);
        const error = await rejection(() => collect(provider, request(true), { signal: controller.signal, retry: FAST_RETRY }));
        assert.ok(ModelCallAbortedError.isInstance(error), String(error));
        await within(2000, server.requests[0]!.socketClosed, 'the aborted call’s connection closes');
      });

      it('does not start a call whose signal has already fired', async () => {
        const error = await rejection(() => collect(provider, request(true), { signal: AbortSignal.abort() }));
        assert.ok(ModelCallAbortedError.isInstance(error));
        assert.equal(server.requests.length, 0);
      });

      it('stops waiting between retries when aborted', async () => {
        server.reply(failure(503));
        const controller = new AbortController();
        const error = await rejection(async () => {
          for await (const event of provider.stream(request(true), {
            signal: controller.signal,
            retry: { maxRetries: 3, initialDelayMs: 60_000, maxDelayMs: 60_000 },
          })) {
            if (event.type === 'retry') controller.abort();
          }
        });
        assert.ok(ModelCallAbortedError.isInstance(error));
      });
    });

    describe('connections', () => {
      it('reuses one kept-alive connection across calls and says so', async () => {
        const before = server.connections;
        const kinds: string[] = [];
        for (let n = 0; n < 3; n++) {
          server.reply(streamed(textTurn));
          kinds.push(finishOf(await collect(provider, request(true))).transport.connection);
        }
        assert.deepEqual(kinds, ['new', 'reused', 'reused']);
        assert.equal(server.connections - before, 1, 'the server saw one connection');
      });

      it('opens and closes a fresh connection per call in fresh mode', async () => {
        const before = server.connections;
        const kinds: string[] = [];
        for (let n = 0; n < 3; n++) {
          server.reply(streamed(textTurn));
          const events = await collect(provider, request(true), { freshConnection: true, retry: FAST_RETRY });
          kinds.push(finishOf(events).transport.connection);
        }
        assert.deepEqual(kinds, ['new', 'new', 'new']);
        assert.equal(server.connections - before, 3, 'the server saw three connections');
        await within(2000, Promise.all(server.requests.map((received) => received.socketClosed)), 'each connection closes');
        assert.equal(server.requests[0]?.headers.connection, 'close');
      });

      it('opens one connection per concurrent call, then reuses them all', async () => {
        const before = server.connections;
        const round = () =>
          Promise.all(
            [0, 1, 2].map(async () => finishOf(await collect(provider, request(true))).transport.connection),
          );
        server.reply(streamed(textTurn, { gapMs: 5 }), streamed(textTurn, { gapMs: 5 }), streamed(textTurn, { gapMs: 5 }));
        assert.deepEqual(await round(), ['new', 'new', 'new']);
        server.reply(streamed(textTurn), streamed(textTurn), streamed(textTurn));
        assert.deepEqual(await round(), ['reused', 'reused', 'reused']);
        assert.equal(server.connections - before, 3);
      });

      it('keeps the connection when the caller stops reading after finish', async () => {
        const before = server.connections;
        for (let n = 0; n < 2; n++) {
          server.reply(streamed(textTurn));
          for await (const event of provider.stream(request(true), { retry: FAST_RETRY })) {
            if (event.type === 'finish') break;
          }
        }
        assert.equal(server.connections - before, 1);
      });
    });
  });
}
