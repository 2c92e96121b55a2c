// `openaiCompatible()`: the ModelProvider for any OpenAI Chat Completions server (OpenAI, vLLM, Ollama,
// llama.cpp's server, Hotpath's simulated server). One pooled keep-alive connection set per provider instance,
// SSE parsed as it arrives, tool calls announced the moment their arguments are complete, retries that never
// replay output.
import type { ModelCallOptions, ModelProvider, ModelRequest, ModelStreamEvent, RetryPolicy } from './model-provider.ts';
import { httpModelCall } from './http-model-call.ts';
import { httpTuning, ModelHttpClient, type ModelHttpTuning } from './model-http-client.ts';
import { toChatCompletionsBody, type MaxTokensField } from './openai-chat-request.ts';
import { ChatCompletionReader } from './openai-chat-response.ts';
import { DEFAULT_RETRY_POLICY, resolveRetryPolicy } from './retry-policy.ts';
import { retryingStream } from './retrying-stream.ts';

export interface OpenAICompatibleOptions extends ModelHttpTuning {
  /** The API root, `/chat/completions` is appended: `https://api.openai.com/v1`, `http://localhost:11434/v1`, … */
  baseURL: string;
  /** Sent as `Authorization: Bearer …`; local servers usually need none. */
  apiKey?: string;
  /** Extra headers on every request (`OpenAI-Organization`, `OpenAI-Project`, a gateway's key, …). */
  headers?: Record<string, string>;
  /** `gen_ai.provider.name` for spans; default `openai`. Use e.g. `vllm` or `ollama` when you know better. */
  name?: string;
  /**
   * Where `maxOutputTokens` goes. Default: `max_completion_tokens` for api.openai.com (its reasoning models refuse
   * `max_tokens`), `max_tokens` everywhere else (what vLLM, Ollama and llama.cpp have always understood).
   */
  maxTokensField?: MaxTokensField;
  /**
   * Send `stream_options: { include_usage: true }` so the last chunk carries usage; default true. A server that
   * rejects the field (some older gateways answer 400 "unrecognized field") needs `false`, and then reports no
   * usage while streaming (counts are 0).
   */
  includeStreamUsage?: boolean;
  /** Retry policy when a call's options do not give one; default two retries, 0.5 s to 8 s. */
  retry?: RetryPolicy | false;
}

/**
 * A model provider for OpenAI's Chat Completions API and the servers that copy it.
 *
 * @example
 * const provider = openaiCompatible({ baseURL: 'https://api.openai.com/v1', apiKey: process.env.OPENAI_API_KEY });
 * for await (const event of provider.stream({ model: 'gpt-4.1-mini', messages, tools: [], stream: true })) {
 *   if (event.type === 'text-delta') process.stdout.write(event.delta);
 * }
 * await provider.close();
 */
export function openaiCompatible(options: OpenAICompatibleOptions): ModelProvider {
  const http = new ModelHttpClient({
    baseURL: options.baseURL,
    headers: {
      accept: 'application/json, text/event-stream',
      ...(options.apiKey !== undefined && options.apiKey !== '' ? { authorization: `Bearer ${options.apiKey}` } : {}),
      ...options.headers,
    },
    ...httpTuning(options),
  });
  const requestOptions = {
    maxTokensField: options.maxTokensField ?? (http.serverAddress === 'api.openai.com' ? 'max_completion_tokens' : 'max_tokens'),
    includeStreamUsage: options.includeStreamUsage ?? true,
  } as const;
  const defaultRetry = resolveRetryPolicy(options.retry, DEFAULT_RETRY_POLICY);

  return {
    specificationVersion: 'v1',
    provider: options.name ?? 'openai',
    stream(request: ModelRequest, call: ModelCallOptions = {}): AsyncIterable<ModelStreamEvent> {
      const policy = resolveRetryPolicy(call.retry, defaultRetry);
      const body = toChatCompletionsBody(request, requestOptions);
      return retryingStream(
        (retries) => httpModelCall({ http, path: '/chat/completions', body, call, retries, reader: new ChatCompletionReader() }),
        policy,
        call.signal,
      );
    },
    close: () => http.close(),
  };
}
