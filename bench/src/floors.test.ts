import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFloors } from './floors.ts';
import { suiteReport } from './suite-report.ts';
import { suiteRuns } from './test-fixtures.ts';
import type { TaskRun } from './task-run.ts';

const suite = (id: string, runs: TaskRun[]) => suiteReport({ suite: id, title: id, tasks: 2, techniques: [] }, runs);
/** The held-out fixture made 2× faster for user-config against the peer and 3× against the naive loop. */
const heldOutRuns = () => suiteRuns('held-out').map((run) => (run.variant === 'user-config' ? { ...run, wallMs: run.wallMs * 0.75 } : run));

describe('checkFloors', () => {
  it('checks the held-out floors of issue 10 on the user-config agent', () => {
    const floors = checkFloors([suite('held-out', heldOutRuns())]);
    assert.deepEqual(
      floors.map((floor) => [floor.name, floor.actual, floor.met, floor.goal ?? false]),
      [
        ['held-out: user-config speedup_total vs @openai/agents', 2, true, false],
        ['held-out: user-config correct − @openai/agents correct', 0, true, false],
        ['held-out: user-config speedup_total vs the naive loop', 4, true, false],
        ['held-out: answers user-config lost against the naive loop (task × batch)', 0, true, false],
        ['held-out: user-config speedup_total vs @openai/agents (goal)', 2, false, true],
      ],
    );
  });

  it('misses a floor when user-config loses an answer the naive loop got right', () => {
    const runs = heldOutRuns().map((run) => (run.variant === 'user-config' && run.taskId === 't0' && run.batch === 0 ? { ...run, correct: false } : run));
    const floors = checkFloors([suite('held-out', runs)]);
    assert.deepEqual(floors.filter((floor) => !floor.met && !floor.goal).map((floor) => [floor.name, floor.actual]), [
      ['held-out: user-config correct − @openai/agents correct', -1],
      ['held-out: answers user-config lost against the naive loop (task × batch)', 1],
    ]);
  });

  it('checks the support desk: user-config against the peer, and issue 5 on the fitted agent', () => {
    const floors = checkFloors([suite('support-desk', suiteRuns())]);
    const byName = Object.fromEntries(floors.map((floor) => [floor.name, floor]));
    assert.deepEqual([byName['support-desk: user-config speedup_total vs @openai/agents']!.actual, byName['support-desk: user-config speedup_total vs @openai/agents']!.met], [1.5, false]);
    assert.equal(byName['support-desk, fitted: speedup_total (baseline ÷ optimized)']!.actual, 4);
    assert.equal(byName['support-desk, fitted: token_ratio (optimized ÷ baseline)']!.actual, 0.5);
    assert.equal(floors.filter((floor) => floor.name.startsWith('held-out')).length, 0, 'a suite that did not run has no floors');
  });

  it('reports a floor whose variant did not run as not measured, and not met', () => {
    const floors = checkFloors([suite('held-out', suiteRuns('held-out').filter((run) => run.variant !== 'openai-agents'))]);
    const peer = floors.filter((floor) => floor.name.includes('@openai/agents') && !floor.goal);
    assert.deepEqual(peer.map((floor) => [floor.actual, floor.met]), [[null, false], [null, false]]);
  });
});
