import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { LiveSpansEvent } from '../query/api-types.ts';
import { startCollector } from '../start-collector.ts';
import { newId, otlpJson } from '../testing/otlp-request.ts';
import { createLiveHub } from './live-hub.ts';

describe('live hub', () => {
  it('streams trace events and a keep-alive comment, and forgets clients that leave', async () => {
    const hub = createLiveHub({ heartbeatMs: 30 });
    const server = createServer((request, response) => hub.attach(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const controller = new AbortController();
    const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, { signal: controller.signal });
    const reader = response.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        assert.ok(!done);
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil(': connected');
    assert.equal(hub.clients, 1);
    hub.publish([]);
    hub.publish(['aa', 'bb']);
    await readUntil('event: traces\ndata: {"traceIds":["aa","bb"]}\n\n');
    await readUntil(': keep-alive');
    controller.abort();
    for (let wait = 0; hub.clients > 0 && wait < 50; wait++) await new Promise((resolve) => setTimeout(resolve, 10));
    assert.equal(hub.clients, 0);
    hub.close();
    server.close();
  });
});

describe('live spans of one trace', () => {
  it('catches up from `since`, then streams start records and finished spans as columns with the summary', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotpath-live-'));
    const collector = await startCollector({ port: 0, dataDir: dir });
    const controller = new AbortController();
    try {
      const traceId = newId(16);
      const rootId = newId(8);
      const post = (path: string, spans: Parameters<typeof otlpJson>[0]) =>
        fetch(`${collector.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(otlpJson(spans)) });
      const chat = { traceId, spanId: newId(8), parentSpanId: rootId, name: 'chat slow-model', startMs: 1100, endMs: 9100 };
      await post('/v1/traces', [{ traceId, spanId: newId(8), parentSpanId: rootId, name: 'execute_tool early', startMs: 1010, endMs: 1020 }]);
      const response = await fetch(`${collector.url}/api/live?traceId=${traceId}&since=0`, { signal: controller.signal });
      const reader = response.body!.getReader();
      let text = '';
      const nextSpans = async () => {
        for (;;) {
          const end = text.indexOf('\n\n');
          if (end !== -1) {
            const message = text.slice(0, end);
            text = text.slice(end + 2);
            if (message.startsWith('event: spans')) return JSON.parse(message.slice(message.indexOf('data: ') + 6)) as LiveSpansEvent;
            continue;
          }
          const { value, done } = await reader.read();
          assert.ok(!done);
          text += new TextDecoder().decode(value);
        }
      };
      const caughtUp = await nextSpans();
      assert.deepEqual(caughtUp.spans.strings.filter((name) => name === 'execute_tool early'), ['execute_tool early']);

      const started = await post('/v1/traces/started', [chat]);
      assert.equal(started.status, 200);
      assert.equal(started.headers.get('x-hotpath-collector'), 'started-spans');
      const running = await nextSpans();
      assert.deepEqual(running.spans.spanIds, [chat.spanId]);
      assert.equal(running.spans.flags[0]! & 4, 4, 'open');
      assert.equal(running.trace.openSpanCount, 1);
      assert.equal(running.trace.inProgress, true);

      await post('/v1/traces', [chat]);
      const ended = await nextSpans();
      assert.deepEqual(ended.spans.spanIds, [chat.spanId]);
      assert.equal(ended.spans.flags[0]! & 4, 0, 'closed');
      assert.equal(ended.spans.durations[0], 8000);
      assert.equal(ended.trace.openSpanCount, 0);
      const health = (await (await fetch(`${collector.url}/api/health`)).json()) as { ingest: { startedSpans: number; readWorkers: number } };
      assert.deepEqual([health.ingest.startedSpans, health.ingest.readWorkers], [1, 1]);
    } finally {
      controller.abort();
      await collector.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
