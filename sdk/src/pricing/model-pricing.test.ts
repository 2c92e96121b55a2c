import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { costOf, defaultPricing, priceOf } from './model-pricing.ts';

describe('model pricing', () => {
  it('prices the simulated models as docs/architecture.md lists them', () => {
    assert.deepEqual(defaultPricing['sim-large'], { input: 2, cachedInput: 0.5, output: 8 });
    assert.deepEqual(defaultPricing['sim-small'], { input: 0.4, cachedInput: 0.1, output: 1.6 });
  });

  it('prices cached tokens once, at the cached rate', () => {
    const price = { input: 2, cachedInput: 0.5, output: 8 };
    const cost = costOf(price, { inputTokens: 1_000_000, cachedInputTokens: 400_000, cacheCreationInputTokens: 0, outputTokens: 0 });
    assert.equal(cost, 0.6 * 2 + 0.4 * 0.5);
  });

  it('prices cache writes at their own rate, else at the input rate', () => {
    const tokens = { inputTokens: 1_000_000, cachedInputTokens: 0, cacheCreationInputTokens: 1_000_000, outputTokens: 0 };
    assert.equal(costOf({ input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 }, tokens), 3.75);
    assert.equal(costOf({ input: 3, cachedInput: 0.3, output: 15 }, tokens), 3);
  });

  it('finds dated model names by their longest known prefix', () => {
    assert.equal(priceOf(defaultPricing, 'gpt-4.1-mini-2025-04-14'), defaultPricing['gpt-4.1-mini']);
    assert.equal(priceOf(defaultPricing, 'gpt-4.1-2025-04-14'), defaultPricing['gpt-4.1']);
    assert.equal(priceOf(defaultPricing, 'unknown-model'), undefined);
  });
});
