import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { CollectorError } from '../errors.ts';
import { parseViewerArgs, viewerHelpText } from './viewer-options.ts';

const dir = mkdtempSync(join(tmpdir(), 'hotpath-viewer-options-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** The one-line message parseViewerArgs refuses `argv` with. */
function refusal(argv: string[], env: Record<string, string> = {}): string {
  try {
    parseViewerArgs(argv, env);
  } catch (error) {
    assert.ok(CollectorError.isInstance(error) && error.code === 'bad_request', String(error));
    assert.doesNotMatch(error.message, /\n/, 'one line');
    return error.message;
  }
  assert.fail(`expected ${JSON.stringify(argv)} to be refused`);
}

describe('viewer command line', () => {
  it('serves the dashboard on loopback port 3000 beside the collector by default', () => {
    const parsed = parseViewerArgs(['--data-dir', join(dir, 'default')], {});
    assert.deepEqual(parsed, {
      help: false,
      options: { collector: { dataDir: join(dir, 'default') }, dashboard: { port: 3000, host: '127.0.0.1' } },
    });
  });

  it('hands every other flag to the collector, in any order, and lets dashboard flags win over their variables', () => {
    const parsed = parseViewerArgs(['--port', '0', '--dashboard-port=0', '--db', join(dir, 'a.sqlite'), '--query-token', 'q'], {
      HOTPATH_DASHBOARD_PORT: '4000',
      HOTPATH_DASHBOARD_HOST: '::1',
    });
    assert.deepEqual(parsed, {
      help: false,
      options: { collector: { port: 0, dbPath: join(dir, 'a.sqlite'), queryToken: 'q' }, dashboard: { port: 0, host: '::1' } },
    });
  });

  it('runs the collector alone with --no-dashboard', () => {
    const parsed = parseViewerArgs(['--no-dashboard', '--db', ':memory:'], {});
    assert.deepEqual(parsed, { help: false, options: { collector: { dbPath: ':memory:' }, dashboard: false } });
  });

  it('hands --database-url to the collector without looking for a data folder', () => {
    const url = 'postgres://hotpath@127.0.0.1:5432/hotpath';
    const parsed = parseViewerArgs(['--no-dashboard', '--database-url', url], { HOTPATH_DATA_DIR: undefined });
    assert.deepEqual(parsed, { help: false, options: { collector: { databaseUrl: url }, dashboard: false } });
  });

  it('answers help with both its own flags and the collector’s', () => {
    assert.deepEqual(parseViewerArgs(['--port', '1', '-h'], {}), { help: true });
    for (const flag of ['--dashboard-port', '--dashboard-host', '--no-dashboard', '--insecure-open-dashboard', '--data-dir', '--port', '--query-token']) {
      assert.ok(viewerHelpText.includes(flag), flag);
    }
  });

  it('names the flag for a port out of range, whichever side it belongs to', () => {
    assert.match(refusal(['--dashboard-port', '70000']), /^--dashboard-port: expected a port from 0 to 65535, got "70000"$/);
    assert.match(refusal(['--dashboard-port', '-1']), /^--dashboard-port: /);
    assert.match(refusal([], { HOTPATH_DASHBOARD_PORT: '3000x' }), /^HOTPATH_DASHBOARD_PORT: expected a port/);
    assert.equal(refusal(['--port', '70000']), '--port: expected a port from 0 to 65535, got 70000');
    assert.equal(refusal([], { HOTPATH_COLLECTOR_GRPC_PORT: '65536' }), 'HOTPATH_COLLECTOR_GRPC_PORT: expected a port from 0 to 65535, got 65536');
  });

  it('refuses empty values instead of reading them as the current folder', () => {
    assert.equal(refusal(['--data-dir', '']), '--data-dir: expected a value, got an empty string');
    assert.equal(refusal(['--dashboard-port=']), '--dashboard-port: expected a value, got an empty string');
    assert.equal(refusal(['--dashboard-host', '']), '--dashboard-host: expected a value, got an empty string');
    assert.match(refusal(['--dashboard-port']), /^--dashboard-port: expected a value/);
  });

  it('refuses a data folder that cannot be made or written, and a database path that is a folder', () => {
    const file = join(dir, 'a-file');
    writeFileSync(file, '');
    assert.match(refusal(['--data-dir', join(file, 'data')]), /^--data-dir \/ HOTPATH_DATA_DIR: cannot write in .*a-file\/data \(ENOTDIR\)$/);
    mkdirSync(join(dir, 'folder.sqlite'));
    assert.match(refusal(['--db', join(dir, 'folder.sqlite')]), /^--db \/ HOTPATH_DB: .*folder\.sqlite is a folder, not a database file$/);
  });

  it('keeps the dashboard, which has no login, on loopback unless told it may be open', () => {
    assert.match(refusal(['--dashboard-host', '0.0.0.0', '--data-dir', dir]), /^--dashboard-host: 0\.0\.0\.0 is not a loopback address.*--insecure-open-dashboard/);
    const parsed = parseViewerArgs(['--dashboard-host', '0.0.0.0', '--insecure-open-dashboard', '--data-dir', dir], {});
    assert.ok(!parsed.help && parsed.options.dashboard && parsed.options.dashboard.host === '0.0.0.0');
  });

  it('refuses what neither it nor the collector knows, and values given to switches', () => {
    assert.match(refusal(['--colour']), /Unknown option '--colour'/);
    assert.equal(refusal(['--no-dashboard=yes']), '--no-dashboard takes no value');
  });

  it('creates nothing when it refuses', () => {
    refusal(['--data-dir', join(dir, 'never'), '--dashboard-port', '99999']);
    assert.equal(existsSync(join(dir, 'never')), false);
  });
});
