import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { startCollector, type RunningCollector } from '../start-collector.ts';

/** Resolves with how long the server took to close the socket (ms), the socket writing `drip` every 100 ms meanwhile. */
function closedAfter(port: number, first: string, drip: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket: Socket = connect(port, '127.0.0.1', () => socket.write(first));
    const timer = setInterval(() => {
      if (!socket.destroyed) socket.write(drip);
    }, 100);
    socket.on('data', () => {});
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve(performance.now() - started);
    });
    setTimeout(() => {
      clearInterval(timer);
      socket.destroy();
      reject(new Error('the server never closed the connection'));
    }, 15_000).unref();
  });
}

describe('connection limits', () => {
  let collector: RunningCollector;
  before(async () => {
    collector = await startCollector({ port: 0, dbPath: ':memory:', headersTimeoutMs: 1000, requestTimeoutMs: 2000, keepAliveTimeoutMs: 500, maxConnections: 40 });
  });
  after(() => collector.close());

  it('cuts off slow senders of headers and of bodies while others are served', async () => {
    const slowHeaders = Array.from({ length: 10 }, () => closedAfter(collector.port, 'POST /v1/traces HTTP/1.1\r\nHost: x\r\n', 'X'));
    const slowBodies = Array.from({ length: 10 }, () =>
      closedAfter(collector.port, 'POST /v1/traces HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n', '{'),
    );
    const probe = await fetch(`${collector.url}/api/health`);
    assert.equal(probe.status, 200, 'served while the slow connections hang on');
    const headerTimes = await Promise.all(slowHeaders);
    const bodyTimes = await Promise.all(slowBodies);
    // Limits are checked once a second: a connection goes within a second or so of its limit.
    for (const ms of headerTimes) assert.ok(ms < 4_000, `slow headers closed after ${ms} ms`);
    for (const ms of bodyTimes) assert.ok(ms < 5_000, `slow body closed after ${ms} ms`);
  });

  it('closes idle keep-alive connections and refuses connections beyond the limit', async () => {
    const idle = await closedAfter(collector.port, 'GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n', '');
    assert.ok(idle < 3_000, `idle keep-alive closed after ${idle} ms`);
    const sockets: Socket[] = [];
    const opened = await Promise.all(
      Array.from({ length: 45 }, () => new Promise<boolean>((resolve) => {
        const socket = connect(collector.port, '127.0.0.1');
        sockets.push(socket);
        socket.on('error', () => resolve(false));
        socket.on('close', () => resolve(false));
        setTimeout(() => resolve(!socket.destroyed), 500);
      })),
    );
    for (const socket of sockets) socket.destroy();
    assert.equal(opened.filter(Boolean).length, 40, 'the 41st connection on is dropped at once');
  });
});
