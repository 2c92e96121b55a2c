import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { helpText, parseCollectorArgs, parseDuration } from './cli-options.ts';
import { CollectorError } from './errors.ts';

describe('collector command line', () => {
  it('reads env vars, and flags win over them', () => {
    const parsed = parseCollectorArgs(['--port', '0', '--retention-max-age', '7d', '--grpc-port', '4317'], {
      HOTPATH_COLLECTOR_PORT: '9999',
      HOTPATH_COLLECTOR_HOST: '0.0.0.0',
      HOTPATH_DATA_DIR: '/tmp/hp',
      HOTPATH_INGEST_TOKEN: 'tok',
      HOTPATH_FORWARD_ENDPOINT: 'http://127.0.0.1:14318',
      HOTPATH_RETENTION_MAX_SPANS: '1000',
    });
    assert.deepEqual(parsed, {
      help: false,
      options: {
        port: 0,
        grpcPort: 4317,
        host: '0.0.0.0',
        dataDir: '/tmp/hp',
        ingestToken: 'tok',
        forwardEndpoint: 'http://127.0.0.1:14318',
        retention: { maxAgeMs: 7 * 86_400_000, maxSpans: 1000 },
      },
    });
  });

  it('loads a pricing file over the defaults', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hotpath-cli-'));
    const path = join(dir, 'pricing.json');
    writeFileSync(path, JSON.stringify({ models: { mine: { input: 1, cachedInput: 0.5, output: 2 } } }));
    const parsed = parseCollectorArgs([], { HOTPATH_PRICING_FILE: path });
    rmSync(dir, { recursive: true, force: true });
    assert.ok(!parsed.help);
    assert.equal(parsed.options.pricing?.mine?.cachedInput, 0.5);
    assert.ok(parsed.options.pricing?.['sim-large']);
  });

  it('names the flag or variable that is wrong', () => {
    const message = (argv: string[], env: Record<string, string> = {}) => {
      try {
        parseCollectorArgs(argv, env);
      } catch (error) {
        assert.ok(CollectorError.isInstance(error));
        return error.message;
      }
      assert.fail('expected an error');
    };
    assert.match(message(['--port', 'http']), /--port: expected an integer/);
    assert.match(message([], { HOTPATH_RETENTION_MAX_SPANS: '-1' }), /HOTPATH_RETENTION_MAX_SPANS: expected an integer/);
    assert.match(message(['--retention-max-age', 'a week']), /--retention-max-age: expected a duration/);
    assert.match(message(['--forward-endpoint', 'jaeger:4318']), /--forward-endpoint: expected an http/);
    assert.match(message(['--colour']), /Unknown option '--colour'.*see --help/);
  });

  it('selects PostgreSQL with --database-url or HOTPATH_DATABASE_URL, and refuses it beside a SQLite file or folder', () => {
    const url = 'postgres://hotpath:secret@db.internal:5432/hotpath';
    assert.deepEqual(parseCollectorArgs(['--database-url', url], {}), { help: false, options: { databaseUrl: url } });
    assert.deepEqual(parseCollectorArgs([], { HOTPATH_DATABASE_URL: url }), { help: false, options: { databaseUrl: url } });
    const refusal = (argv: string[], env: Record<string, string>) => {
      try {
        parseCollectorArgs(argv, env);
      } catch (error) {
        assert.ok(CollectorError.isInstance(error) && error.code === 'bad_request');
        assert.ok(!error.message.includes('secret'), 'the password is not repeated');
        return error.message;
      }
      assert.fail('expected an error');
    };
    assert.match(refusal(['--database-url', 'mysql://db/hotpath'], {}), /--database-url: expected a postgres:\/\/ or postgresql:\/\/ URL/);
    assert.match(refusal(['--database-url', url, '--db', '/tmp/x.sqlite'], {}), /--database-url and --db were both given/);
    assert.match(refusal([], { HOTPATH_DATABASE_URL: url, HOTPATH_DATA_DIR: '/tmp/hp' }), /HOTPATH_DATABASE_URL and HOTPATH_DATA_DIR were both given/);
  });

  it('parses durations', () => {
    assert.equal(parseDuration('1500', 'x'), 1500);
    assert.equal(parseDuration('30m', 'x'), 1_800_000);
    assert.equal(parseDuration('1.5h', 'x'), 5_400_000);
  });

  it('prints help documenting every env var', () => {
    const cli = fileURLToPath(new URL('./cli.ts', import.meta.url));
    const result = spawnSync(process.execPath, ['--import', 'tsx', cli, '--help'], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.equal(result.stdout, helpText);
    for (const name of ['HOTPATH_COLLECTOR_PORT', 'HOTPATH_COLLECTOR_HOST', 'HOTPATH_DATA_DIR', 'HOTPATH_DB', 'HOTPATH_DATABASE_URL', 'HOTPATH_INGEST_TOKEN', 'HOTPATH_FORWARD_ENDPOINT', 'HOTPATH_RETENTION_MAX_AGE', 'HOTPATH_RETENTION_MAX_SPANS', 'HOTPATH_PRICING_FILE']) {
      assert.ok(helpText.includes(name), name);
    }
  });
});
