// Latency and capability profiles of the simulated models. Every default figure below is taken from published
// measurements of hosted models, so that no benchmark can win against an inflated penalty:
//
// - Time to first token of a short prompt (`requestLatencyMs`): Artificial Analysis and Vercel AI Gateway report
//   medians of roughly 0.4–0.6 s for GPT-4.1. The small model of a routing set-up is the smallest tier, modelled on
//   GPT-4.1 nano: 176 ms time to first token measured in a 2,000-call benchmark. We take 500 ms (large) and
//   176 ms (small).
// - Decode speed (`outputTokensPerSecond`): GPT-4.1 measures 65–110 tokens/s (OpenAI community `tacho` runs:
//   67.6 tokens/s; Artificial Analysis around 100); GPT-4.1 nano ≈ 180 tokens/s (Artificial Analysis). We take
//   80 (large) and 180 (small).
// - Prefill (`prefillMsPerToken`): OpenAI's "Prompt Caching 201" cookbook measured a 7 % time-to-first-token gain
//   from caching a 1,024-token prompt and 67 % at 150k tokens; 0.05 ms per uncached token (20k tokens/s) with
//   cached tokens at a quarter of that cost (`cachedPrefillFactor`) reproduces both figures on top of a 500 ms
//   base. Small models prefill about 2.5× faster.
// - Together a typical agent step (1,500 prompt tokens, 40 output tokens) costs 1.06 s on `sim-large` and
//   0.42 s on `sim-small`: the small model is 2.5× faster, the low end of the 2–5× the seed articles give.
// - Prompt caching (`promptCache`): OpenAI caches prompts of 1,024 tokens or more, in 128-token increments,
//   for 5–10 minutes of inactivity (OpenAI prompt caching guide).

/** How strong a model's reasoning is: a `weak` model fails tasks the workload marks hard. */
export type ModelStrength = 'strong' | 'weak';

/** How a simulated model spends time and how well it reasons. All times are before `latencyScale`. */
export interface ModelProfile {
  /** The model id clients send in `model` and see in `GET /v1/models`. */
  id: string;
  strength: ModelStrength;
  /** Fixed per-request cost: queueing, routing, safety checks; the time to first token of a tiny cached prompt. */
  requestLatencyMs: number;
  /** Prefill time per uncached input token. */
  prefillMsPerToken: number;
  /** Cost of a cached input token as a fraction of an uncached one (reading the prefix's KV cache is not free). */
  cachedPrefillFactor: number;
  /** Decode speed: output tokens are streamed at this pace. */
  outputTokensPerSecond: number;
  /** Largest output the model produces when the request sets no `max_tokens`. */
  maxOutputTokens: number;
}

/** OpenAI-style automatic prefix caching. */
export interface PromptCacheOptions {
  /** Prompts shorter than this are never cached (OpenAI: 1,024). */
  minimumTokens: number;
  /** Cache hits come in whole blocks of this many tokens (OpenAI: 128). */
  blockTokens: number;
  /** Blocks remembered per model, least recently used evicted first. */
  maxBlocks: number;
  /** Idle time after which a block is forgotten (OpenAI: 5–10 minutes). */
  ttlMs: number;
}

/** The big, slow, strong model (after a GPT-4.1-class hosted model). */
export const SIM_LARGE: ModelProfile = {
  id: 'sim-large',
  strength: 'strong',
  requestLatencyMs: 500,
  prefillMsPerToken: 0.05,
  cachedPrefillFactor: 0.25,
  outputTokensPerSecond: 80,
  maxOutputTokens: 4096,
};

/** The small, fast, weaker model (after GPT-4.1 nano, the smallest hosted tier). */
export const SIM_SMALL: ModelProfile = {
  id: 'sim-small',
  strength: 'weak',
  requestLatencyMs: 176,
  prefillMsPerToken: 0.02,
  cachedPrefillFactor: 0.25,
  outputTokensPerSecond: 180,
  maxOutputTokens: 4096,
};

/**
 * Checks a profile's figures, returning it unchanged, so a typo cannot produce negative or infinite waits.
 *
 * @example
 * validateProfile({ ...SIM_SMALL, id: 'sim-tiny', outputTokensPerSecond: 400 });
 */
export function validateProfile(profile: ModelProfile): ModelProfile {
  const problem =
    typeof profile.id !== 'string' || profile.id === ''
      ? 'id must be a non-empty string'
      : profile.strength !== 'strong' && profile.strength !== 'weak'
        ? "strength must be 'strong' or 'weak'"
        : !(profile.outputTokensPerSecond > 0) || !Number.isFinite(profile.outputTokensPerSecond)
          ? 'outputTokensPerSecond must be a finite number > 0'
          : !(profile.cachedPrefillFactor >= 0 && profile.cachedPrefillFactor <= 1)
            ? 'cachedPrefillFactor must be between 0 and 1'
            : !Number.isInteger(profile.maxOutputTokens) || profile.maxOutputTokens < 1
              ? 'maxOutputTokens must be a positive integer'
              : [profile.requestLatencyMs, profile.prefillMsPerToken].some((value) => !(value >= 0) || !Number.isFinite(value))
                ? 'requestLatencyMs and prefillMsPerToken must be finite numbers ≥ 0'
                : undefined;
  if (problem) throw new RangeError(`model profile '${String(profile.id)}': ${problem}`);
  return profile;
}

/** The profiles a server serves when none are given. */
export const DEFAULT_PROFILES: readonly ModelProfile[] = [SIM_LARGE, SIM_SMALL];

/** A new connection's TCP + TLS set-up: the seed articles give 50–200 ms; we charge 100 ms once per socket. */
export const DEFAULT_CONNECTION_SETUP_MS = 100;

export const DEFAULT_PROMPT_CACHE: PromptCacheOptions = {
  minimumTokens: 1024,
  blockTokens: 128,
  maxBlocks: 50_000,
  ttlMs: 10 * 60_000,
};
