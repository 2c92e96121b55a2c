// `anthropic()`: the ModelProvider for Anthropic's Messages API, on the same pooled HTTP client, retry loop and
// conformance suite as `openaiCompatible()`, with prompt-cache breakpoints on the stable prefix.
import { toMessagesBody, type CacheBreakpoints } from './anthropic-messages-request.ts';
import { AnthropicMessageReader } from './anthropic-messages-response.ts';
import { httpModelCall } from './http-model-call.ts';
import type { ModelCallOptions, ModelProvider, ModelRequest, ModelStreamEvent, RetryPolicy } from './model-provider.ts';
import { httpTuning, ModelHttpClient, type ModelHttpTuning } from './model-http-client.ts';
import { ProviderConfigurationError } from './provider-errors.ts';
import { DEFAULT_RETRY_POLICY, resolveRetryPolicy } from './retry-policy.ts';
import { retryingStream } from './retrying-stream.ts';

export interface AnthropicOptions extends ModelHttpTuning {
  /** Sent as `x-api-key`. */
  apiKey: string;
  /** Default `https://api.anthropic.com/v1`; `/messages` is appended. */
  baseURL?: string;
  /** Extra headers, e.g. `anthropic-beta`. */
  headers?: Record<string, string>;
  /** Default `2023-06-01`. */
  apiVersion?: string;
  /** `max_tokens` is required by the API; used when a request sets no `maxOutputTokens`. Default 4096. */
  defaultMaxTokens?: number;
  /** Where `cache_control` breakpoints go; default `prefix-and-history`. */
  cacheBreakpoints?: CacheBreakpoints;
  /** Retry policy when a call's options do not give one; default two retries, 0.5 s to 8 s. */
  retry?: RetryPolicy | false;
}

/**
 * A model provider for Anthropic's Messages API.
 *
 * @example
 * const provider = anthropic({ apiKey: process.env.ANTHROPIC_API_KEY! });
 * for await (const event of provider.stream({ model: 'claude-sonnet-4-5', messages, tools, stream: true })) { … }
 */
export function anthropic(options: AnthropicOptions): ModelProvider {
  if (typeof options.apiKey !== 'string' || options.apiKey === '') {
    throw new ProviderConfigurationError('anthropic() needs an apiKey');
  }
  const defaultMaxTokens = options.defaultMaxTokens ?? 4096;
  if (!Number.isInteger(defaultMaxTokens) || defaultMaxTokens < 1) {
    throw new ProviderConfigurationError(`defaultMaxTokens must be a positive integer, got ${String(defaultMaxTokens)}`);
  }
  const http = new ModelHttpClient({
    ...httpTuning(options),
    baseURL: options.baseURL ?? 'https://api.anthropic.com/v1',
    headers: {
      accept: 'application/json, text/event-stream',
      'x-api-key': options.apiKey,
      'anthropic-version': options.apiVersion ?? '2023-06-01',
      ...options.headers,
    },
  });
  const bodyOptions = { defaultMaxTokens, cacheBreakpoints: options.cacheBreakpoints ?? 'prefix-and-history' } as const;
  const defaultRetry = resolveRetryPolicy(options.retry, DEFAULT_RETRY_POLICY);
  return {
    specificationVersion: 'v1',
    provider: 'anthropic',
    stream(request: ModelRequest, call: ModelCallOptions = {}): AsyncIterable<ModelStreamEvent> {
      const policy = resolveRetryPolicy(call.retry, defaultRetry);
      const body = toMessagesBody(request, bodyOptions);
      return retryingStream(
        (retries) => httpModelCall({ http, path: '/messages', body, call, retries, reader: new AnthropicMessageReader() }),
        policy,
        call.signal,
      );
    },
    close: () => http.close(),
  };
}
