// Reads Anthropic Messages responses (the SSE event sequence or one JSON message) into provider events. A tool
// call is announced at its `content_block_stop`, before the message ends. Usage is reported the OpenAI way:
// `inputTokens` includes the tokens read from and written to the cache, which Anthropic counts separately.
import type { EventSourceMessage } from 'eventsource-parser';
import { parseEventJson, type ModelResponseReader } from './http-model-call.ts';
import type { FinishReason, ModelStreamEvent, ModelUsage, TransportInfo } from './model-provider.ts';
import { ProviderResponseError } from './provider-errors.ts';
import { ToolCallAssembler } from './tool-call-assembler.ts';

interface RawUsage {
  input_tokens?: number;
  output_tokens?: number;
  cache_read_input_tokens?: number;
  cache_creation_input_tokens?: number;
}

/** Anthropic stream errors a retry can cure (the HTTP 529 and 500 of a stream already under way). */
const RETRYABLE_STREAM_ERRORS = new Set(['overloaded_error', 'api_error']);

/**
 * The state of one Messages API response.
 *
 * @example
 * const reader = new AnthropicMessageReader();
 * for (const event of sseEvents) events.push(...reader.readEvent(event));
 * events.push(...reader.finish(transport));
 */
export class AnthropicMessageReader implements ModelResponseReader {
  readonly #toolCalls = new ToolCallAssembler();
  /** Content block index → tool call ordinal, for tool_use blocks. */
  readonly #toolBlocks = new Map<number, number>();
  readonly #usage: RawUsage = {};
  #done = false;
  #stopReason: string | undefined;
  #responseId: string | undefined;
  #responseModel: string | undefined;

  get done(): boolean {
    return this.#done;
  }

  get finished(): boolean {
    return this.#stopReason !== undefined;
  }

  readEvent(event: EventSourceMessage): ModelStreamEvent[] {
    if (event.event === 'ping' || event.data.trim() === '') return [];
    const data = asRecord(parseEventJson(event.data));
    const type = event.event ?? (typeof data?.type === 'string' ? data.type : undefined);
    if (data === undefined) throw new ProviderResponseError('Expected a JSON object in the stream', { excerpt: event.data });
    switch (type) {
      case 'message_start': {
        const message = asRecord(data.message) ?? {};
        this.#readMessageFacts(message);
        return [];
      }
      case 'content_block_start': {
        const block = asRecord(data.content_block) ?? {};
        const index = Number(data.index);
        if (block.type === 'tool_use') {
          const ordinal = this.#toolBlocks.size;
          this.#toolBlocks.set(index, ordinal);
          return this.#toolCalls.push({
            index: ordinal,
            ...(typeof block.id === 'string' ? { id: block.id } : {}),
            ...(typeof block.name === 'string' ? { name: block.name } : {}),
            arguments: '',
          });
        }
        return typeof block.text === 'string' && block.text !== '' ? [{ type: 'text-delta', delta: block.text }] : [];
      }
      case 'content_block_delta': {
        const delta = asRecord(data.delta) ?? {};
        if (delta.type === 'text_delta' && typeof delta.text === 'string' && delta.text !== '') {
          return [{ type: 'text-delta', delta: delta.text }];
        }
        const ordinal = this.#toolBlocks.get(Number(data.index));
        if (delta.type === 'input_json_delta' && ordinal !== undefined && typeof delta.partial_json === 'string') {
          return this.#toolCalls.push({ index: ordinal, arguments: delta.partial_json });
        }
        return []; // thinking and signature deltas are not part of the answer
      }
      case 'content_block_stop': {
        const ordinal = this.#toolBlocks.get(Number(data.index));
        return ordinal === undefined ? [] : this.#toolCalls.end(ordinal);
      }
      case 'message_delta': {
        const delta = asRecord(data.delta) ?? {};
        if (typeof delta.stop_reason === 'string') this.#stopReason = delta.stop_reason;
        this.#readUsage(asRecord(data.usage));
        return [];
      }
      case 'message_stop':
        this.#done = true;
        return [];
      case 'error': {
        const error = asRecord(data.error) ?? {};
        throw new ProviderResponseError(`The model server reported an error: ${String(error.message ?? 'unknown error')}`, {
          excerpt: event.data,
          retryable: RETRYABLE_STREAM_ERRORS.has(String(error.type)),
        });
      }
      default:
        return []; // new event types are additive; ignoring them is what Anthropic's versioning asks of clients
    }
  }

  readResponse(body: unknown): ModelStreamEvent[] {
    const message = asRecord(body);
    if (message === undefined || !Array.isArray(message.content)) {
      throw new ProviderResponseError('The response is not a Messages API message', { excerpt: JSON.stringify(body) ?? '' });
    }
    this.#readMessageFacts(message);
    if (typeof message.stop_reason === 'string') this.#stopReason = message.stop_reason;
    const events: ModelStreamEvent[] = [];
    for (const raw of message.content) {
      const block = asRecord(raw) ?? {};
      if (block.type === 'text' && typeof block.text === 'string' && block.text !== '') {
        events.push({ type: 'text-delta', delta: block.text });
      } else if (block.type === 'tool_use') {
        const ordinal = this.#toolBlocks.size;
        this.#toolBlocks.set(ordinal, ordinal);
        events.push(
          ...this.#toolCalls.push({
            index: ordinal,
            ...(typeof block.id === 'string' ? { id: block.id } : {}),
            ...(typeof block.name === 'string' ? { name: block.name } : {}),
            arguments: block.input ?? {},
          }),
          ...this.#toolCalls.end(ordinal),
        );
      }
    }
    return events;
  }

  finish(transport: TransportInfo): ModelStreamEvent[] {
    const events: ModelStreamEvent[] = this.#toolCalls.finish();
    events.push({
      type: 'finish',
      finishReason: mapStopReason(this.#stopReason),
      usage: mapAnthropicUsage(this.#usage),
      ...(this.#responseModel !== undefined ? { responseModel: this.#responseModel } : {}),
      ...(this.#responseId !== undefined ? { responseId: this.#responseId } : {}),
      transport,
    });
    return events;
  }

  #readMessageFacts(message: Record<string, unknown>): void {
    if (typeof message.id === 'string') this.#responseId ??= message.id;
    if (typeof message.model === 'string') this.#responseModel ??= message.model;
    this.#readUsage(asRecord(message.usage));
  }

  /** `message_start` carries input counts, `message_delta` the running output count (and, lately, input again). */
  #readUsage(usage: Record<string, unknown> | undefined): void {
    if (usage === undefined) return;
    for (const key of ['input_tokens', 'output_tokens', 'cache_read_input_tokens', 'cache_creation_input_tokens'] as const) {
      const value = usage[key];
      if (typeof value === 'number' && Number.isFinite(value) && value >= 0) this.#usage[key] = value;
    }
  }
}

/**
 * Anthropic's `input_tokens` excludes cached ones; Hotpath's `inputTokens` includes both cache reads and cache
 * writes, so cost and the `gen_ai.usage.input_tokens` span attribute mean the same for every provider.
 */
export function mapAnthropicUsage(usage: RawUsage): ModelUsage {
  const cacheRead = usage.cache_read_input_tokens ?? 0;
  const cacheWrite = usage.cache_creation_input_tokens ?? 0;
  return {
    inputTokens: (usage.input_tokens ?? 0) + cacheRead + cacheWrite,
    outputTokens: usage.output_tokens ?? 0,
    cachedInputTokens: cacheRead,
    ...(usage.cache_creation_input_tokens !== undefined ? { cacheWriteInputTokens: cacheWrite } : {}),
  };
}

function mapStopReason(reason: string | undefined): FinishReason {
  switch (reason) {
    case 'end_turn':
    case 'stop_sequence':
      return 'stop';
    case 'tool_use':
      return 'tool_calls';
    case 'max_tokens':
    case 'model_context_window_exceeded':
      return 'length';
    case 'refusal':
      return 'content_filter';
    default:
      return 'other';
  }
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
