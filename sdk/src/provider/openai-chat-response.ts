// Reads Chat Completions responses, streamed chunks or one JSON body, into provider events, tolerating what
// OpenAI-compatible servers actually send: usage only in the last chunk or not at all, `finish_reason: "stop"`
// on a turn that called tools (Ollama, llama.cpp), tool calls without ids or with arguments as an object,
// `reasoning_content` deltas (not part of the answer, skipped).
import type { EventSourceMessage } from 'eventsource-parser';
import { parseEventJson, type ModelResponseReader } from './http-model-call.ts';
import type { FinishReason, ModelStreamEvent, ModelUsage, TransportInfo } from './model-provider.ts';
import { ProviderResponseError } from './provider-errors.ts';
import { ToolCallAssembler, type ToolCallPiece } from './tool-call-assembler.ts';

/**
 * The state of one Chat Completions response.
 *
 * @example
 * const reader = new ChatCompletionReader();
 * for (const chunk of chunks) events.push(...reader.readChunk(chunk));
 * events.push(...reader.finish(transport));
 */
export class ChatCompletionReader implements ModelResponseReader {
  readonly #toolCalls = new ToolCallAssembler();
  #done = false;
  #responseId: string | undefined;
  #responseModel: string | undefined;
  #finishReason: string | undefined;
  #usage: ModelUsage | undefined;

  get done(): boolean {
    return this.#done;
  }

  /** Whether the server said why the choice ended (some servers end the stream there, without `[DONE]`). */
  get finished(): boolean {
    return this.#finishReason !== undefined;
  }

  readEvent(event: EventSourceMessage): ModelStreamEvent[] {
    if (event.data === '[DONE]') {
      this.#done = true;
      return [];
    }
    return event.data.trim() === '' ? [] : this.readChunk(parseEventJson(event.data));
  }

  /** One streamed `chat.completion.chunk`. */
  readChunk(chunk: unknown): ModelStreamEvent[] {
    const record = this.#readEnvelope(chunk);
    const choice = firstChoice(record);
    if (choice === undefined) return [];
    const events: ModelStreamEvent[] = [];
    const delta = asRecord(choice.delta);
    if (delta !== undefined) {
      if (typeof delta.content === 'string' && delta.content !== '') events.push({ type: 'text-delta', delta: delta.content });
      if (Array.isArray(delta.tool_calls)) {
        for (const piece of delta.tool_calls) events.push(...this.#toolCalls.push(toPiece(piece)));
      }
    }
    this.#readFinishReason(choice);
    return events;
  }

  /** A whole non-streamed `chat.completion`. */
  readResponse(response: unknown): ModelStreamEvent[] {
    const record = this.#readEnvelope(response);
    const choice = firstChoice(record);
    const message = asRecord(choice?.message);
    if (choice === undefined || message === undefined) {
      throw new ProviderResponseError('The response has no choices[0].message', { excerpt: safeJson(response) });
    }
    const events: ModelStreamEvent[] = [];
    if (typeof message.content === 'string' && message.content !== '') events.push({ type: 'text-delta', delta: message.content });
    if (Array.isArray(message.tool_calls)) {
      message.tool_calls.forEach((call, index) => {
        events.push(...this.#toolCalls.push({ ...toPiece(call), index }));
      });
    }
    this.#readFinishReason(choice);
    return events;
  }

  /** Completes the tool calls still open and reports why the response ended. */
  finish(transport: TransportInfo): ModelStreamEvent[] {
    const events: ModelStreamEvent[] = this.#toolCalls.finish();
    events.push({
      type: 'finish',
      finishReason: mapFinishReason(this.#finishReason, this.#toolCalls.count > 0),
      usage: this.#usage ?? { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 },
      ...(this.#responseModel !== undefined ? { responseModel: this.#responseModel } : {}),
      ...(this.#responseId !== undefined ? { responseId: this.#responseId } : {}),
      transport,
    });
    return events;
  }

  #readEnvelope(value: unknown): Record<string, unknown> {
    const record = asRecord(value);
    if (record === undefined) {
      throw new ProviderResponseError('Expected a JSON object from the model server', { excerpt: safeJson(value) });
    }
    // OpenAI and vLLM report failures mid-stream as an error object instead of a chunk.
    const error = record.error;
    if (error !== undefined && error !== null) {
      const message = typeof error === 'string' ? error : asRecord(error)?.message;
      throw new ProviderResponseError(`The model server reported an error: ${String(message ?? 'unknown error')}`, {
        excerpt: safeJson(value),
      });
    }
    if (typeof record.id === 'string' && record.id !== '') this.#responseId ??= record.id;
    if (typeof record.model === 'string' && record.model !== '') this.#responseModel ??= record.model;
    const usage = asRecord(record.usage);
    if (usage !== undefined) this.#usage = mapUsage(usage, asRecord(record.timings));
    return record;
  }

  #readFinishReason(choice: Record<string, unknown>): void {
    if (typeof choice.finish_reason === 'string' && choice.finish_reason !== '') this.#finishReason = choice.finish_reason;
  }
}

/**
 * Chat Completions usage as ModelUsage: `prompt_tokens` already includes cached ones, which OpenAI, vLLM and
 * llama.cpp (since early 2026) report under `prompt_tokens_details.cached_tokens`; older llama.cpp servers only
 * say it in their own `timings.cache_n`.
 */
export function mapUsage(usage: Record<string, unknown>, timings?: Record<string, unknown>): ModelUsage {
  const reasoning = count(asRecord(usage.completion_tokens_details)?.reasoning_tokens);
  const cached = count(asRecord(usage.prompt_tokens_details)?.cached_tokens) ?? count(timings?.cache_n);
  return {
    inputTokens: count(usage.prompt_tokens) ?? 0,
    outputTokens: count(usage.completion_tokens) ?? 0,
    cachedInputTokens: cached ?? 0,
    ...(reasoning !== undefined ? { reasoningOutputTokens: reasoning } : {}),
  };
}

/** Servers that answer a tool-calling turn with `stop` (Ollama, llama.cpp) still mean `tool_calls`. */
export function mapFinishReason(raw: string | undefined, hadToolCalls: boolean): FinishReason {
  switch (raw) {
    case 'tool_calls':
    case 'function_call':
      return 'tool_calls';
    case 'stop':
    case 'eos':
    case undefined:
      return hadToolCalls ? 'tool_calls' : raw === undefined ? 'other' : 'stop';
    case 'length':
    case 'content_filter':
      return raw;
    default:
      return 'other';
  }
}

function toPiece(value: unknown): ToolCallPiece {
  const record = asRecord(value) ?? {};
  const fn = asRecord(record.function) ?? {};
  return {
    ...(typeof record.index === 'number' ? { index: record.index } : {}),
    ...(typeof record.id === 'string' ? { id: record.id } : {}),
    ...(typeof fn.name === 'string' ? { name: fn.name } : {}),
    arguments: fn.arguments,
  };
}

function firstChoice(record: Record<string, unknown>): Record<string, unknown> | undefined {
  if (!Array.isArray(record.choices)) return undefined;
  return asRecord(record.choices.find((choice) => asRecord(choice)?.index === 0 || asRecord(choice)?.index === undefined));
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function count(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

function safeJson(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
