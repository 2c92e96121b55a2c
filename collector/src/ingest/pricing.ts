// Token prices per model and the cost of one model call. Cached tokens are priced once: the caller passes input
// tokens that *include* cached reads and writes (token-usage.ts normalises every sender to that), and the cost
// splits them into uncached, cache-read and cache-write parts.
import { readFileSync } from 'node:fs';
import { CollectorError } from '../errors.ts';
import defaultPricingFile from './default-pricing.json' with { type: 'json' };

/** USD per million tokens. */
export interface ModelPrice {
  input: number;
  cachedInput: number;
  output: number;
  /** Cache creation; defaults to `input`. */
  cacheWrite?: number;
}

/** Model name → price. Lookup is exact first, then the longest known prefix (`gpt-4.1-mini-2025-04-14` → `gpt-4.1-mini`). */
export type PricingTable = Record<string, ModelPrice>;

/** The built-in table (src/ingest/default-pricing.json). */
export const defaultPricing: PricingTable = validatePricing(defaultPricingFile.models, 'default-pricing.json');

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

/**
 * Finds a model's price: exact name, else the longest table key the name starts with.
 *
 * @example
 * priceOf(defaultPricing, 'gpt-4.1-mini-2025-04-14'); // → the gpt-4.1-mini price
 */
export function priceOf(pricing: PricingTable, model: string): ModelPrice | undefined {
  const exact = pricing[model];
  if (exact) return exact;
  let best: string | undefined;
  for (const key of Object.keys(pricing)) {
    if (model.startsWith(key) && (best === undefined || key.length > best.length)) best = key;
  }
  return best === undefined ? undefined : pricing[best];
}

export interface TokenCounts {
  /** All input tokens, cached reads and cache writes included. */
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheCreationInputTokens: number;
}

/**
 * USD cost of one model call.
 *
 * @example
 * costOf({ input: 2, cachedInput: 0.5, output: 8 }, { inputTokens: 1000, cachedInputTokens: 400, cacheCreationInputTokens: 0, outputTokens: 100 });
 * // → (600 × 2 + 400 × 0.5 + 100 × 8) / 1e6 = 0.0022
 */
export function costOf(price: ModelPrice, tokens: TokenCounts): number {
  const uncached = Math.max(0, tokens.inputTokens - tokens.cachedInputTokens - tokens.cacheCreationInputTokens);
  return (
    (uncached * price.input +
      tokens.cachedInputTokens * price.cachedInput +
      tokens.cacheCreationInputTokens * (price.cacheWrite ?? price.input) +
      tokens.outputTokens * price.output) /
    1_000_000
  );
}
