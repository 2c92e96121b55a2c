// Token usage of a span, read from the current and the older GenAI attribute names and from every other convention
// the collector understands (conventions/, docs/spans.md), normalised so `inputTokens` always includes cached tokens.
//
// How the two conventions are reconciled: the current conventions (and Hotpath's SDK) report
// `gen_ai.usage.input_tokens` *including* cache reads and writes (OpenAI's convention). Anthropic's API reports
// them *beside* input tokens, and older instrumentations copy that through the older keys
// (`gen_ai.usage.prompt_tokens`, `gen_ai.usage.cache_read_input_tokens`, `gen_ai.usage.cache_creation_input_tokens`).
// So input is taken as *excluding* cached tokens, and the cached ones are added, when either
//   - the provider is Anthropic-like (`anthropic`, or `aws.bedrock` / `gcp.vertex_ai` with a Claude model) and
//     the input count came from an older key that copied Anthropic's count (`inputBesideCache` of a convention), or
//   - the cached tokens exceed the input count, which is impossible when input includes them.
// Otherwise input is taken as including them. Cost then prices each token once (pricing.ts).
import type { Attributes } from '../otlp/otlp-types.ts';
import { tokenKeys } from './conventions/read-conventions.ts';

export interface TokenUsage {
  inputTokens: number | null;
  outputTokens: number | null;
  cachedInputTokens: number | null;
  cacheCreationInputTokens: number | null;
}

const inputBesideCache = new Set(tokenKeys.inputBesideCache);

/**
 * Reads and normalises a span's token usage.
 *
 * @example
 * tokenUsageOf({ 'gen_ai.system': 'anthropic', 'gen_ai.usage.prompt_tokens': 100, 'gen_ai.usage.cache_read_input_tokens': 900 }, 'anthropic', 'claude-sonnet-4');
 * // → { inputTokens: 1000, cachedInputTokens: 900, … }
 */
export function tokenUsageOf(attributes: Attributes, provider: string | null, model: string | null): TokenUsage {
  const input = firstCount(attributes, tokenKeys.input);
  const output = firstCount(attributes, tokenKeys.output);
  const cacheRead = firstCount(attributes, tokenKeys.cacheRead);
  const cacheCreation = firstCount(attributes, tokenKeys.cacheCreation);
  let inputTokens = input.value;
  const cached = (cacheRead.value ?? 0) + (cacheCreation.value ?? 0);
  if (inputTokens !== null && cached > 0) {
    const besideCache = input.key !== undefined && inputBesideCache.has(input.key);
    if ((besideCache && isAnthropicLike(provider, model)) || cached > inputTokens) inputTokens += cached;
  }
  return {
    inputTokens,
    outputTokens: output.value,
    cachedInputTokens: cacheRead.value,
    cacheCreationInputTokens: cacheCreation.value,
  };
}

function isAnthropicLike(provider: string | null, model: string | null): boolean {
  if (provider === 'anthropic') return true;
  return (provider === 'aws.bedrock' || provider === 'gcp.vertex_ai') && model !== null && model.includes('claude');
}

function firstCount(attributes: Attributes, keys: readonly string[]): { value: number | null; key: string | undefined } {
  for (const key of keys) {
    const value = attributes[key];
    const count = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
    if (typeof count === 'number' && Number.isFinite(count) && count >= 0) return { value: Math.round(count), key };
  }
  return { value: null, key: undefined };
}
