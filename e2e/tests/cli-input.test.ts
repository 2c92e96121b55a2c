// Bad input to every command-line tool, each run as a process the way a user runs it: one line on stderr naming
// the flag (or variable) and what it accepts, exit code 2, and nothing started (nothing on stdout).
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = pathToFileURL(createRequire(join(ROOT, 'package.json')).resolve('tsx')).href;
const ENTRIES = {
  demo: join(ROOT, 'demo', 'src', 'main.ts'),
  collector: join(ROOT, 'collector', 'src', 'cli.ts'),
  viewer: join(ROOT, 'collector', 'src', 'serve', 'viewer-cli.ts'),
  bench: join(ROOT, 'bench', 'src', 'main.ts'),
};
type Tool = keyof typeof ENTRIES;
// The tools run from an empty folder: one that wrongly starts on bad input writes there, not into the repository.
const cwd = mkdtempSync(join(tmpdir(), 'hotpath-cli-input-'));

function run(tool: Tool, args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--conditions=@hotpath/source', '--import', tsx, ENTRIES[tool], ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    // A tool that takes bad input and starts anyway would serve forever: it is stopped and the row fails.
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * [tool, arguments, environment, the one line expected on stderr, and for a row whose tool is another issue's to
 * fix, a todo naming it (node:test reports it without failing the run)]
 */
const cases: [Tool, string[], Record<string, string>, RegExp, string?][] = [
  ['demo', ['--collector-port', '99999'], {}, /^demo: --collector-port: expected a port from 1 to 65535, got "99999"$/],
  ['demo', ['--dashboard-port', 'web'], {}, /^demo: --dashboard-port: expected a port from 1 to 65535, got "web"$/],
  ['demo', ['--data-dir', ''], {}, /^demo: --data-dir: expected a folder for the SQLite file, got an empty value$/],
  ['demo', ['--data-dir', '/dev/null/data'], {}, /^demo: --data-dir: cannot use \/dev\/null\/data as the data folder \(\w+\); expected a folder that can be created and written$/],
  ['demo', ['--tasks', 'nope'], {}, /^demo: --tasks: no task or category named "nope" \(categories: independent-lookups, .*\)$/],
  ['demo', ['--repetitions', '0'], {}, /^demo: --repetitions: expected a whole number from 1 to 1000, got "0"$/],
  ['demo', ['--openai-base-url', 'localhost:11434'], { OPENAI_API_KEY: 'k' }, /^demo: --openai-base-url: expected an http\(s\) URL/],
  ['demo', ['--bogus'], {}, /^demo: Unknown option '--bogus' \(see --help\)$/],
  ['demo', ['--collector-port', '-1'], {}, /^demo: Option '--collector-port' argument is ambiguous\. .*\(see --help\)$/],
  ['bench', ['--repetitions', '0'], {}, /^--repetitions: expected a whole number ≥ 1, got "0"$/],
  ['bench', ['--tasks', 'nope'], {}, /^--tasks: no task or category named "nope"/],
  ['bench', ['--output', '/dev/null/latest.json'], {}, /^--output: cannot write \/dev\/null\/latest\.json/],
  ['bench', ['--bogus'], {}, /^Unknown option '--bogus' \(see --help\)$/],
  ['collector', ['--port', '99999'], {}, /--port.*65535/],
  ['collector', ['--data-dir', ''], {}, /^hotpath-collector: --data-dir: expected a value, got an empty string$/],
  ['collector', ['--port', '-1'], {}, /^hotpath-collector: Option '--port' argument is ambiguous\. .*\(see --help\)$/],
  ['collector', ['--retention-max-age', 'soon'], {}, /--retention-max-age: expected a duration/],
  ['collector', ['--bogus'], {}, /--bogus/],
  ['viewer', ['--dashboard-port', '99999'], {}, /--dashboard-port/],
  ['viewer', ['--port', '-1'], {}, /--port/],
  ['viewer', ['--data-dir', ''], {}, /--data-dir/],
  ['viewer', ['--bogus'], {}, /--bogus/],
];

describe('bad input to the command-line tools', { concurrency: 2 }, () => {
  after(() => rmSync(cwd, { recursive: true, force: true }));

  for (const [tool, args, env, expected, todo] of cases) {
    it(`${tool} ${args.map((arg) => (arg === '' ? "''" : arg)).join(' ')}: one line naming the flag, exit 2, nothing started`, { todo }, async () => {
      const { code, stdout, stderr } = await run(tool, args, env);
      assert.equal(stderr.trimEnd().split('\n').length, 1, `one line, got:\n${stderr}`);
      assert.match(stderr.trimEnd(), expected);
      assert.equal(code, 2, stderr);
      assert.equal(stdout, '', 'nothing printed on stdout (nothing started)');
    });
  }

  it('demo --help lists every task id under its category', async () => {
    const { code, stdout } = await run('demo', ['--help']);
    assert.equal(code, 0);
    assert.match(stdout, /Tasks \(\d+\), by category:\n {2}independent-lookups: lookup-overview-ada, /);
    assert.match(stdout, /\n {2}session: session-alan/);
  });
});
