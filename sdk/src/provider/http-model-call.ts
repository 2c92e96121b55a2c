// One attempt of a model call over HTTP, shared by every HTTP provider: POST, typed error on a non-2xx status,
// `response-start`, then the body read as SSE (or as one JSON document when the server did not stream) by the
// provider's response reader, and the connection released so a pooled one stays reusable.
import type { EventSourceMessage } from 'eventsource-parser';
import { HotpathError } from '../errors.ts';
import type { ModelCallOptions, ModelStreamEvent, TransportInfo } from './model-provider.ts';
import { firstHeader, readHttpError, readText, type ModelHttpClient, type ModelHttpResponse } from './model-http-client.ts';
import { ProviderResponseError, StreamInterruptedError } from './provider-errors.ts';
import { readSseEvents } from './sse-events.ts';

/** Turns one API's response format into provider events. A new reader serves each attempt. */
export interface ModelResponseReader {
  /** One SSE event; returns the events it produces. */
  readEvent(event: EventSourceMessage): ModelStreamEvent[];
  /** The stream's end marker arrived (`[DONE]`, `message_stop`): stop reading. */
  readonly done: boolean;
  /** The server said why the answer ended: a stream that then closes without its end marker is still whole. */
  readonly finished: boolean;
  /** A whole, non-streamed response body. */
  readResponse(body: unknown): ModelStreamEvent[];
  /** The events that close the answer: open tool calls, then `finish`. */
  finish(transport: TransportInfo): ModelStreamEvent[];
}

/** Largest non-streamed response body read. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;

/**
 * Runs one attempt; `retries` is how many came before it (for `TransportInfo`).
 *
 * @example
 * yield* httpModelCall({ http, path: '/chat/completions', body, call, retries, reader: new ChatCompletionReader() });
 */
export async function* httpModelCall(options: {
  http: ModelHttpClient;
  path: string;
  body: unknown;
  call: ModelCallOptions;
  retries: number;
  reader: ModelResponseReader;
}): AsyncGenerator<ModelStreamEvent> {
  const { http, call, reader } = options;
  const response = await http.post(options.path, options.body, {
    ...(call.signal !== undefined ? { signal: call.signal } : {}),
    fresh: call.freshConnection === true,
  });
  let completed = false;
  try {
    if (response.status < 200 || response.status >= 300) throw await readHttpError(response);
    const transport: TransportInfo = {
      connection: response.connection,
      retries: options.retries,
      serverAddress: http.serverAddress,
      serverPort: http.serverPort,
      ...(firstHeader(response.headers['x-hotpath-simulated']) === 'true' ? { simulated: true } : {}),
    };
    yield { type: 'response-start', transport };
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

/** Parses an SSE event's JSON data, or fails with the offending text. */
export function parseEventJson(data: string): unknown {
  try {
    return JSON.parse(data);
  } catch (error) {
    throw new ProviderResponseError('A streamed chunk is not valid JSON', { excerpt: data, cause: error });
  }
}

async function* readStream(response: ModelHttpResponse, reader: ModelResponseReader): AsyncGenerator<ModelStreamEvent> {
  let outputSent = false;
  try {
    for await (const event of readSseEvents(response.body)) {
      for (const output of reader.readEvent(event)) {
        outputSent = true;
        yield output;
      }
      if (reader.done) return;
    }
  } catch (error) {
    if (HotpathError.isInstance(error)) throw error;
    throw new StreamInterruptedError(`The response stream broke: ${(error as Error)?.message ?? String(error)}`, {
      cause: error,
      outputReceived: outputSent,
    });
  }
  if (!reader.finished) {
    throw new StreamInterruptedError('The response stream ended before the model finished', { outputReceived: outputSent });
  }
}

async function readJson(response: ModelHttpResponse): Promise<unknown> {
  let text: string;
  try {
    text = await readText(response.body, MAX_JSON_BYTES);
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
