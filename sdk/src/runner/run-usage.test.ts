import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { defaultPricing } from '../pricing/model-pricing.ts';
import { addCallUsage, callCost, emptyRunUsage } from './run-usage.ts';

describe('run usage', () => {
  const pricing = { small: { input: 0.4, cachedInput: 0.1, output: 1.6 }, anthropic: { input: 3, cachedInput: 0.3, cacheWrite: 3.75, output: 15 } };

  it('prices cached input at the cached rate, never twice', () => {
    const cost = callCost(pricing, 'small', { inputTokens: 1000, cachedInputTokens: 500, outputTokens: 100 });
    assert.ok(Math.abs(cost! - 0.00041) < 1e-15);
  });

  it('prices cache writes at their own rate', () => {
    assert.equal(callCost(pricing, 'anthropic', { inputTokens: 1e6, cachedInputTokens: 0, cacheWriteInputTokens: 1e6, outputTokens: 0 }), 3.75);
  });

  it('finds dated model names by their longest known prefix and knows nothing about unlisted models', () => {
    assert.equal(callCost(defaultPricing, 'gpt-4.1-mini-2025-04-14', { inputTokens: 1e6, cachedInputTokens: 0, outputTokens: 0 }), 0.4);
    assert.equal(callCost(pricing, 'other', { inputTokens: 1, cachedInputTokens: 0, outputTokens: 1 }), undefined);
  });

  it('adds calls to the totals and the per-model breakdown; a failed call is a request without tokens', () => {
    const usage = emptyRunUsage();
    addCallUsage(usage, 'a', { inputTokens: 10, cachedInputTokens: 4, outputTokens: 2 }, 0.5);
    addCallUsage(usage, 'b', { inputTokens: 5, cachedInputTokens: 0, outputTokens: 1 }, undefined);
    addCallUsage(usage, 'a', undefined, undefined);
    assert.deepEqual(
      { ...usage, byModel: undefined },
      { inputTokens: 15, outputTokens: 3, cachedInputTokens: 4, requests: 3, costUsd: 0.5, byModel: undefined },
    );
    assert.deepEqual(usage.byModel.a, { inputTokens: 10, outputTokens: 2, cachedInputTokens: 4, requests: 2, costUsd: 0.5 });
    assert.equal(usage.byModel.b!.requests, 1);
  });
});
