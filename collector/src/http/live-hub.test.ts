import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { createLiveHub } from './live-hub.ts';

describe('live hub', () => {
  it('streams trace events and a keep-alive comment, and forgets clients that leave', async () => {
    const hub = createLiveHub(30);
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
