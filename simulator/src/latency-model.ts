// The latency model: how long a simulated request takes, computed up front from the profile, the prompt's cached
// and uncached tokens and whether the request opened a new connection. The server then spends exactly this time
// on real timers; tests assert on these computed figures instead of on wall-clock time.
import type { ModelProfile } from './model-profile.ts';

export interface LatencyInput {
  profile: ModelProfile;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  /** The first request on a new TCP connection pays the (simulated) TLS set-up. */
  newConnection: boolean;
  connectionSetupMs: number;
  /** Multiplies every duration: 1 for benchmarks, small values for fast tests. */
  latencyScale: number;
}

/** Computed durations of one request, in milliseconds, already scaled. */
export interface LatencyBreakdown {
  connectionSetupMs: number;
  requestMs: number;
  /** Prefill of the uncached input tokens. */
  prefillMs: number;
  /** Prefill of the cached input tokens (at the profile's discount). */
  cachedPrefillMs: number;
  /** Sum of the above: when the first output token is due. */
  timeToFirstTokenMs: number;
  decodeMsPerToken: number;
  /** `timeToFirstTokenMs` plus every output token after the first. */
  totalMs: number;
}

/**
 * Computes how long a request takes.
 *
 * @example
 * computeLatency({ profile: SIM_LARGE, inputTokens: 1500, cachedInputTokens: 0, outputTokens: 40,
 *   newConnection: false, connectionSetupMs: 100, latencyScale: 1 }).totalMs; // ≈ 1062.5
 */
export function computeLatency(input: LatencyInput): LatencyBreakdown {
  const { profile, latencyScale: scale } = input;
  const uncached = Math.max(0, input.inputTokens - input.cachedInputTokens);
  const connectionSetupMs = input.newConnection ? input.connectionSetupMs * scale : 0;
  const requestMs = profile.requestLatencyMs * scale;
  const prefillMs = uncached * profile.prefillMsPerToken * scale;
  const cachedPrefillMs = input.cachedInputTokens * profile.prefillMsPerToken * profile.cachedPrefillFactor * scale;
  const timeToFirstTokenMs = connectionSetupMs + requestMs + prefillMs + cachedPrefillMs;
  const decodeMsPerToken = (1000 / profile.outputTokensPerSecond) * scale;
  const totalMs = timeToFirstTokenMs + Math.max(0, input.outputTokens - 1) * decodeMsPerToken;
  return { connectionSetupMs, requestMs, prefillMs, cachedPrefillMs, timeToFirstTokenMs, decodeMsPerToken, totalMs };
}
