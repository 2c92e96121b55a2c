// Server-sent events from a response body, parsed by eventsource-parser (the WHATWG algorithm: multi-line data,
// CRLF, comments and keep-alive pings all handled) instead of splitting lines by hand.
import type { Readable } from 'node:stream';
import { createParser, type EventSourceMessage } from 'eventsource-parser';
import { ProviderResponseError } from './provider-errors.ts';

/** A single event larger than this is a broken or hostile stream, not a model response. */
const MAX_EVENT_CHARS = 16 * 1024 * 1024;

/**
 * Yields each SSE event of `body` as soon as its closing blank line arrives. Leaving the loop early does not
 * destroy the body, so the caller can still drain it and keep the connection alive.
 *
 * @example
 * for await (const event of readSseEvents(response.body)) {
 *   if (event.data === '[DONE]') break;
 *   handle(JSON.parse(event.data));
 * }
 */
export async function* readSseEvents(body: Readable): AsyncGenerator<EventSourceMessage> {
  const decoder = new TextDecoder();
  let pending: EventSourceMessage[] = [];
  let failure: ProviderResponseError | undefined;
  const parser = createParser({
    maxBufferSize: MAX_EVENT_CHARS,
    onEvent: (event) => pending.push(event),
    onError: (error) => {
      // Unknown fields are allowed by the spec (ignore them); only a runaway buffer is fatal.
      if (error.type === 'max-buffer-size-exceeded') {
        failure = new ProviderResponseError('An SSE event exceeded 16 MiB', { excerpt: error.line ?? '', cause: error });
      }
    },
  });
  const iterator = body.iterator({ destroyOnReturn: false }) as AsyncIterator<Buffer>;
  for (;;) {
    const next = await iterator.next();
    parser.feed(next.done ? decoder.decode() : decoder.decode(next.value, { stream: true }));
    if (failure !== undefined) throw failure;
    if (pending.length > 0) {
      const ready = pending;
      pending = [];
      yield* ready;
    }
    if (next.done) return;
  }
}
