// The derived, indexed columns of one span (docs/spans.md): who ran it (service, agent), what it was (operation,
// provider, model, tool), what it used (tokens, cost), and Hotpath's facts (cache hit, route, simulated).
import type { Attributes, DecodedSpan } from '../otlp/otlp-types.ts';
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
  /** Its tokens count towards spend: a model call, never an agent span carrying run totals. */
  isModelCall: boolean;
  cacheHit: 'hit' | 'miss' | 'shared' | 'off' | null;
  savedMs: number | null;
  routeModel: string | null;
  routeRule: string | null;
  errorType: string | null;
  simulated: boolean;
}

/** Operations whose spans aggregate other spans (their token attributes are totals, not calls). */
const aggregateOperations = new Set(['invoke_agent', 'create_agent', 'execute_tool', 'invoke_workflow']);
const cacheOutcomes = new Set(['hit', 'miss', 'shared', 'off']);

/**
 * Derives the query columns of a span from its attributes and its resource's attributes.
 *
 * @example
 * deriveSpan(span, { 'service.name': 'support' }, defaultPricing).model; // 'gpt-4.1-mini'
 */
export function deriveSpan(span: DecodedSpan, resourceAttributes: Attributes, pricing: PricingTable): DerivedColumns {
  const attributes = span.attributes;
  const operation = text(attributes['gen_ai.operation.name']);
  const provider = text(attributes['gen_ai.provider.name']) ?? text(attributes['gen_ai.system']);
  const model = text(attributes['gen_ai.response.model']) ?? text(attributes['gen_ai.request.model']);
  const usage = tokenUsageOf(attributes, provider, model);
  const hasTokens = usage.inputTokens !== null || usage.outputTokens !== null;
  const isModelCall = hasTokens && (operation === null ? !span.name.startsWith('invoke_agent') : !aggregateOperations.has(operation));
  const price = isModelCall && model !== null ? priceOf(pricing, model) : undefined;
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
    agent: text(attributes['gen_ai.agent.name']),
    toolName: text(attributes['gen_ai.tool.name']),
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

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : null;
}

function finite(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}
