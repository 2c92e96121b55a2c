// @hotpath/sdk/pricing: the token price table and cost formula shared by the SDK and the collector.
export { costOf, defaultPricing, priceOf } from './model-pricing.ts';
export type { ModelPrice, PricingTable, TokenCounts } from './model-pricing.ts';
