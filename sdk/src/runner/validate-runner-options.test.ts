import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RunInputError } from './run-errors.ts';
import { defaultPricing } from '../pricing/model-pricing.ts';
import { validateBudgets, validatePricing } from './validate-runner-options.ts';

describe('runner option checks', () => {
  it('accepts positive budgets and complete prices', () => {
    assert.deepEqual(validateBudgets({ maxTokens: 10, maxWallTimeMs: 5 }), { maxTokens: 10, maxWallTimeMs: 5 });
    assert.deepEqual(validateBudgets(undefined), {});
    const pricing = { m: { input: 1, cachedInput: 0.5, output: 2 } };
    assert.deepEqual(validatePricing(pricing), { ...defaultPricing, ...pricing }, 'laid over the built-in table');
    assert.equal(validatePricing(undefined), defaultPricing);
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
    assert.throws(() => validatePricing({ m: { input: 1, cachedInput: 1 } } as never), /output/);
    assert.throws(() => validatePricing({ m: { input: '1', cachedInput: 1, output: 1 } } as never), /input/);
    assert.throws(() => validatePricing({ m: { input: 1, output: 1, cachedInput: -1 } }), /cachedInput/);
  });
});
