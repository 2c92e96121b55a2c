import { describe, it, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tapFailures } from './tap-failures.mjs';

const runner = fileURLToPath(new URL('./run-node-tests.mjs', import.meta.url));
const folder = mkdtempSync(join(tmpdir(), 'hotpath-runner-'));
// Types and an interface before the failing line: without source maps the location would be tsx's output's.
const source = `import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

interface Order { id: string; total: number }
const order: Order = { id: 'O-1', total: 3 };

describe('orders', () => {
  it('passes', () => assert.equal(order.id, 'O-1'));
  it('totals the order', () => {
    assert.equal(order.total, 4);
  });
});
`;

describe('run-node-tests', () => {
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('reports a failure at its line in the TypeScript test file, read back from the TAP copy', () => {
    writeFileSync(join(folder, 'orders.test.ts'), source);
    const tap = join(folder, 'report.tap');
    const env = { ...process.env, HOTPATH_TAP_FILE: tap };
    delete env.NODE_TEST_CONTEXT; // else the inner runner reports to this one instead of printing
    const result = spawnSync(process.execPath, [runner, folder], { cwd: folder, env, encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.match(result.stdout, /orders\.test\.ts:9:3/, 'the spec report names the test line');
    const failures = tapFailures(readFileSync(tap, 'utf8'));
    assert.deepEqual(failures.map(({ name, where }) => ({ name, where: where.replace(folder, '<dir>') })), [
      { name: 'orders › totals the order', where: '<dir>/orders.test.ts:10:12' },
    ]);
    assert.match(failures[0].message, /strictly equal/);
  });
});
