// Usage accounting: totals and a per-model breakdown, with cost from the price table the collector also uses.
// Input tokens include cached ones (OpenAI convention); cached tokens are priced at the cached rate and never
// counted twice.
import type { ModelUsage } from '../provider/model-provider.ts';
import { costOf, priceOf, type PricingTable } from '../pricing/model-pricing.ts';
import type { ModelUsageTotals, RunUsage } from './run-events.ts';

/**
 * Prices by model name (the request model, or the response model when only that one is listed), laid over the
 * built-in table that the collector prices the dashboard's figures with (@hotpath/sdk/pricing).
 */
export type Pricing = PricingTable;

/** An empty usage record. */
export function emptyRunUsage(): RunUsage {
  return { ...emptyTotals(), byModel: {} };
}

function emptyTotals(): ModelUsageTotals {
  return { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, requests: 0, costUsd: 0 };
}

/**
 * The cost of one model call, or undefined when the price table does not know the model (exact name, else the
 * longest known prefix, as the collector looks it up).
 *
 * @example
 * callCost(defaultPricing, 'sim-small', { inputTokens: 1000, cachedInputTokens: 500, outputTokens: 100 }) // 0.00041
 */
export function callCost(pricing: Pricing, model: string, usage: ModelUsage): number | undefined {
  const price = priceOf(pricing, model);
  if (!price) return undefined;
  const cachedInputTokens = Math.min(usage.cachedInputTokens, usage.inputTokens);
  return costOf(price, {
    inputTokens: usage.inputTokens,
    cachedInputTokens,
    cacheCreationInputTokens: Math.min(usage.cacheWriteInputTokens ?? 0, usage.inputTokens - cachedInputTokens),
    outputTokens: usage.outputTokens,
  });
}

/** Adds one model call to a run's usage (mutates `total`). A failed call counts as a request with no tokens. */
export function addCallUsage(total: RunUsage, model: string, usage: ModelUsage | undefined, costUsd: number | undefined): void {
  const call: ModelUsageTotals = {
    inputTokens: usage?.inputTokens ?? 0,
    outputTokens: usage?.outputTokens ?? 0,
    cachedInputTokens: usage?.cachedInputTokens ?? 0,
    requests: 1,
    costUsd: costUsd ?? 0,
  };
  addTotals(total, call);
  addTotals((total.byModel[model] ??= emptyTotals()), call);
}

/**
 * Adds a sub-agent's run to its parent's usage (mutates `total`): the parent's totals and budgets then cover all
 * the work done for it, as a caller paying for the run expects.
 *
 * @example
 * addRunUsage(parentRun.usage, childResult.usage);
 */
export function addRunUsage(total: RunUsage, child: RunUsage): void {
  addTotals(total, child);
  for (const [model, usage] of Object.entries(child.byModel)) addTotals((total.byModel[model] ??= emptyTotals()), usage);
}

function addTotals(target: ModelUsageTotals, source: ModelUsageTotals): void {
  target.requests += source.requests;
  target.inputTokens += source.inputTokens;
  target.outputTokens += source.outputTokens;
  target.cachedInputTokens += source.cachedInputTokens;
  target.costUsd += source.costUsd;
}
