import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildReport } from './bench-report.ts';
import { ablationVariant, comparisonOf, variantOf } from './suite-report.ts';
import { suiteRuns, taskRun } from './test-fixtures.ts';

const config = { repetitions: 2, ablationRepetitions: 1, latencyScale: 1, tasks: { 'support-desk': 2 }, command: 'pnpm bench' };
const desk = (techniques: string[] = []) => ({ suite: 'support-desk', title: 'Support desk', tasks: 2, techniques });

describe('buildReport', () => {
  it('compares each Hotpath variant with the naive loop, the fair baseline and @openai/agents from the same runs', () => {
    const [suite] = buildReport({ runs: suiteRuns(), config, suites: [desk()] }).suites;
    assert.deepEqual(suite!.variants.map((summary) => summary.variant), ['baseline', 'baseline-keepalive', 'optimized', 'user-config', 'openai-agents']);
    assert.deepEqual(comparisonOf(suite!, 'optimized', 'baseline')!.comparison, { speedupP50: 4, speedupTotal: 4, tokenRatio: 0.5 });
    assert.equal(comparisonOf(suite!, 'user-config', 'baseline')!.comparison.speedupTotal, 3);
    assert.equal(comparisonOf(suite!, 'user-config', 'baseline-keepalive')!.comparison.speedupTotal, 900 / 400);
    assert.equal(comparisonOf(suite!, 'user-config', 'openai-agents')!.comparison.speedupTotal, 1.5);
    assert.equal(variantOf(suite!, 'openai-agents')?.total, 4);
  });

  it('keeps each suite apart', () => {
    const runs = [...suiteRuns('support-desk'), ...suiteRuns('held-out').map((run) => ({ ...run, wallMs: run.wallMs * 2 }))];
    const report = buildReport({ runs, config, suites: [desk(), { suite: 'held-out', title: 'Held out', fingerprint: 'f1', tasks: 2, techniques: [] }] });
    assert.deepEqual(report.suites.map((suite) => [suite.suite, suite.fingerprint, variantOf(suite, 'baseline')!.batchTotalMs]), [
      ['support-desk', undefined, 1_200],
      ['held-out', 'f1', 2_400],
    ]);
  });

  it('compares each ablated variant with the naive loop and with user-config, in the batches that ran beside it only', () => {
    const runs = [
      ...suiteRuns().map((run) => (run.batch === 1 ? { ...run, wallMs: run.wallMs * 10 } : run)),
      taskRun({ variant: ablationVariant('toolCache'), wallMs: 300, taskId: 't0' }),
      taskRun({ variant: ablationVariant('toolCache'), wallMs: 500, taskId: 't1' }),
    ];
    const [suite] = buildReport({ runs, config, suites: [desk(['toolCache', 'routing'])] }).suites;
    assert.equal(suite!.ablation.length, 1, 'a technique that did not run is skipped');
    const [entry] = suite!.ablation;
    assert.equal(entry!.vsBaseline.speedupTotal, 1_200 / 800);
    assert.equal(entry!.slowdownVsCandidate, 800 / 400);
  });

  it('lists the answers a variant lost against the naive loop, task by task and batch by batch', () => {
    const runs = suiteRuns().map((run) =>
      (run.variant === 'user-config' && run.taskId === 't1' && run.batch === 1) || (run.variant === 'baseline' && run.taskId === 't0')
        ? { ...run, correct: false }
        : run,
    );
    const [suite] = buildReport({ runs, config, suites: [desk()] }).suites;
    assert.deepEqual(comparisonOf(suite!, 'user-config', 'baseline')!.lostAnswers, ['t1#1']);
    assert.deepEqual(comparisonOf(suite!, 'optimized', 'baseline')!.lostAnswers, []);
  });

  it('breaks p50 and correct answers down by task category for the main variants only', () => {
    const runs = [...suiteRuns(), taskRun({ variant: ablationVariant('routing'), wallMs: 5, category: 'hard' })];
    const [suite] = buildReport({ runs, config, suites: [desk(['routing'])] }).suites;
    const chains = suite!.categories.find((entry) => entry.category === 'dependent-chains');
    assert.deepEqual(chains?.p50ByVariant, { baseline: 800, 'baseline-keepalive': 600, optimized: 200, 'user-config': 250, 'openai-agents': 400 });
    const hard = suite!.categories.find((entry) => entry.category === 'hard');
    assert.deepEqual(hard!.correctByVariant.baseline, { correct: 0, total: 0 });
  });

  it('compares the prompt A/B run by run: same correctness, same text, and what the compressed prompt lost', () => {
    const compressed = suiteRuns()
      .filter((run) => run.variant === 'user-config')
      .map((run) => ({ ...run, variant: 'user-config-compressed', ...(run.taskId === 't1' && run.batch === 0 && { correct: false, answer: 'other' }) }));
    const [suite] = buildReport({ runs: [...suiteRuns(), ...compressed], config, suites: [{ ...desk(), promptAbTokensSaved: 120 }] }).suites;
    assert.deepEqual({ ...suite!.promptAb!, summary: undefined }, { summary: undefined, tokensSavedPerRequest: 120, compared: 4, sameCorrectness: 3, sameText: 3, lost: ['t1#0'] });
    assert.equal(suite!.variants.some((summary) => summary.variant === 'user-config-compressed'), false, 'not a column of the main table');
  });

  it('leaves out comparisons with variants that did not run', () => {
    const runs = suiteRuns().filter((run) => run.variant !== 'openai-agents');
    const [suite] = buildReport({ runs, config, suites: [desk()] }).suites;
    assert.equal(comparisonOf(suite!, 'user-config', 'openai-agents'), undefined);
    assert.equal(variantOf(suite!, 'openai-agents'), undefined);
  });
});
