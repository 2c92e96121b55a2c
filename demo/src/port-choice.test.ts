import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { choosePort } from './port-choice.ts';

const listen = (port: number) =>
  new Promise<Server>((resolve) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

describe('port choice', () => {
  it('keeps a free preferred port silently and names the replacement of a busy one', async () => {
    const busy = await listen(0);
    const port = (busy.address() as { port: number }).port;
    const said: string[] = [];
    try {
      const chosen = await choosePort(port, '127.0.0.1', (message) => said.push(message), 'dashboard');
      assert.notEqual(chosen, port);
      assert.ok(chosen > port);
      assert.match(said[0] ?? '', new RegExp(`port ${port} is busy, so the dashboard uses port ${chosen}`));
    } finally {
      busy.close();
    }
    const again: string[] = [];
    assert.equal(await choosePort(port, '127.0.0.1', (message) => again.push(message), 'dashboard'), port);
    assert.deepEqual(again, []);
  });
});
