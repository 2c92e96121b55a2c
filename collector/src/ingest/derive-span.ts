// The derived, indexed columns of one span (docs/spans.md): who ran it (service, agent), what it was (operation,
// provider, model, tool), what it used (tokens, cost), and Hotpath's facts (cache hit, route, simulated).
import type { Attributes, DecodedSpan } from '../otlp/otlp-types.ts';
import { readConventions } from './conventions/read-conventions.ts';
import { text } from './conventions/span-convention.ts';
import { costOf, priceOf, type PricingTable } from './pricing.ts';
import { tokenUsageOf, type TokenUsage } from './token-usage.ts';

export interface DerivedColumns extends TokenUsage {
  service: string | null;
  operation: string | null;
  provider: string | null;
  model: string | null;
  agent: string | null;
  toolName: string | null;
  costUsd: number | null;
  /**
   * A model call: its tokens and cost count towards spend, and its model towards the trace's models and request
   * count (also without token counts). Never an agent, workflow, tool or wrapper span carrying totals.
   */
  isModelCall: boolean;
  cacheHit: 'hit' | 'miss' | 'shared' | 'off' | null;
  savedMs: number | null;
  routeModel: string | null;
  routeRule: string | null;
  errorType: string | null;
  simulated: boolean;
}

const cacheOutcomes = new Set(['hit', 'miss', 'shared', 'off']);

/**
 * Derives the query columns of a span from its attributes and its resource's attributes.
 *
 * @example
 * deriveSpan(span, { 'service.name': 'support' }, defaultPricing).model; // 'gpt-4.1-mini'
 */
export function deriveSpan(span: DecodedSpan, resourceAttributes: Attributes, pricing: PricingTable): DerivedColumns {
  const attributes = span.attributes;
  const { operation, provider, model, agent, toolName, role } = readConventions(span.name, attributes);
  const usage = tokenUsageOf(attributes, provider, model);
  const hasTokens = usage.inputTokens !== null || usage.outputTokens !== null;
  // Without a convention's word on it, a span with tokens is a call unless it is named like an agent run.
  const isModelCall =
    role === 'model-call' ? model !== null || hasTokens : role === 'aggregate' ? false : hasTokens && !span.name.startsWith('invoke_agent');
  const price = isModelCall && hasTokens && model !== null ? priceOf(pricing, model) : undefined;
  const sentCost = finite(attributes['hotpath.usage.cost_usd']);
  const costUsd = price
    ? costOf(price, {
        inputTokens: usage.inputTokens ?? 0,
        outputTokens: usage.outputTokens ?? 0,
        cachedInputTokens: usage.cachedInputTokens ?? 0,
        cacheCreationInputTokens: usage.cacheCreationInputTokens ?? 0,
      })
    : sentCost;
  const cacheHit = text(attributes['hotpath.cache.hit']);
  return {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    cachedInputTokens: usage.cachedInputTokens,
    cacheCreationInputTokens: usage.cacheCreationInputTokens,
    service: text(resourceAttributes['service.name']),
    operation,
    provider,
    model,
    agent,
    toolName,
    costUsd,
    isModelCall,
    cacheHit: cacheHit !== null && cacheOutcomes.has(cacheHit) ? (cacheHit as DerivedColumns['cacheHit']) : null,
    savedMs: finite(attributes['hotpath.tool.saved_ms']),
    routeModel: text(attributes['hotpath.route.model']),
    routeRule: text(attributes['hotpath.route.rule']),
    errorType: text(attributes['error.type']) ?? (span.status.code === 2 ? exceptionType(span) : null),
    simulated: attributes['hotpath.simulated'] === true,
  };
}

function exceptionType(span: DecodedSpan): string | null {
  for (const event of span.events) {
    if (event.name === 'exception') return text(event.attributes['exception.type']);
  }
  return null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
