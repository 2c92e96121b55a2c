import { describe, it, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { checkEndpoint } from './endpoint-check.ts';

let server: Server;
let baseURL: string;

describe('endpoint check', () => {
  before(async () => {
    server = createServer((request, response) => {
      if (request.headers.authorization !== 'Bearer good') {
        response.writeHead(401).end('{"error":{"message":"bad key"}}');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ object: 'list', data: [{ id: 'small-1' }, { id: 'large-1' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseURL = `http://127.0.0.1:${(server.address() as { port: number }).port}/v1`;
  });
  after(() => server.close());

  it('passes when the endpoint answers and serves both models', async () => {
    await checkEndpoint(baseURL, 'good', ['small-1', 'large-1']);
  });

  it('names the models the endpoint does not serve', async () => {
    await assert.rejects(checkEndpoint(baseURL, 'good', ['small-1', 'gpt-9']), /does not serve gpt-9 \(it serves small-1, large-1\)/);
  });

  it('says when the key is refused', async () => {
    await assert.rejects(checkEndpoint(baseURL, 'bad', ['small-1']), /refused the API key \(HTTP 401\)/);
  });

  it('says when nothing listens', async () => {
    await assert.rejects(checkEndpoint('http://127.0.0.1:9/v1', 'good', ['small-1'], 2_000), /cannot reach the model endpoint http:\/\/127\.0\.0\.1:9\/v1/);
  });
});
