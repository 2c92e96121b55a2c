// The live part of the conformance suite (query-api-backend.ts): `/api/live` tells the trace list which traces
// changed, and streams one trace's spans (a start record, then the finished span replacing it) with its summary,
// whatever the store. On PostgreSQL these come back through LISTEN/NOTIFY, as they would from another instance.
import assert from 'node:assert/strict';
import { get, type IncomingMessage } from 'node:http';
import { after, before, describe, it } from 'node:test';
import type { RunningCollector } from '../../start-collector.ts';
import { newId, type FixtureSpan } from '../../testing/otlp-request.ts';
import type { LiveSpansEvent, LiveTracesEvent } from '../api-types.ts';
import { postSpans, type QueryApiBackend } from './query-api-backend.ts';

/** Server-sent events of one response, read as they come. */
export interface EventReader {
  /** The next event named `name` (others are skipped), within `timeoutMs`. */
  next<T>(name: string, timeoutMs?: number): Promise<T>;
  close(): void;
}

/**
 * Opens an event stream on a connection of its own (no keep-alive: closing the reader closes the socket, so the
 * collector is never left waiting for an idle client connection when it stops).
 *
 * @example
 * const events = await openEvents(`${collector.url}/api/live`);
 * const { traceIds } = await events.next<LiveTracesEvent>('traces');
 */
export async function openEvents(url: string): Promise<EventReader> {
  const response = await new Promise<IncomingMessage>((resolve, reject) => get(url, { agent: false }, resolve).once('error', reject));
  assert.equal(response.statusCode, 200);
  response.setEncoding('utf8');
  let text = '';
  let wake: (() => void) | undefined;
  response.on('data', (chunk: string) => {
    text += chunk;
    wake?.();
  });
  response.on('end', () => wake?.());
  return {
    async next<T>(name: string, timeoutMs = 10_000): Promise<T> {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const end = text.indexOf('\n\n');
        if (end !== -1) {
          const message = text.slice(0, end);
          text = text.slice(end + 2);
          if (message.startsWith(`event: ${name}\n`)) return JSON.parse(message.slice(message.indexOf('data: ') + 6)) as T;
          continue;
        }
        const left = deadline - Date.now();
        if (left <= 0) assert.fail(`no ${name} event within ${timeoutMs} ms`);
        assert.ok(!response.readableEnded, 'the stream ended');
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        wake = undefined;
      }
    },
    close: () => response.destroy(),
  };
}

/**
 * Live updates over a store of `backend`'s kind.
 *
 * @example
 * describeLiveUpdates({ name: 'SQLite', start: (options) => startCollector({ port: 0, dbPath: ':memory:', ...options }) });
 */
export function describeLiveUpdates(backend: QueryApiBackend): void {
  describe(`live updates on ${backend.name}`, { skip: backend.skipped?.() }, () => {
    let collector: RunningCollector;
    before(async () => {
      collector = await backend.start();
    });
    after(() => collector?.close());

    it('names the changed traces to the list, and streams a running span, then its end, to the trace', async () => {
      const traceId = newId(16);
      const rootId = newId(8);
      const chat: FixtureSpan = { traceId, spanId: newId(8), parentSpanId: rootId, name: 'chat slow-model', startMs: 1100, endMs: 9100, attributes: { 'gen_ai.operation.name': 'chat' } };
      await postSpans(collector, [{ traceId, spanId: newId(8), parentSpanId: rootId, name: 'execute_tool early', startMs: 1010, endMs: 1020 }]);
      const list = await openEvents(`${collector.url}/api/live`);
      const trace = await openEvents(`${collector.url}/api/live?traceId=${traceId}&since=0`);
      try {
        const caughtUp = await trace.next<LiveSpansEvent>('spans');
        assert.deepEqual(caughtUp.spans.strings.filter((name) => name === 'execute_tool early'), ['execute_tool early']);

        await postSpans(collector, [chat], undefined, '/v1/traces/started');
        assert.deepEqual((await list.next<LiveTracesEvent>('traces')).traceIds, [traceId]);
        const running = await trace.next<LiveSpansEvent>('spans');
        assert.deepEqual(running.spans.spanIds, [chat.spanId]);
        assert.equal(running.spans.flags[0]! & 4, 4, 'open');
        assert.equal(running.trace.openSpanCount, 1);
        assert.equal(running.trace.inProgress, true);

        await postSpans(collector, [chat]);
        assert.deepEqual((await list.next<LiveTracesEvent>('traces')).traceIds, [traceId]);
        const ended = await trace.next<LiveSpansEvent>('spans');
        assert.deepEqual(ended.spans.spanIds, [chat.spanId]);
        assert.equal(ended.spans.flags[0]! & 4, 0, 'closed');
        assert.equal(ended.spans.durations[0], 8000);
        assert.equal(ended.trace.openSpanCount, 0);
      } finally {
        list.close();
        trace.close();
      }
    });
  });
}
