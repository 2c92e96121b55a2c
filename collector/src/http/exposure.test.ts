import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { CollectorError } from '../errors.ts';
import { startCollector } from '../start-collector.ts';
import { checkExposure, isLoopback } from './exposure.ts';

const cli = fileURLToPath(new URL('../cli.ts', import.meta.url));

describe('network exposure', () => {
  it('tells loopback addresses from the others', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1', '[::1]', '::ffff:127.0.0.1']) assert.ok(isLoopback(host), host);
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'collector.internal', '::ffff:10.0.0.1']) assert.ok(!isLoopback(host), host);
  });

  it('refuses a non-loopback bind without a query token, naming the token and the flag that allows it', () => {
    const refusal = (options: Parameters<typeof checkExposure>[0]) => {
      try {
        checkExposure(options);
      } catch (error) {
        assert.ok(CollectorError.isInstance(error));
        assert.equal(error.exitCode, 2);
        return error.message;
      }
      return undefined;
    };
    assert.match(refusal({ host: '0.0.0.0', ingestToken: 'i' }) ?? '', /0\.0\.0\.0.*every trace.*HOTPATH_QUERY_TOKEN.*--insecure-open-query/s);
    assert.match(refusal({ host: '0.0.0.0', queryToken: 'q' }) ?? '', /0\.0\.0\.0.*HOTPATH_INGEST_TOKEN.*--insecure-open-ingest/s);
    assert.equal(refusal({ host: '0.0.0.0', queryToken: 'q', ingestToken: 'i' }), undefined);
    assert.equal(refusal({ host: '0.0.0.0', insecureOpenQuery: true, insecureOpenIngest: true }), undefined);
    assert.equal(refusal({ host: '127.0.0.1' }), undefined);
  });

  it('refuses before listening, from the library and from the command line (exit code 2), and the flags allow it', async () => {
    await assert.rejects(startCollector({ host: '0.0.0.0', port: 0, dbPath: ':memory:' }), /--insecure-open-query/);
    const refused = spawnSync(process.execPath, ['--import', 'tsx', cli, '--host', '0.0.0.0', '--port', '0', '--db', ':memory:'], { encoding: 'utf8', timeout: 60_000 });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /refusing to listen on 0\.0\.0\.0/);
    assert.doesNotMatch(refused.stderr, /\n\s+at /, 'no stack trace');
    const viaEnv = spawnSync(process.execPath, ['--import', 'tsx', cli, '--host', '0.0.0.0', '--port', '0', '--db', ':memory:', '--query-token', 'q', '--help'], {
      encoding: 'utf8',
      env: { ...process.env, HOTPATH_INSECURE_OPEN_INGEST: '1' },
    });
    assert.equal(viaEnv.status, 0);
  });
});
