// Token prices per model and the cost of one model call: the one table and the one formula both the SDK
// (`RunResult.usage.costUsd`, the cost budget) and the collector (the dashboard's cost figures) use, so the two
// never disagree. Pure and dependency-free: `@hotpath/sdk/pricing` pulls in nothing else. Cached tokens are priced
// once: input tokens *include* cached reads and writes, and the cost splits them into uncached, cache-read and
// cache-write parts.
import defaultPricingFile from './default-pricing.json' with { type: 'json' };

/** USD per million tokens. */
export interface ModelPrice {
  input: number;
  /** Cache reads. */
  cachedInput: number;
  output: number;
  /** Cache creation; defaults to `input`. */
  cacheWrite?: number;
}

/** Model name → price. Lookup is exact first, then the longest known prefix (`gpt-4.1-mini-2025-04-14` → `gpt-4.1-mini`). */
export type PricingTable = Record<string, ModelPrice>;

/** The built-in table (src/pricing/default-pricing.json): the simulated models, OpenAI's and Anthropic's list prices. */
export const defaultPricing: PricingTable = defaultPricingFile.models;

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
