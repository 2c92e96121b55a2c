// When and how long to wait before trying a model call again: exponential backoff with full jitter (AWS
// architecture blog, "Exponential Backoff And Jitter"), and never sooner than the server's Retry-After.
import type { RetryPolicy } from './model-provider.ts';
import { ProviderConfigurationError } from './provider-errors.ts';

/** The OpenAI SDK's defaults: two retries, 0.5 s growing to at most 8 s. */
export const DEFAULT_RETRY_POLICY: Readonly<RetryPolicy> = Object.freeze({
  maxRetries: 2,
  initialDelayMs: 500,
  maxDelayMs: 8000,
});

/** HTTP statuses worth another try: request timeout, lock conflict, rate limit, and every server error. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Reads `retry-after-ms` (OpenAI, Azure) or `Retry-After` (delta seconds or an HTTP date) into milliseconds.
 * Returns `undefined` when neither is present or readable.
 *
 * @example
 * parseRetryAfter({ 'retry-after': '2' }); // 2000
 */
export function parseRetryAfter(
  headers: Record<string, string | string[] | undefined>,
  now: number = Date.now(),
): number | undefined {
  const ms = firstValue(headers['retry-after-ms']);
  if (ms !== undefined && /^\s*\d+(\.\d+)?\s*$/.test(ms)) return Number(ms);
  const value = firstValue(headers['retry-after'])?.trim();
  if (value === undefined || value === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * The wait before retry number `attempt` (1-based): a uniformly random time up to `initialDelayMs · 2^(attempt-1)`
 * capped at `maxDelayMs` (full jitter spreads a crowd of clients), or exactly the server's `Retry-After` when it
 * gave one. Returns `undefined` when the server asks for a longer wait than the policy allows: better to fail now
 * with that fact than to hammer the server early.
 */
export function retryDelayMs(
  attempt: number,
  policy: RetryPolicy,
  retryAfterMs: number | undefined,
  random: () => number = Math.random,
): number | undefined {
  if (retryAfterMs !== undefined) return retryAfterMs <= policy.maxDelayMs ? retryAfterMs : undefined;
  const ceiling = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** (attempt - 1));
  return Math.floor(random() * ceiling);
}

/** The policy to use: `given` when set (validated), else `fallback`; `false` disables retries. */
export function resolveRetryPolicy(
  given: RetryPolicy | false | undefined,
  fallback: RetryPolicy | false,
): RetryPolicy | false {
  return given === undefined ? fallback : given === false ? false : validateRetryPolicy(given);
}

/** Throws a clear error for a policy that cannot work (negative, not a number). */
export function validateRetryPolicy(policy: RetryPolicy): RetryPolicy {
  for (const key of ['maxRetries', 'initialDelayMs', 'maxDelayMs'] as const) {
    const value = policy[key];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      throw new ProviderConfigurationError(`retry.${key} must be a finite number ≥ 0, got ${String(value)}`);
    }
  }
  return policy;
}

function firstValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
