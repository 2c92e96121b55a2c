// Facts about an OpenAI API call, read from its JSON (usage, finish reason, the simulated server's mark) and its
// base URL (server address), for Chat Completions and Responses alike; shared by the `openai` client
// instrumentation and the @openai/agents tracing processor.
import type { TokenCounts } from '../../telemetry/chat-attributes.ts';

type Json = Record<string, any>;

/** The simulated model server's `system_fingerprint` (simulator/README.md); a hosted model never sends it. */
export const SIMULATED_FINGERPRINT = 'hotpath-simulated';

/**
 * A token count, or undefined for anything that is not one.
 *
 * @example
 * count(12); // 12
 */
export const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

/**
 * Chat Completions usage (`prompt_tokens`, …) and Responses usage (`input_tokens`, …) alike; input includes cached.
 *
 * @example
 * tokenCounts({ prompt_tokens: 1200, completion_tokens: 40, prompt_tokens_details: { cached_tokens: 1024 } });
 */
export function tokenCounts(usage: unknown): TokenCounts | undefined {
  if (typeof usage !== 'object' || usage === null) return undefined;
  const u = usage as Json;
  const inputTokens = count(u.prompt_tokens) ?? count(u.input_tokens);
  const outputTokens = count(u.completion_tokens) ?? count(u.output_tokens);
  if (inputTokens === undefined || outputTokens === undefined) return undefined;
  const inputDetails = (u.prompt_tokens_details ?? u.input_tokens_details ?? {}) as Json;
  const outputDetails = (u.completion_tokens_details ?? u.output_tokens_details ?? {}) as Json;
  const counts: TokenCounts = { inputTokens, outputTokens, cachedInputTokens: count(inputDetails.cached_tokens) ?? 0 };
  const reasoning = count(outputDetails.reasoning_tokens);
  if (reasoning !== undefined && reasoning > 0) counts.reasoningOutputTokens = reasoning;
  return counts;
}

/**
 * The Responses API has a status, not a finish reason: map it onto the Chat Completions names.
 *
 * @example
 * responsesFinishReason({ status: 'incomplete', incomplete_details: { reason: 'max_output_tokens' } }); // 'length'
 */
export function responsesFinishReason(response: Json): string {
  if (response.status === 'incomplete') {
    const reason = response.incomplete_details?.reason;
    return reason === 'max_output_tokens' ? 'length' : typeof reason === 'string' ? reason : 'incomplete';
  }
  if (response.status === 'failed') return 'error';
  const calls = Array.isArray(response.output) && response.output.some((item: Json) => item?.type === 'function_call');
  return calls ? 'tool_calls' : 'stop';
}


/**
 * `server.address` and `server.port` of a base URL (the scheme's default port when none is given).
 *
 * @example
 * serverOf('http://127.0.0.1:8787/v1'); // { serverAddress: '127.0.0.1', serverPort: 8787 }
 */
export function serverOf(baseURL: unknown): { serverAddress?: string; serverPort?: number } {
  if (typeof baseURL !== 'string') return {};
  try {
    const url = new URL(baseURL);
    const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
    return { serverAddress: url.hostname, serverPort: port };
  } catch {
    return {};
  }
}
