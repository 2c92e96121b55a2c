import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CollectorError } from '../errors.ts';
import { exitCodes } from '../exit-codes.ts';
import { startDashboardServer } from './dashboard-server.ts';

// A stand-in for Next's standalone server.js: the same contract (PORT, HOSTNAME and the collector's settings from the
// environment), answering every request with what it was given. The real server runs in the e2e suite, through
// the dashboard launcher, and from the packed tarball in packaging/.
const dir = mkdtempSync(join(tmpdir(), 'hotpath-dashboard-server-'));
writeFileSync(
  join(dir, 'server.js'),
  `require('node:http').createServer((request, response) => response.end(JSON.stringify({
     path: request.url, collector: process.env.HOTPATH_COLLECTOR_URL, token: process.env.HOTPATH_QUERY_TOKEN ?? null,
   }))).listen(Number(process.env.PORT), process.env.HOSTNAME);`,
);
const crashing = mkdtempSync(join(tmpdir(), 'hotpath-dashboard-crash-'));
writeFileSync(join(crashing, 'server.js'), `console.error('cannot find module next'); process.exit(3);`);
after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(crashing, { recursive: true, force: true });
});

describe('dashboard server', () => {
  it('starts the server on a free port with the collector’s URL and token, and stops it', async () => {
    const server = await startDashboardServer({ dir, collectorUrl: 'http://127.0.0.1:4318', queryToken: 'secret' });
    const answer = (await (await fetch(`${server.url}/traces`)).json()) as Record<string, unknown>;
    assert.deepEqual(answer, { path: '/traces', collector: 'http://127.0.0.1:4318', token: 'secret' });
    await server.close();
    await server.exited;
    await assert.rejects(fetch(server.url), TypeError);
  });

  it('says a port is in use with the collector’s exit code for it', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const { port } = blocker.address() as { port: number };
    try {
      await assert.rejects(startDashboardServer({ dir, collectorUrl: 'http://127.0.0.1:4318', port }), (error: unknown) => {
        assert.ok(CollectorError.isInstance(error));
        assert.equal(error.exitCode, exitCodes.portUnavailable);
        assert.match(error.message, new RegExp(`127\\.0\\.0\\.1:${port}: the port is in use`));
        return true;
      });
    } finally {
      blocker.close();
    }
  });

  it('quotes what a server that dies before answering printed', async () => {
    await assert.rejects(startDashboardServer({ dir: crashing, collectorUrl: 'http://127.0.0.1:4318' }), /exited \(3\) before answering:\ncannot find module next/);
  });
});
