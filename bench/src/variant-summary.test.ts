import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { taskRun } from './test-fixtures.ts';
import { compareVariants, summarizeVariant } from './variant-summary.ts';

describe('summarizeVariant', () => {
  it('adds up usage, requests per model, correct answers, errors and turn outcomes', () => {
    const summary = summarizeVariant('optimized', [
      taskRun({ variant: 'optimized', wallMs: 100, outcomes: ['completed', 'completed'] }),
      taskRun({
        variant: 'optimized',
        wallMs: 300,
        correct: false,
        error: 'boom',
        outcomes: ['error'],
        usage: { inputTokens: 50, outputTokens: 5, cachedInputTokens: 40, requests: 2, requestsByModel: { 'sim-small': 2 } },
      }),
    ]);
    assert.deepEqual(summary.usage, {
      inputTokens: 150,
      outputTokens: 15,
      cachedInputTokens: 40,
      requests: 3,
      requestsByModel: { 'sim-large': 1, 'sim-small': 2 },
    });
    assert.equal(summary.correct, 1);
    assert.equal(summary.total, 2);
    assert.equal(summary.errors, 1);
    assert.deepEqual(summary.outcomes, { completed: 2, error: 1 });
    assert.equal(summary.wallMs.p50, 200);
  });

  it('divides the total by the number of batches so variants run a different number of times compare', () => {
    const summary = summarizeVariant('baseline', [
      taskRun({ variant: 'baseline', wallMs: 100, batch: 0 }),
      taskRun({ variant: 'baseline', wallMs: 300, batch: 1 }),
    ]);
    assert.equal(summary.batches, 2);
    assert.equal(summary.batchTotalMs, 200);
  });
});

describe('compareVariants', () => {
  it('reports speedups as reference ÷ candidate and the token ratio as candidate ÷ reference', () => {
    const reference = summarizeVariant('baseline', [
      taskRun({ variant: 'baseline', wallMs: 900 }),
      taskRun({ variant: 'baseline', wallMs: 300, taskId: 't2' }),
    ]);
    const candidate = summarizeVariant('optimized', [
      taskRun({ variant: 'optimized', wallMs: 100, usage: { inputTokens: 40, outputTokens: 4, cachedInputTokens: 0, requests: 1, requestsByModel: {} } }),
      taskRun({ variant: 'optimized', wallMs: 100, taskId: 't2', usage: { inputTokens: 50, outputTokens: 6, cachedInputTokens: 0, requests: 1, requestsByModel: {} } }),
    ]);
    const comparison = compareVariants(reference, candidate);
    assert.equal(comparison.speedupP50, 6); // 600 ÷ 100
    assert.equal(comparison.speedupTotal, 6); // 1200 ÷ 200
    assert.equal(comparison.tokenRatio, 100 / 220);
  });

  it('is NaN, not Infinity, when the candidate has no runs', () => {
    const reference = summarizeVariant('baseline', [taskRun({ variant: 'baseline', wallMs: 100 })]);
    const comparison = compareVariants(reference, summarizeVariant('optimized', []));
    assert.ok(Number.isNaN(comparison.speedupTotal));
    assert.ok(Number.isNaN(comparison.speedupP50));
  });
});
