import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { viewerHelpText } from './viewer-options.ts';

const cli = fileURLToPath(new URL('./viewer-cli.ts', import.meta.url));
// By URL: the CLI runs from a temp folder, where a bare `tsx` would not resolve.
const tsx = import.meta.resolve('tsx');
const dir = mkdtempSync(join(tmpdir(), 'hotpath-viewer-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const run = (args: string[]) => spawnSync(process.execPath, ['--import', tsx, cli, ...args], { encoding: 'utf8', cwd: dir });

describe('hotpath-collector (the viewer)', () => {
  it('prints its help', () => {
    const result = run(['--help']);
    assert.equal(result.status, 0);
    assert.equal(result.stdout, viewerHelpText);
  });

  for (const [args, flag] of [
    [['--dashboard-port', '70000'], '--dashboard-port'],
    [['--port', '65536'], '--port'],
    [['--data-dir', ''], '--data-dir'],
    [['--data-dir', '/proc/hotpath'], '--data-dir'],
    [['--dashboard-host', '0.0.0.0'], '--dashboard-host'],
  ] as const) {
    it(`answers ${args.join(' ') || "''"} with one line naming ${flag} and exit code 2, starting nothing`, () => {
      const result = run([...args]);
      assert.equal(result.status, 2);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, new RegExp(`^hotpath-collector: ${flag}\\b[^\\n]*\\n$`));
      assert.equal(existsSync(join(dir, 'data')), false, 'no database created');
    });
  }

  it('serves the collector alone with --no-dashboard and stops cleanly on SIGTERM, keeping the database', async () => {
    const db = join(dir, 'viewer.sqlite');
    const child = spawn(process.execPath, ['--import', tsx, cli, '--no-dashboard', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    while (!/Ctrl-C stops/.test(output)) {
      if (child.exitCode !== null) assert.fail(`exited early:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const url = /collector {2}(http:\/\/127\.0\.0\.1:\d+)/.exec(output)?.[1];
    assert.ok(url, output);
    assert.doesNotMatch(output, /dashboard/);
    assert.equal((await fetch(`${url}/api/traces`)).status, 200);
    child.kill('SIGTERM');
    assert.equal(await exited, 0, output);
    assert.match(output, /SIGTERM: stopping\n$/);
    assert.ok(existsSync(db));
  });
});
