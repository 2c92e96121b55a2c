// Token prices per model for the collector's cost columns: the SDK's table and cost formula (@hotpath/sdk/pricing,
// the one source the SDK's RunResult.usage.costUsd also uses), checked, with a user's pricing file laid over it.
// The caller passes input tokens that *include* cached reads and writes (token-usage.ts normalises every sender to
// that).
import { readFileSync } from 'node:fs';
import { defaultPricing as sharedPricing, type ModelPrice, type PricingTable } from '@hotpath/sdk/pricing';
import { CollectorError } from '../errors.ts';

export { costOf, priceOf } from '@hotpath/sdk/pricing';
export type { ModelPrice, PricingTable, TokenCounts } from '@hotpath/sdk/pricing';

/** The built-in table (the SDK's sdk/src/pricing/default-pricing.json), checked. */
export const defaultPricing: PricingTable = validatePricing(sharedPricing, '@hotpath/sdk/pricing');

/**
 * Reads a pricing file (`{ "models": { "<model>": { input, cachedInput, output, cacheWrite? } } }`) and lays it
 * over the defaults, so a user file only needs the models it adds or changes.
 *
 * @example
 * const pricing = loadPricingFile('/etc/hotpath/pricing.json');
 */
export function loadPricingFile(path: string): PricingTable {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CollectorError('bad_request', `cannot read pricing file ${path}: ${(error as Error).message}`, {
      cause: error,
    });
  }
  const models = (parsed as { models?: unknown } | null)?.models;
  return { ...defaultPricing, ...validatePricing(models, path) };
}

/**
 * Checks a pricing table's shape, so a typo fails at start rather than as a wrong bill.
 *
 * @example
 * validatePricing({ 'my-model': { input: 1, cachedInput: 0.1, output: 2 } }, 'options.pricing');
 */
export function validatePricing(models: unknown, source: string): PricingTable {
  if (typeof models !== 'object' || models === null || Array.isArray(models)) {
    throw new CollectorError('bad_request', `${source}: expected "models" to be an object of model → price`);
  }
  const table: PricingTable = {};
  for (const [model, price] of Object.entries(models)) {
    const candidate = price as Partial<Record<keyof ModelPrice, unknown>>;
    for (const key of ['input', 'cachedInput', 'output'] as const) {
      if (typeof candidate?.[key] !== 'number' || !((candidate[key] as number) >= 0)) {
        throw new CollectorError('bad_request', `${source}: models["${model}"].${key} must be a number ≥ 0`);
      }
    }
    if (candidate.cacheWrite !== undefined && !(typeof candidate.cacheWrite === 'number' && candidate.cacheWrite >= 0)) {
      throw new CollectorError('bad_request', `${source}: models["${model}"].cacheWrite must be a number ≥ 0`);
    }
    table[model] = price as ModelPrice;
  }
  return table;
}
