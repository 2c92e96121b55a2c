import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createForwarder } from './forwarder.ts';

async function receiver(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => new Promise((resolve) => server.close(resolve)) };
}

describe('forwarder', () => {
  it('adds /v1/traces to a base URL and passes headers and content type', async () => {
    const seen: { url?: string; type?: string; token?: string }[] = [];
    const target = await receiver((request, response) => {
      seen.push({ url: request.url, type: request.headers['content-type'], token: request.headers['x-token'] as string });
      request.resume().on('end', () => response.writeHead(200).end());
    });
    const forwarder = createForwarder({ endpoint: target.url, headers: { 'x-token': 't' } });
    forwarder.forward(Buffer.from('{}'), 'application/json');
    await forwarder.close();
    assert.deepEqual(seen, [{ url: '/v1/traces', type: 'application/json', token: 't' }]);
    assert.equal(forwarder.stats().forwarded, 1);
    await target.close();
  });

  it('counts an error status as a failure with the reason', async () => {
    const target = await receiver((request, response) => request.resume().on('end', () => response.writeHead(502).end()));
    const forwarder = createForwarder({ endpoint: `${target.url}/custom/path` });
    forwarder.forward(Buffer.from('x'), 'application/x-protobuf');
    await forwarder.close();
    assert.equal(forwarder.stats().failed, 1);
    assert.match(forwarder.stats().lastError ?? '', /HTTP 502 from .*\/custom\/path/);
    await target.close();
  });

  it('drops and counts batches beyond its queue instead of holding them without bound', async () => {
    const waiting: ServerResponse[] = [];
    const target = await receiver((request, response) => {
      request.resume();
      waiting.push(response);
    });
    const forwarder = createForwarder({ endpoint: target.url, maxQueue: 2, concurrency: 1 });
    for (let index = 0; index < 5; index++) forwarder.forward(Buffer.from(String(index)), 'application/json');
    // One in flight, two queued, two dropped.
    assert.equal(forwarder.stats().dropped, 2);
    assert.equal(forwarder.stats().queued, 2);
    const release = setInterval(() => waiting.shift()?.writeHead(200).end(), 5);
    await forwarder.close(5_000);
    clearInterval(release);
    assert.equal(forwarder.stats().forwarded, 3);
    await target.close();
  });
});
