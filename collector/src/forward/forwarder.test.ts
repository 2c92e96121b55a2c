import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createForwarder, type Forwarder } from './forwarder.ts';

async function receiver(handle: (request: IncomingMessage, response: ServerResponse, body: string) => void, port = 0) {
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk)).on('end', () => handle(request, response, Buffer.concat(chunks).toString()));
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    port: (server.address() as AddressInfo).port,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const send = (forwarder: Forwarder, ...bodies: string[]) => {
  for (const body of bodies) forwarder.forward(Buffer.from(body), 'application/json');
};

describe('forwarder', () => {
  it('adds /v1/traces to a base URL and passes headers and content type', async () => {
    const seen: { url?: string; type?: string; token?: string }[] = [];
    const target = await receiver((request, response) => {
      seen.push({ url: request.url, type: request.headers['content-type'], token: request.headers['x-token'] as string });
      response.writeHead(200).end();
    });
    const forwarder = createForwarder({ endpoint: target.url, headers: { 'x-token': 't' } });
    send(forwarder, '{}');
    await forwarder.close();
    assert.deepEqual(seen, [{ url: '/v1/traces', type: 'application/json', token: 't' }]);
    assert.equal(forwarder.stats().forwarded, 1);
    await target.close();
  });

  it("re-sends batches the target failed after its Retry-After, and reads as recovered", async () => {
    const attempts: { body: string; at: number; status: number }[] = [];
    const target = await receiver((_request, response, body) => {
      const status = attempts.length < 2 ? 503 : 200;
      attempts.push({ body, at: Date.now(), status });
      if (status === 503) response.writeHead(503, { 'retry-after': '1' }).end();
      else response.writeHead(200).end();
    });
    const forwarder = createForwarder({ endpoint: target.url });
    send(forwarder, 'a', 'b', 'c');
    await until(() => forwarder.stats().forwarded === 3);
    const accepted = attempts.filter((attempt) => attempt.status === 200).map((attempt) => attempt.body);
    assert.deepEqual(accepted.sort(), ['a', 'b', 'c'], 'every batch once');
    const firstFailure = attempts.find((attempt) => attempt.status === 503)!;
    const nextAfterIt = attempts.slice(attempts.indexOf(firstFailure) + 1).find((attempt) => attempt.body === firstFailure.body)!;
    assert.ok(nextAfterIt.at - firstFailure.at >= 950, `waited ${nextAfterIt.at - firstFailure.at} ms of the 1 s Retry-After`);
    const stats = forwarder.stats();
    assert.equal(stats.state, 'ok');
    assert.equal(stats.failed, attempts.length - 3);
    assert.ok(stats.retried >= 1);
    assert.equal(stats.dropped, 0);
    assert.match(stats.lastError ?? '', /HTTP 503/);
    assert.ok(stats.lastSuccessTime! > stats.lastErrorTime!, 'the last error is older than the last success');
    await forwarder.close();
    await target.close();
  });

  it('backs off while the target is down, doubling the wait, and delivers everything once it is up', async () => {
    const probe = await receiver(() => {});
    const port = probe.port;
    await probe.close();
    const forwarder = createForwarder({ endpoint: `http://127.0.0.1:${port}`, initialBackoffMs: 100, maxBackoffMs: 2_000 });
    send(forwarder, 'one', 'two');
    await until(() => forwarder.stats().failed >= 4);
    assert.equal(forwarder.stats().state, 'retrying');
    assert.equal(forwarder.stats().queued, 2, 'both wait, none lost');
    assert.match(forwarder.stats().lastError ?? '', /ECONNREFUSED|fetch failed/);
    const received: string[] = [];
    const target = await receiver((_request, response, body) => {
      received.push(body);
      response.writeHead(200).end();
    }, port);
    await until(() => forwarder.stats().forwarded === 2);
    assert.deepEqual(received, ['one', 'two']);
    assert.equal(forwarder.stats().state, 'ok');
    await forwarder.close();
    await target.close();
  });

  it('drops and counts what does not fit its queue, by bytes, and what the target refuses for good', async () => {
    const waiting: ServerResponse[] = [];
    const target = await receiver((_request, response, body) => {
      if (body === 'refuse') response.writeHead(400).end();
      else waiting.push(response);
    });
    const forwarder = createForwarder({ endpoint: target.url, maxQueueBytes: 10, concurrency: 1 });
    send(forwarder, 'aaaaa', 'bbbbb', 'ccccc', 'ddddd', 'eeeee');
    // One in flight, two queued (10 bytes), two dropped.
    assert.equal(forwarder.stats().dropped, 2);
    assert.equal(forwarder.stats().droppedBytes, 10);
    assert.equal(forwarder.stats().queuedBytes, 10);
    await until(() => waiting.length === 1);
    waiting.shift()!.writeHead(200).end();
    await until(() => waiting.length === 1);
    waiting.shift()!.writeHead(200).end();
    await until(() => waiting.length === 1);
    waiting.shift()!.writeHead(200).end();
    await until(() => forwarder.stats().forwarded === 3);
    send(forwarder, 'refuse');
    await until(() => forwarder.stats().dropped === 3);
    assert.equal(forwarder.stats().retried, 0, 'a refusal is not retried');
    assert.match(forwarder.stats().lastError ?? '', /HTTP 400 .*not retried/);
    await forwarder.close();
    await target.close();
  });

  it('gives up on a batch still failing after its retry time, counting it dropped', async () => {
    const target = await receiver((_request, response) => response.writeHead(503).end());
    const forwarder = createForwarder({ endpoint: target.url, initialBackoffMs: 50, maxBackoffMs: 100, maxRetryMs: 400 });
    send(forwarder, 'doomed');
    await until(() => forwarder.stats().dropped === 1);
    assert.equal(forwarder.stats().queued, 0);
    assert.ok(forwarder.stats().failed >= 2);
    await forwarder.close();
    await target.close();
  });
});
