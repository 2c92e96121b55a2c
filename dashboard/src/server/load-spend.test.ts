import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSpend } from './load-spend.ts';

describe('loadSpend', () => {
  let server: Server;
  const requests: URL[] = [];
  const oldest = 1_700_000_000_000;
  let previousUrl: string | undefined;

  before(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? '/', 'http://collector');
      requests.push(url);
      response.writeHead(200, { 'content-type': 'application/json' });
      if (url.pathname === '/api/traces') {
        response.end(JSON.stringify({ traces: [{ traceId: 'a'.repeat(32), startTime: oldest }], nextCursor: null }));
      } else {
        const bucket = { start: oldest, group: 'sim-small', inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, costUsd: 0, requests: 1, simulated: true };
        response.end(JSON.stringify({ bucketMs: Number(url.searchParams.get('bucketMs')), groups: ['sim-small'], buckets: [bucket], totals: { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0, costUsd: 0, requests: 1, cachedShare: 0, simulatedShare: 1 } }));
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    previousUrl = process.env.HOTPATH_COLLECTOR_URL;
    process.env.HOTPATH_COLLECTOR_URL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    if (previousUrl === undefined) delete process.env.HOTPATH_COLLECTOR_URL;
    else process.env.HOTPATH_COLLECTOR_URL = previousUrl;
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('starts an all-time chart at the oldest run, on a bucket boundary, grouped as asked', async () => {
    requests.length = 0;
    const now = oldest + 3_600_000;
    const spend = await loadSpend({ range: 'all', groupBy: 'agent' }, now);
    const spendRequest = requests.find((url) => url.pathname === '/api/spend')!;
    assert.equal(spendRequest.searchParams.get('bucketMs'), '60000');
    assert.equal(Number(spendRequest.searchParams.get('from')) % 60_000, 0);
    assert.ok(Number(spendRequest.searchParams.get('from')) <= oldest);
    assert.equal(spendRequest.searchParams.get('groupBy'), 'agent');
    assert.equal(spend.bucketMs, 60_000);
    assert.equal(spend.buckets[0]?.simulated, true, 'the simulated flags come through as the collector sent them');
    assert.ok(!requests.some((url) => url.pathname === '/api/traces' && url.searchParams.get('limit') === '500'), 'no guess from the trace list');
  });

  it('uses the named window without asking for the oldest run', async () => {
    requests.length = 0;
    const now = oldest;
    await loadSpend({ range: '1h', groupBy: 'model' }, now);
    assert.ok(!requests.some((url) => url.searchParams.get('order') === 'asc'));
    const spendRequest = requests.find((url) => url.pathname === '/api/spend')!;
    assert.equal(Number(spendRequest.searchParams.get('to')), now);
    assert.ok(Number(spendRequest.searchParams.get('from')) <= now - 3_600_000);
  });
});
