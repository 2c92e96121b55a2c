import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sourceHash } from './source-hash.ts';

describe('sourceHash', () => {
  it('changes when a file changes or appears and ignores node_modules', () => {
    const root = mkdtempSync(join(tmpdir(), 'hotpath-hash-'));
    mkdirSync(join(root, 'src', 'node_modules'), { recursive: true });
    writeFileSync(join(root, 'src', 'a.ts'), 'one');
    const first = sourceHash(root, ['src', 'missing.json']);
    assert.equal(sourceHash(root, ['src', 'missing.json']), first);
    writeFileSync(join(root, 'src', 'node_modules', 'x.js'), 'ignored');
    assert.equal(sourceHash(root, ['src']), first);
    writeFileSync(join(root, 'src', 'a.ts'), 'two');
    const second = sourceHash(root, ['src']);
    assert.notEqual(second, first);
    writeFileSync(join(root, 'src', 'b.ts'), '');
    assert.notEqual(sourceHash(root, ['src']), second);
    rmSync(root, { recursive: true, force: true });
  });
});
