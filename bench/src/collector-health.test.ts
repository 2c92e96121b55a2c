import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { checkCollector } from './collector-health.ts';

/** Runs `body` against a real local HTTP server answering with `handler`. */
async function withServer(handler: (request: IncomingMessage, response: ServerResponse) => void, body: (url: string) => Promise<void>) {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await body(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('checkCollector', () => {
  it('is reachable when GET /api/health answers 200 with ok: true, and passes on the counts', async () => {
    const paths: string[] = [];
    await withServer(
      (request, response) => {
        paths.push(`${request.method} ${request.url}`);
        response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true,"traces":3,"spans":40}');
      },
      async (url) => assert.deepEqual(await checkCollector(url), { reachable: true, traces: 3, spans: 40 }),
    );
    assert.deepEqual(paths, ['GET /api/health']);
  });

  it('is not reachable, with a reason, for an error status, a non-JSON page or a body without ok: true', async () => {
    const cases: [number, string, RegExp][] = [
      [503, '{"ok":false}', /answered 503/],
      [200, '<html>', /did not answer JSON/],
      [200, '{"status":"fine"}', /did not say ok: true/],
    ];
    for (const [status, text, reason] of cases) {
      await withServer(
        (_request, response) => response.writeHead(status).end(text),
        async (url) => {
          const health = await checkCollector(url);
          assert.equal(health.reachable, false, text);
          assert.match(health.reachable ? '' : health.reason, reason);
        },
      );
    }
  });

  it('gives up after the timeout when the server never answers', async () => {
    await withServer(
      () => {},
      async (url) => assert.deepEqual(await checkCollector(url, 100), { reachable: false, reason: `GET ${url}/api/health failed: no answer within 100 ms` }),
    );
  });

  it('is not reachable when nothing listens on the port, or the URL is not a URL', async () => {
    let closedUrl = '';
    await withServer(() => {}, async (url) => void (closedUrl = url));
    const refused = await checkCollector(closedUrl);
    assert.match(refused.reachable ? '' : refused.reason, /ECONNREFUSED/);
    const bad = await checkCollector('not a url');
    assert.match(bad.reachable ? '' : bad.reason, /is not a URL/);
  });
});
