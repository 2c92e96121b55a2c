// Checks the numbers a Runner is configured with, so a typo (a negative budget, a price given as a string) fails at
// construction with a clear message instead of silently never or always firing.
import type { Budgets } from './run-context.ts';
import { RunInputError } from './run-errors.ts';
import { defaultPricing } from '../pricing/model-pricing.ts';
import type { Pricing } from './run-usage.ts';

const BUDGET_KEYS = ['maxOutputTokensPerCall', 'maxTokens', 'maxCostUsd', 'maxWallTimeMs'] as const;

/**
 * Returns a copy of `budgets`, or throws a RunInputError.
 *
 * @example
 * validateBudgets({ maxTokens: 50_000, maxWallTimeMs: 30_000 })
 */
export function validateBudgets(budgets: Budgets | undefined): Budgets {
  if (budgets === undefined) return {};
  if (typeof budgets !== 'object' || budgets === null) throw new RunInputError('budgets must be an object.');
  for (const [key, value] of Object.entries(budgets)) {
    if (!(BUDGET_KEYS as readonly string[]).includes(key)) {
      throw new RunInputError(`Unknown budget "${key}"; expected ${BUDGET_KEYS.join(', ')}.`);
    }
    if (value !== undefined && !(typeof value === 'number' && value > 0 && Number.isFinite(value))) {
      throw new RunInputError(`budgets.${key} must be a positive number, got ${String(value)}.`);
    }
  }
  return { ...budgets };
}

/**
 * The Runner's price table: the built-in one (@hotpath/sdk/pricing, which the collector also prices with) with
 * `pricing` laid over it, when every given price is a finite number ≥ 0; else throws a RunInputError.
 *
 * @example
 * validatePricing({ 'my-model': { input: 0.4, cachedInput: 0.1, output: 1.6 } })
 */
export function validatePricing(pricing: Pricing | undefined): Pricing {
  if (pricing === undefined) return defaultPricing;
  if (typeof pricing !== 'object' || pricing === null) throw new RunInputError('pricing must be an object keyed by model.');
  for (const [model, price] of Object.entries(pricing)) {
    for (const key of ['input', 'cachedInput', 'output', 'cacheWrite'] as const) {
      const value = price?.[key];
      if (value === undefined && key === 'cacheWrite') continue;
      if (!(typeof value === 'number' && value >= 0 && Number.isFinite(value))) {
        throw new RunInputError(`pricing["${model}"].${key} must be a number ≥ 0 (USD per million tokens), got ${String(value)}.`);
      }
    }
  }
  return { ...defaultPricing, ...pricing };
}
