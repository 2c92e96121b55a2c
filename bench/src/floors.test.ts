import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkFloors } from './floors.ts';
import { taskRun, threeVariantRuns } from './test-fixtures.ts';
import { summarizeVariant } from './variant-summary.ts';

const summaries = (runs = threeVariantRuns()) => ({
  baseline: summarizeVariant('baseline', runs.filter((run) => run.variant === 'baseline')),
  optimized: summarizeVariant('optimized', runs.filter((run) => run.variant === 'optimized')),
  openaiAgents: summarizeVariant('openai-agents', runs.filter((run) => run.variant === 'openai-agents')),
});

describe('checkFloors', () => {
  it('meets every floor when optimized is 4× faster, uses half the tokens and 2× beats the peer', () => {
    const floors = checkFloors(summaries());
    assert.deepEqual(
      floors.map((floor) => [floor.name, floor.met]),
      floors.map((floor) => [floor.name, true]),
    );
    assert.equal(floors[0]!.actual, 4);
    assert.equal(floors[3]!.actual, 0.5);
  });

  it('misses the correctness floor when optimized answers fewer tasks correctly than baseline', () => {
    const runs = threeVariantRuns().map((run) => (run.variant === 'optimized' && run.taskId === 't0' ? { ...run, correct: false } : run));
    const floor = checkFloors(summaries(runs)).find((check) => check.name.startsWith('optimized correct − baseline'));
    assert.equal(floor?.met, false);
    assert.equal(floor?.actual, -2);
  });

  it('reports the @openai/agents floors as not measured, and not met, when that variant did not run', () => {
    const { baseline, optimized } = summaries();
    const floors = checkFloors({ baseline, optimized }).filter((floor) => floor.name.includes('@openai/agents'));
    assert.equal(floors.length, 2);
    for (const floor of floors) assert.deepEqual([floor.actual, floor.met], [null, false]);
  });

  it('misses the speedup floors when the optimized variant has no runs at all', () => {
    const baseline = summarizeVariant('baseline', [taskRun({ variant: 'baseline', wallMs: 100 })]);
    const [total, p50] = checkFloors({ baseline, optimized: summarizeVariant('optimized', []) });
    assert.deepEqual([total!.met, p50!.met, total!.actual], [false, false, null]);
  });
});
