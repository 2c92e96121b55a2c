// instrument(new OpenAI(...)): the same client, with `chat.completions.create` and `responses.create` recorded as
// GenAI `chat` spans (streamed or not). Everything else is the client's own. The client is read structurally, so
// neither `@hotpath/sdk` nor this module imports `openai`: any v4+ client (and AzureOpenAI) works.
import { context, diag, trace, type Context } from '@opentelemetry/api';
import { resolveTelemetry, type InstrumentOptions } from '../../telemetry/instrument-options.ts';
import { quietly } from '../../telemetry/quietly.ts';
import { OpenAICallSpan, type OpenAIApi, type OpenAIClientTelemetry } from './openai-call-span.ts';
import { serverOf } from './openai-facts.ts';

type Create = (body: any, options?: any) => any;

/** What is needed of an `openai` client: its base URL and the two model-call methods. */
export interface OpenAIClientLike {
  baseURL?: string;
  chat?: { completions?: { create: Create } };
  responses?: { create: Create };
}

export interface InstrumentOpenAIOptions extends InstrumentOptions {
  /** `gen_ai.provider.name`. Default `openai` (`azure.ai.openai` for an `AzureOpenAI` client). */
  providerName?: string;
}

const instrumentedClients = new WeakSet<object>();

/**
 * Whether `target` looks like an `openai` client (it has `chat.completions.create` or `responses.create`).
 *
 * @example
 * isOpenAIClient(new OpenAI({ apiKey })); // true
 */
export function isOpenAIClient(target: unknown): target is OpenAIClientLike {
  if (typeof target !== 'object' || target === null) return false;
  const client = target as OpenAIClientLike;
  return typeof client.chat?.completions?.create === 'function' || typeof client.responses?.create === 'function';
}

/** Wraps a stream's event source so each chunk is recorded and the span ends with the stream, however it ends. */
function traceStream(stream: any, call: OpenAICallSpan, active: Context): any {
  const wrap = (source: AsyncIterator<unknown>): AsyncIterator<unknown> => ({
    async next() {
      try {
        const step = await context.with(active, () => source.next());
        if (step.done) quietly(() => call.end());
        else quietly(() => call.observeChunk(step.value));
        return step;
      } catch (error) {
        quietly(() => {
          call.fail(error);
          call.end();
        });
        throw error;
      }
    },
    async return(value?: unknown) {
      // The consumer stopped early (break): what arrived so far is what the call produced.
      quietly(() => call.end());
      return (await source.return?.(value)) ?? { done: true, value: undefined };
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  } as AsyncIterator<unknown>);
  // openai's Stream reads its events through `iterator()` (for-await, tee() and toReadableStream() alike).
  if (typeof stream.iterator === 'function') {
    const original = stream.iterator;
    stream.iterator = () => wrap(original.call(stream));
  } else {
    const original = stream[Symbol.asyncIterator];
    stream[Symbol.asyncIterator] = () => wrap(original.call(stream));
  }
  return stream;
}

function isAsyncIterable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}

function tracedCreate(original: Create, target: object, api: OpenAIApi, telemetry: OpenAIClientTelemetry): Create {
  return function create(body: any, requestOptions?: any): any {
    let call: OpenAICallSpan;
    try {
      call = new OpenAICallSpan(telemetry, api, typeof body === 'object' && body !== null ? body : {});
    } catch (error) {
      diag.error('@hotpath/sdk telemetry: could not start a chat span; calling openai without one', error);
      return original.call(target, body, requestOptions);
    }
    const active = trace.setSpan(context.active(), call.span);
    let result: any;
    try {
      result = context.with(active, () => original.call(target, body, requestOptions));
    } catch (error) {
      quietly(() => {
        call.fail(error);
        call.end();
      });
      throw error;
    }
    const settle = (data: unknown, headers?: { get(name: string): string | null }): unknown => {
      quietly(() => call.observeHeaders(headers));
      if (body?.stream === true && isAsyncIterable(data)) return traceStream(data, call, active);
      quietly(() => {
        call.observeResult(data);
        call.end();
      });
      return data;
    };
    const failed = (error: unknown): void =>
      quietly(() => {
        call.fail(error);
        call.end();
      });
    // openai's APIPromise: keep it (withResponse(), asResponse() and request ids keep working). asResponse() only
    // waits for the HTTP exchange, so watching it for failures neither parses nor reads the body.
    if (typeof result?._thenUnwrap === 'function' && typeof result?.asResponse === 'function') {
      result.asResponse().then(undefined, failed);
      return result._thenUnwrap((data: unknown, props: { response?: Response } | undefined) => settle(data, props?.response?.headers));
    }
    return Promise.resolve(result).then(settle, (error: unknown) => {
      failed(error);
      throw error;
    });
  };
}

/**
 * A proxy of an API resource whose `create` is traced and whose `_client` is the traced client, so openai's own
 * helpers (`parse()`, `stream()`, `runTools()`), which call back through `this._client`, are traced too.
 */
function tracedResource<T extends object>(resource: T, create: Create | undefined, client: () => object, children: Record<string, () => object | undefined> = {}): T {
  return new Proxy(resource, {
    get(target, key) {
      if (key === 'create' && create) return create;
      if (key === '_client') return client();
      if (typeof key === 'string' && key in children) return children[key]!() ?? Reflect.get(target, key, target);
      return Reflect.get(target, key, target);
    },
  });
}

/**
 * Returns the client with each model call recorded as a `chat {model}` span (docs/spans.md) and the GenAI client
 * metrics: `chat.completions.create` and `responses.create`, streamed or not. Streamed Chat Completions report
 * tokens only with `stream_options: { include_usage: true }` (OpenAI sends none otherwise); the span still counts
 * as a model call. Instrumenting the returned client again changes nothing.
 *
 * @example
 * const openai = instrument(new OpenAI());
 * await openai.chat.completions.create({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'Hi' }] });
 */
export function instrumentOpenAI<C extends OpenAIClientLike>(client: C, options: InstrumentOpenAIOptions = {}): C {
  if (instrumentedClients.has(client)) return client;
  const { tracer, metrics, captureContent } = resolveTelemetry(options);
  const isAzure = (client as { constructor?: { name?: string } }).constructor?.name === 'AzureOpenAI';
  const telemetry: OpenAIClientTelemetry = {
    tracer,
    metrics,
    captureContent,
    provider: options.providerName ?? (isAzure ? 'azure.ai.openai' : 'openai'),
    ...serverOf(client.baseURL),
  };
  const traced = { chat: undefined as object | undefined, completions: undefined as object | undefined, responses: undefined as object | undefined };
  const clientProxy = (): object => proxy;
  const completions = (): object | undefined => {
    const resource = client.chat?.completions;
    if (typeof resource?.create !== 'function') return undefined;
    return (traced.completions ??= tracedResource(resource, tracedCreate(resource.create, resource, 'chat.completions', telemetry), clientProxy));
  };
  const proxy: C = new Proxy(client, {
    get(target, key) {
      if (key === 'chat' && target.chat) return (traced.chat ??= tracedResource(target.chat, undefined, clientProxy, { completions }));
      if (key === 'responses' && typeof target.responses?.create === 'function') {
        const resource = target.responses;
        return (traced.responses ??= tracedResource(resource, tracedCreate(resource.create, resource, 'responses', telemetry), clientProxy));
      }
      const value: unknown = Reflect.get(target, key, target);
      // The client's own methods run on the client itself: it keeps state in private fields a proxy cannot reach.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
  instrumentedClients.add(proxy);
  return proxy;
}
