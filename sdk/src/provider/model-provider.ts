// The one small interface every model provider implements (openaiCompatible, anthropic, the scripted test model).
// Provider specifics go in `providerOptions`; the runner only ever sees this stream of events.
import type { Message, ToolCall } from '../messages.ts';

/** A tool as the model sees it: name, description and a JSON Schema for its arguments. */
export interface ToolSpec {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export interface ModelRequest {
  model: string;
  messages: Message[];
  tools: ToolSpec[];
  /** `undefined` leaves the provider's default (OpenAI: true). */
  parallelToolCalls?: boolean;
  toolChoice?: 'auto' | 'none' | 'required';
  maxOutputTokens?: number;
  temperature?: number;
  /** Stream the response (SSE). When false the provider still yields events, all at the end. */
  stream: boolean;
  providerOptions?: Record<string, unknown>;
}

export interface ModelUsage {
  /** All input tokens, cached ones included (OpenAI convention). */
  inputTokens: number;
  outputTokens: number;
  /** Input tokens served from the provider's prefix cache (a subset of inputTokens). */
  cachedInputTokens: number;
  /** Input tokens written to the provider's cache (Anthropic), a subset of inputTokens. */
  cacheWriteInputTokens?: number;
  reasoningOutputTokens?: number;
}

export type FinishReason = 'stop' | 'tool_calls' | 'length' | 'content_filter' | 'error' | 'other';

/** Facts about the HTTP exchange, for spans: whether the TCP/TLS connection was new or reused, retries taken. */
export interface TransportInfo {
  connection: 'new' | 'reused' | 'unknown';
  /** Retries taken before this response (0 when the first attempt succeeded). */
  retries: number;
  serverAddress?: string;
  serverPort?: number;
  /** The server declared itself a simulation (`x-hotpath-simulated: true` response header). */
  simulated?: boolean;
}

export type ModelStreamEvent =
  /** Headers received: the response has started. */
  | { type: 'response-start'; transport: TransportInfo; responseId?: string; responseModel?: string }
  | { type: 'text-delta'; delta: string }
  /** A piece of a tool call's arguments; `id` and `name` arrive with the first piece of each index. */
  | { type: 'tool-call-delta'; index: number; id?: string; name?: string; argumentsDelta: string }
  /** A tool call whose arguments are complete (emitted as early as the provider can tell, before `finish`). */
  | { type: 'tool-call'; index: number; toolCall: ToolCall }
  /** A retryable failure about to be retried (only before any output reached the caller). */
  | { type: 'retry'; attempt: number; delayMs: number; error: Error }
  | {
      type: 'finish';
      finishReason: FinishReason;
      usage: ModelUsage;
      responseModel?: string;
      responseId?: string;
      transport: TransportInfo;
    };

export interface RetryPolicy {
  /** Retries after the first attempt (0 disables). */
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

export interface ModelCallOptions {
  signal?: AbortSignal;
  /** Open a new connection for this call and close it afterwards (the naive baseline); default: pooled keep-alive. */
  freshConnection?: boolean;
  /** Retries on 429, 5xx and connection failures before any output reached the caller; `false` disables. */
  retry?: RetryPolicy | false;
}

/**
 * A model provider. `specificationVersion` lets the interface evolve without breaking older providers.
 *
 * @example
 * const provider = openaiCompatible({ baseURL: 'http://127.0.0.1:8787/v1', apiKey: 'sk-…' });
 * for await (const event of provider.stream({ model: 'gpt-4.1', messages, tools: [], stream: true })) { … }
 */
export interface ModelProvider {
  readonly specificationVersion: 'v1';
  /** `gen_ai.provider.name`: `openai`, `anthropic`, `hotpath.simulated`, … */
  readonly provider: string;
  stream(request: ModelRequest, options?: ModelCallOptions): AsyncIterable<ModelStreamEvent>;
  /** Releases pooled connections. */
  close?(): Promise<void>;
}
