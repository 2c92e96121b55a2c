import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { GET } from './route.ts';

const params = (path: string[]) => ({ params: Promise.resolve({ path }) });

test('a request the browser abandoned while the collector had not answered ends quietly, not as an error', async (t) => {
  // A collector that takes its time: the browser leaves before it answers.
  const server = createServer((_request, response) => void setTimeout(() => response.end('{}'), 2_000).unref());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  server.unref();
  process.env.HOTPATH_COLLECTOR_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = new AbortController();
  const answer = GET(new Request('http://dashboard.test/api/collector/traces', { signal: browser.signal }), params(['traces']));
  setTimeout(() => browser.abort(new Error('ResponseAborted')), 50);
  const response = await answer;
  assert.equal(response.status, 499);
  server.closeAllConnections();
});

test('a collector that is down is still reported as such', async () => {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  process.env.HOTPATH_COLLECTOR_URL = `http://127.0.0.1:${port}`;
  const response = await GET(new Request('http://dashboard.test/api/collector/traces'), params(['traces']));
  assert.equal(response.status, 502);
  assert.equal(((await response.json()) as { error: { code: string } }).error.code, 'collector_unreachable');
});
