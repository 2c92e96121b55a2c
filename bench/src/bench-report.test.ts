import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ablationVariant, buildReport } from './bench-report.ts';
import { taskRun, threeVariantRuns } from './test-fixtures.ts';

const config = { repetitions: 2, ablationRepetitions: 1, latencyScale: 1, tasks: 2, command: 'pnpm bench' };

describe('buildReport', () => {
  it('compares optimized with baseline and with @openai/agents from the same runs', () => {
    const report = buildReport({ runs: threeVariantRuns(), config, techniques: [] });
    assert.deepEqual(report.ours, { speedupP50: 4, speedupTotal: 4, tokenRatio: 0.5 });
    assert.equal(report.vsOpenaiAgents?.speedupTotal, 2);
    assert.equal(report.openaiAgents?.total, 4);
  });

  it('compares each ablated variant with baseline and with optimized, skipping techniques that did not run', () => {
    const runs = [
      ...threeVariantRuns(),
      taskRun({ variant: ablationVariant('toolCache'), wallMs: 200, taskId: 't0' }),
      taskRun({ variant: ablationVariant('toolCache'), wallMs: 400, taskId: 't1' }),
    ];
    const report = buildReport({ runs, config, techniques: ['toolCache', 'routing'] });
    assert.equal(report.ablation.length, 1);
    const [entry] = report.ablation;
    assert.equal(entry!.technique, 'toolCache');
    assert.equal(entry!.vsBaseline.speedupTotal, 2); // baseline 1,200 ms per pass ÷ 600 ms
    assert.equal(entry!.slowdownVsOptimized, 2); // 600 ms ÷ optimized's 300 ms
  });

  it('compares an ablated variant only with the baseline and optimized batches that ran beside it', () => {
    const runs = [
      ...threeVariantRuns().map((run) => (run.batch === 1 && run.variant !== 'openai-agents' ? { ...run, wallMs: run.wallMs * 10 } : run)),
      taskRun({ variant: ablationVariant('toolCache'), wallMs: 450, batch: 0 }),
    ];
    const [entry] = buildReport({ runs, config, techniques: ['toolCache'] }).ablation;
    assert.equal(entry!.vsBaseline.speedupTotal, 1_200 / 450); // batch 0 only: baseline 400 + 800
    assert.equal(entry!.slowdownVsOptimized, 450 / 300); // batch 0 only: optimized 100 + 200
  });

  it('breaks p50 and correct answers down by task category for the main variants only', () => {
    const runs = [...threeVariantRuns(), taskRun({ variant: ablationVariant('routing'), wallMs: 5, category: 'hard' })];
    const report = buildReport({ runs, config, techniques: ['routing'] });
    const chains = report.categories.find((entry) => entry.category === 'dependent-chains');
    assert.deepEqual(chains?.p50ByVariant, { baseline: 800, optimized: 200, 'openai-agents': 400 });
    assert.deepEqual(chains?.correctByVariant.optimized, { correct: 2, total: 2 });
    const hard = report.categories.find((entry) => entry.category === 'hard');
    assert.deepEqual(Object.keys(hard!.p50ByVariant), ['baseline', 'optimized', 'openai-agents']);
    assert.deepEqual(hard!.correctByVariant.baseline, { correct: 0, total: 0 });
  });

  it('leaves out the peer comparison when @openai/agents did not run', () => {
    const runs = threeVariantRuns().filter((run) => run.variant !== 'openai-agents');
    const report = buildReport({ runs, config, techniques: [] });
    assert.equal(report.openaiAgents, undefined);
    assert.equal(report.vsOpenaiAgents, undefined);
  });
});
