import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { TRAVEL_DESK_FINGERPRINT, TRAVEL_DESK_SUITE_FILES } from './fingerprint.ts';

describe('held-out suite fingerprint', () => {
  it('matches the committed sources: the suite is frozen', () => {
    const hash = createHash('sha256');
    for (const file of TRAVEL_DESK_SUITE_FILES) {
      const text = readFileSync(new URL(file, import.meta.url), 'utf8').replaceAll('\r\n', '\n');
      hash.update(`${file}\n${text}\n`);
    }
    // Frozen suite: the tasks, data, tools and playbook were written before any runner was tuned against them and
    // must not drift towards one. Update TRAVEL_DESK_FINGERPRINT only in a deliberate, reviewed commit that says why
    // (a bug in the suite itself), never to make a runner's figures look better.
    assert.equal(`sha256:${hash.digest('hex')}`, TRAVEL_DESK_FINGERPRINT);
  });

  it('covers every source file of the suite', () => {
    const listed = new Set(TRAVEL_DESK_SUITE_FILES);
    for (const file of ['tasks.ts', 'data.ts', 'tools.ts', 'playbook.ts', 'rules.ts', 'schedule.ts']) assert.ok(listed.has(file), file);
  });
});
