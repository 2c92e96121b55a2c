import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RunInputError } from './run-errors.ts';
import { validateBudgets, validatePricing } from './validate-runner-options.ts';

describe('runner option checks', () => {
  it('accepts positive budgets and complete prices', () => {
    assert.deepEqual(validateBudgets({ maxTokens: 10, maxWallTimeMs: 5 }), { maxTokens: 10, maxWallTimeMs: 5 });
    assert.deepEqual(validateBudgets(undefined), {});
    const pricing = { m: { inputPerMillion: 1, outputPerMillion: 2 } };
    assert.equal(validatePricing(pricing), pricing);
  });

  for (const [what, budgets] of [
    ['a negative budget', { maxTokens: -1 }],
    ['a zero budget', { maxCostUsd: 0 }],
    ['a budget given as text', { maxWallTimeMs: '30s' }],
    ['an unknown budget', { maxSteps: 3 }],
  ] as const) {
    it(`refuses ${what}`, () => assert.throws(() => validateBudgets(budgets as never), RunInputError));
  }

  it('refuses prices that are missing or not numbers', () => {
    assert.throws(() => validatePricing({ m: { inputPerMillion: 1 } } as never), /outputPerMillion/);
    assert.throws(() => validatePricing({ m: { inputPerMillion: '1', outputPerMillion: 1 } } as never), /inputPerMillion/);
    assert.throws(() => validatePricing({ m: { inputPerMillion: 1, outputPerMillion: 1, cachedInputPerMillion: -1 } }), /cachedInputPerMillion/);
  });
});
