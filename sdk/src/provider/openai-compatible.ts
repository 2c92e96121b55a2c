// `openaiCompatible()`: the ModelProvider for any OpenAI Chat Completions server (OpenAI, vLLM, Ollama,
// llama.cpp's server, Hotpath's simulated server). One pooled keep-alive connection set per provider instance,
// SSE parsed as it arrives, tool calls announced the moment their arguments are complete, retries that never
// replay output.
import type { Dispatcher } from 'undici';
import type { ModelCallOptions, ModelProvider, ModelRequest, ModelStreamEvent, RetryPolicy, TransportInfo } from './model-provider.ts';
import { HotpathError } from '../errors.ts';
import { ModelHttpClient, readHttpError, readText, firstHeader, type ModelHttpResponse } from './model-http-client.ts';
import { toChatCompletionsBody, type MaxTokensField } from './openai-chat-request.ts';
import { ChatCompletionReader } from './openai-chat-response.ts';
import { ProviderResponseError, StreamInterruptedError } from './provider-errors.ts';
import { DEFAULT_RETRY_POLICY, resolveRetryPolicy } from './retry-policy.ts';
import { retryingStream } from './retrying-stream.ts';
import { readSseEvents } from './sse-events.ts';

export interface OpenAICompatibleOptions {
  /** The API root, `/chat/completions` is appended: `https://api.openai.com/v1`, `http://localhost:11434/v1`, … */
  baseURL: string;
  /** Sent as `Authorization: Bearer …`; local servers usually need none. */
  apiKey?: string;
  /** Extra headers on every request (`OpenAI-Organization`, `OpenAI-Project`, a gateway's key, …). */
  headers?: Record<string, string>;
  /** `gen_ai.provider.name` for spans; default `openai`. Use e.g. `vllm` or `ollama` when you know better. */
  name?: string;
  /** Cap on pooled connections to the server; default: no cap. */
  maxConnections?: number;
  /** Idle time before a pooled connection is closed; default 30 s (a server's shorter Keep-Alive hint wins). */
  keepAliveTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Longest wait for response headers (undici's default: 300 s). */
  headersTimeoutMs?: number;
  /** Longest silence between two streamed chunks (undici's default: 300 s). */
  bodyTimeoutMs?: number;
  /**
   * Where `maxOutputTokens` goes. Default: `max_completion_tokens` for api.openai.com (its reasoning models refuse
   * `max_tokens`), `max_tokens` everywhere else (what vLLM, Ollama and llama.cpp have always understood).
   */
  maxTokensField?: MaxTokensField;
  /**
   * Send `stream_options: { include_usage: true }` so the last chunk carries usage; default true. A server that
   * rejects the field (some older gateways answer 400 "unrecognized field") needs `false`, and then reports no
   * usage while streaming (counts are 0).
   */
  includeStreamUsage?: boolean;
  /** Retry policy when a call's options do not give one; default two retries, 0.5 s to 8 s. */
  retry?: RetryPolicy | false;
  /** Your own undici dispatcher (proxy, mTLS); you close it. Connection kind is still reported when it is undici's. */
  dispatcher?: Dispatcher;
}

/**
 * A model provider for OpenAI's Chat Completions API and the servers that copy it.
 *
 * @example
 * const provider = openaiCompatible({ baseURL: 'https://api.openai.com/v1', apiKey: process.env.OPENAI_API_KEY });
 * for await (const event of provider.stream({ model: 'gpt-4.1-mini', messages, tools: [], stream: true })) {
 *   if (event.type === 'text-delta') process.stdout.write(event.delta);
 * }
 * await provider.close();
 */
export function openaiCompatible(options: OpenAICompatibleOptions): ModelProvider {
  const http = new ModelHttpClient({
    baseURL: options.baseURL,
    headers: {
      accept: 'application/json, text/event-stream',
      ...(options.apiKey !== undefined && options.apiKey !== '' ? { authorization: `Bearer ${options.apiKey}` } : {}),
      ...options.headers,
    },
    ...pick(options, ['maxConnections', 'keepAliveTimeoutMs', 'connectTimeoutMs', 'headersTimeoutMs', 'bodyTimeoutMs', 'dispatcher']),
  });
  const requestOptions = {
    maxTokensField: options.maxTokensField ?? (http.serverAddress === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens'),
    includeStreamUsage: options.includeStreamUsage ?? true,
  } as const;
  const defaultRetry = resolveRetryPolicy(options.retry, DEFAULT_RETRY_POLICY);

  async function* attempt(request: ModelRequest, call: ModelCallOptions, retries: number): AsyncGenerator<ModelStreamEvent> {
    const response = await http.post('/chat/completions', toChatCompletionsBody(request, requestOptions), {
      ...(call.signal !== undefined ? { signal: call.signal } : {}),
      fresh: call.freshConnection === true,
    });
    let completed = false;
    try {
      if (response.status < 200 || response.status >= 300) throw await readHttpError(response);
      const transport: TransportInfo = {
        connection: response.connection,
        retries,
        serverAddress: http.serverAddress,
        serverPort: http.serverPort,
        ...(firstHeader(response.headers['x-hotpath-simulated']) === 'true' ? { simulated: true } : {}),
      };
      yield { type: 'response-start', transport };
      const reader = new ChatCompletionReader();
      if (isEventStream(response)) {
        yield* readStream(response, reader);
      } else {
        // Servers that ignore `stream: true` answer with one JSON body; it reads the same way.
        yield* reader.readResponse(await readJson(response));
      }
      const ending = reader.finish(transport);
      // The response is complete: a caller that stops reading at `finish` must not cost us the connection.
      completed = true;
      yield* ending;
    } finally {
      await response.release(completed ? 'drain' : 'destroy');
    }
  }

  return {
    specificationVersion: 'v1',
    provider: options.name ?? 'openai',
    stream(request: ModelRequest, call: ModelCallOptions = {}): AsyncIterable<ModelStreamEvent> {
      const policy = resolveRetryPolicy(call.retry, defaultRetry);
      return retryingStream((retries) => attempt(request, call, retries), policy, call.signal);
    },
    close: () => http.close(),
  };
}

async function* readStream(response: ModelHttpResponse, reader: ChatCompletionReader): AsyncGenerator<ModelStreamEvent> {
  let outputSent = false;
  try {
    for await (const event of readSseEvents(response.body)) {
      if (event.data === '[DONE]') return;
      if (event.data.trim() === '') continue;
      for (const output of reader.readChunk(parseChunk(event.data))) {
        outputSent = true;
        yield output;
      }
    }
  } catch (error) {
    if (HotpathError.isInstance(error)) throw error;
    throw new StreamInterruptedError(`The response stream broke: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
      outputReceived: outputSent,
    });
  }
  // No [DONE]: complete only if the server at least said why the choice ended (some servers stop there).
  if (!reader.finished) {
    throw new StreamInterruptedError('The response stream ended before the model finished', { outputReceived: outputSent });
  }
}

function parseChunk(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch (error) {
    throw new ProviderResponseError('A streamed chunk is not valid JSON', { excerpt: data, cause: error });
  }
}

async function readJson(response: ModelHttpResponse): Promise<unknown> {
  let text: string;
  try {
    text = await readText(response.body, 64 * 1024 * 1024);
  } catch (error) {
    throw new StreamInterruptedError('The response body broke off', { cause: error, outputReceived: false });
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new ProviderResponseError('The response body is not valid JSON', { excerpt: text, cause: error });
  }
}

function isEventStream(response: ModelHttpResponse): boolean {
  return (firstHeader(response.headers['content-type']) ?? '').toLowerCase().includes('text/event-stream');
}

function pick<T extends object, K extends keyof T>(source: T, keys: K[]): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (source[key] !== undefined) picked[key] = source[key];
  return picked;
}
