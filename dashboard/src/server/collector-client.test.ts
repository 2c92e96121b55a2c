import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { collectorBaseUrl, collectorUrl, queryCollector } from './collector-client.ts';
import { CollectorResponseError, CollectorUnreachableError, DashboardError } from '../lib/dashboard-error.ts';

describe('collector client', () => {
  let server: Server;
  let baseUrl: string;
  const seen: { url: string; authorization: string | undefined }[] = [];

  before(async () => {
    server = createServer((request, response) => {
      seen.push({ url: request.url ?? '', authorization: request.headers.authorization });
      if (request.url?.startsWith('/api/traces/missing')) {
        response.writeHead(404, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { code: 'not_found', message: 'no trace missing' } }));
      } else if (request.url?.startsWith('/api/html')) {
        response.writeHead(502, { 'content-type': 'text/html' });
        response.end('<h1>Bad gateway</h1>');
      } else if (request.url?.startsWith('/api/null')) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('null');
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ traces: [], nextCursor: null }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('reads the base URL from the environment without a trailing slash', () => {
    assert.equal(collectorBaseUrl({ HOTPATH_COLLECTOR_URL: 'http://10.0.0.5:4318/' }), 'http://10.0.0.5:4318');
    assert.equal(collectorBaseUrl({}), 'http://127.0.0.1:4318');
    assert.equal(collectorBaseUrl({ HOTPATH_COLLECTOR_URL: '  ' }), 'http://127.0.0.1:4318');
  });

  it('leaves empty parameters out of the URL and encodes the rest', () => {
    const url = collectorUrl('/api/traces', { q: 'a b&c', service: '', limit: 50, cursor: undefined }, 'http://h:1');
    assert.equal(url, 'http://h:1/api/traces?q=a+b%26c&limit=50');
  });

  it('parses a JSON answer and sends the bearer token', async () => {
    const body = await queryCollector<{ traces: unknown[] }>('/api/traces', { limit: 5 }, { baseUrl, token: 'secret' });
    assert.deepEqual(body, { traces: [], nextCursor: null });
    assert.equal(seen.at(-1)?.url, '/api/traces?limit=5');
    assert.equal(seen.at(-1)?.authorization, 'Bearer secret');
  });

  it('turns an error answer into a typed error carrying the collector code', async () => {
    await assert.rejects(queryCollector('/api/traces/missing', {}, { baseUrl }), (error: unknown) => {
      assert.ok(error instanceof CollectorResponseError);
      assert.equal(error.status, 404);
      assert.equal(error.code, 'not_found');
      assert.equal(error.message, 'no trace missing');
      return true;
    });
  });

  it('rejects a body that is not JSON or not an object', async () => {
    await assert.rejects(queryCollector('/api/html', {}, { baseUrl }), { name: 'CollectorResponseError', code: 'invalid_response', status: 502 });
    await assert.rejects(queryCollector('/api/null', {}, { baseUrl }), { name: 'CollectorResponseError', code: 'invalid_response' });
  });

  it('reports a collector that is down as unreachable, naming its URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await assert.rejects(queryCollector('/api/traces', {}, { baseUrl: `http://127.0.0.1:${port}` }), (error: unknown) => {
      assert.ok(error instanceof CollectorUnreachableError);
      assert.ok(DashboardError.isInstance(error));
      assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}`));
      return true;
    });
  });
});
