import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { LOG_DIR } from './setup.mjs';

const setup = new URL('./setup.mjs', import.meta.url).href;

/** Runs one set-up step in a child process, as the README's commands do. */
function runStep(exitCode) {
  const command = `for (let i = 1; i <= 300; i++) console.log('compiler line ' + i); process.exit(${exitCode})`;
  const script = `import(${JSON.stringify(setup)}).then((m) => m.step('build things', 'setup-test', [[process.execPath, ['-e', ${JSON.stringify(command)}]]]))`;
  return spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
}

describe('set-up steps', () => {
  after(() => rmSync(join(LOG_DIR, 'setup-test.log'), { force: true }));

  it('print one line with their time and keep the full output in a log file', () => {
    const result = runStep(0);
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^\[setup\] build things … \d+\.\ds\n$/);
    assert.equal(result.stderr, '');
    assert.match(readFileSync(join(LOG_DIR, 'setup-test.log'), 'utf8'), /compiler line 1\n[\s\S]*compiler line 300\n/);
  });

  it('name the log file and quote its last lines when they fail', () => {
    const result = runStep(3);
    assert.notEqual(result.status, 0);
    assert.equal(result.stdout, '[setup] build things … failed\n');
    assert.match(result.stderr, /build things failed: .* exited with 3; full output in .*\.hotpath\/logs\/setup-test\.log/);
    assert.match(result.stderr, /compiler line 300/);
    assert.doesNotMatch(result.stderr, /compiler line 200\n/, 'only the last lines');
    assert.ok(existsSync(join(LOG_DIR, 'setup-test.log')));
  });
});
