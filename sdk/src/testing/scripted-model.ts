// An in-process ModelProvider that replays scripted responses: text, tool calls, chunked streaming, usage, errors,
// delays and cut-off streams. For users' own tests and the runner's: it makes every case of the loop reproducible
// without a server, while keeping real timers so ordering and overlap can be asserted.
import { setTimeout as sleep } from 'node:timers/promises';
import type { ToolCall } from '../messages.ts';
import type {
  FinishReason,
  ModelCallOptions,
  ModelProvider,
  ModelRequest,
  ModelStreamEvent,
  ModelUsage,
  TransportInfo,
} from '../provider/model-provider.ts';
import { ProviderHttpError, StreamInterruptedError } from '../provider/provider-errors.ts';
import { HotpathError } from '../errors.ts';

export interface ScriptedToolCall {
  /** Default: `call_<n>`, unique within the model. */
  id?: string;
  name: string;
  /** An object is serialised as JSON; a string is sent as-is (so malformed JSON can be scripted). */
  arguments: string | Record<string, unknown>;
}

/** One scripted model response. */
export interface ScriptedResponse {
  text?: string;
  toolCalls?: ScriptedToolCall[];
  /** Default: `tool_calls` when there are tool calls, else `stop`. */
  finishReason?: FinishReason;
  /** Default: estimated from the request and response text (4 characters a token, prefix cache simulated). */
  usage?: Partial<ModelUsage>;
  /** The `responseModel` reported (default: the requested model). */
  model?: string;
  /** Characters per streamed piece (default 8). */
  chunkSize?: number;
  /** Wait before the response starts (time to first chunk). */
  delayMs?: number;
  /** Wait between streamed pieces. */
  chunkDelayMs?: number;
  /** Fail instead of answering: an Error as-is, or an HTTP status turned into a ProviderHttpError. */
  error?: Error | { status: number; message?: string; retryAfterMs?: number };
  /** Break the stream after this many pieces (a StreamInterruptedError). */
  cutOffAfterChunks?: number;
}

/** A list of responses replayed in order, or a function choosing the response for each request. */
export type Script =
  | ScriptedResponse[]
  | ((request: ModelRequest, callIndex: number) => ScriptedResponse | Promise<ScriptedResponse>);

export interface ScriptedModelOptions {
  /** `gen_ai.provider.name` (default `hotpath.scripted`). */
  provider?: string;
}

/** A recorded call: what the runner sent, with which options, and when (performance.now()). */
export interface ScriptedCall {
  request: ModelRequest;
  options: ModelCallOptions;
  startedAt: number;
  endedAt?: number;
}

/** The scripted model: a ModelProvider that also records every call it received. */
export interface ScriptedModel extends ModelProvider {
  readonly calls: ScriptedCall[];
  /** Responses left in a list script (Infinity for a function script). */
  readonly remaining: number;
}

/** Thrown when the model is called more often than the script has responses. */
export class ScriptExhaustedError extends HotpathError {
  constructor(calls: number) {
    super(`The scripted model has no response left for call ${calls + 1}.`);
    this.name = 'ScriptExhaustedError';
  }
}

/**
 * Creates a scripted model.
 *
 * @example
 * const model = scriptedModel([
 *   { toolCalls: [{ name: 'get_order', arguments: { orderId: 'A1' } }] },
 *   { text: 'Order A1 has shipped.' },
 * ]);
 * const result = await new Runner({ provider: model }).run(agent, 'Where is A1?');
 * assert.equal(model.calls.length, 2);
 */
export function scriptedModel(script: Script, options: ScriptedModelOptions = {}): ScriptedModel {
  const calls: ScriptedCall[] = [];
  const seenPrefixes: string[][] = [];
  let next = 0;
  let toolCallCounter = 0;
  let connectionOpen = false;

  async function take(request: ModelRequest): Promise<ScriptedResponse> {
    if (typeof script === 'function') return script(request, next++);
    const response = script[next];
    if (!response) throw new ScriptExhaustedError(next);
    next += 1;
    return response;
  }

  async function* stream(request: ModelRequest, callOptions: ModelCallOptions = {}): AsyncGenerator<ModelStreamEvent> {
    const call: ScriptedCall = { request: structuredClone(request), options: { ...callOptions }, startedAt: performance.now() };
    calls.push(call);
    const signal = callOptions.signal;
    const connection: TransportInfo['connection'] = callOptions.freshConnection || !connectionOpen ? 'new' : 'reused';
    connectionOpen = !callOptions.freshConnection;
    let retries = 0;
    try {
      for (;;) {
        signal?.throwIfAborted();
        const response = await take(request);
        if (response.delayMs) await sleep(response.delayMs, undefined, { signal });
        if (!response.error) {
          yield* respond(request, response, { connection, retries }, signal);
          return;
        }
        const error = toError(response.error);
        const policy = callOptions.retry;
        if (!policy || !HotpathError.isInstance(error) || !error.retryable || retries >= policy.maxRetries) throw error;
        const delayMs = Math.min(policy.initialDelayMs * 2 ** retries, policy.maxDelayMs);
        retries += 1;
        yield { type: 'retry', attempt: retries, delayMs, error };
        await sleep(delayMs, undefined, { signal });
      }
    } finally {
      call.endedAt = performance.now();
    }
  }

  async function* respond(
    request: ModelRequest,
    response: ScriptedResponse,
    transportFacts: Pick<TransportInfo, 'connection' | 'retries'>,
    signal: AbortSignal | undefined,
  ): AsyncGenerator<ModelStreamEvent> {
    const transport: TransportInfo = { ...transportFacts, serverAddress: 'scripted', simulated: false };
    const responseModel = response.model ?? request.model;
    const responseId = `scripted-${calls.length}`;
    const toolCalls: ToolCall[] = (response.toolCalls ?? []).map((call) => ({
      id: call.id ?? `call_${++toolCallCounter}`,
      name: call.name,
      arguments: typeof call.arguments === 'string' ? call.arguments : JSON.stringify(call.arguments),
    }));
    const events = responseEvents(response.text ?? '', toolCalls, request.stream ? (response.chunkSize ?? 8) : Infinity);
    let sent = 0;
    const pace = async () => {
      if (request.stream && response.chunkDelayMs) await sleep(response.chunkDelayMs, undefined, { signal });
      signal?.throwIfAborted();
    };
    yield { type: 'response-start', transport, responseId, responseModel };
    for (const event of events) {
      if (event.type !== 'tool-call') {
        if (response.cutOffAfterChunks !== undefined && sent >= response.cutOffAfterChunks) {
          throw new StreamInterruptedError('The scripted stream was cut off.', { outputReceived: sent > 0 });
        }
        await pace();
        sent += 1;
      }
      yield event;
    }
    await pace();
    const outputText = (response.text ?? '') + toolCalls.map((call) => call.name + call.arguments).join('');
    const usage: ModelUsage = {
      inputTokens: estimate(JSON.stringify(request.tools) + JSON.stringify(request.messages)),
      cachedInputTokens: cachedTokens(request),
      outputTokens: estimate(outputText),
      ...response.usage,
    };
    const finishReason = response.finishReason ?? (toolCalls.length > 0 ? 'tool_calls' : 'stop');
    yield { type: 'finish', finishReason, usage, responseModel, responseId, transport };
  }

  /** Tokens of the longest message prefix (tools included) shared with an earlier request, as a prefix cache would. */
  function cachedTokens(request: ModelRequest): number {
    const parts = [JSON.stringify(request.tools), ...request.messages.map((message) => JSON.stringify(message))];
    let best = 0;
    for (const seen of seenPrefixes) {
      let length = 0;
      while (length < parts.length && length < seen.length && parts[length] === seen[length]) length += 1;
      best = Math.max(best, length);
    }
    seenPrefixes.push(parts);
    return best <= 1 ? 0 : estimate(parts.slice(0, best).join(''));
  }

  return {
    specificationVersion: 'v1',
    provider: options.provider ?? 'hotpath.scripted',
    stream,
    calls,
    get remaining() {
      return typeof script === 'function' ? Infinity : script.length - next;
    },
    async close() {
      connectionOpen = false;
    },
  };
}

/** The stream events of one response: text in pieces, then each tool call's argument pieces and its completion. */
function responseEvents(text: string, toolCalls: ToolCall[], chunkSize: number): ModelStreamEvent[] {
  const events: ModelStreamEvent[] = [];
  for (const piece of pieces(text, chunkSize)) events.push({ type: 'text-delta', delta: piece });
  toolCalls.forEach((toolCall, index) => {
    const argumentPieces = pieces(toolCall.arguments, chunkSize);
    if (argumentPieces.length === 0) argumentPieces.push('');
    argumentPieces.forEach((argumentsDelta, pieceIndex) =>
      events.push(
        pieceIndex === 0
          ? { type: 'tool-call-delta', index, id: toolCall.id, name: toolCall.name, argumentsDelta }
          : { type: 'tool-call-delta', index, argumentsDelta },
      ),
    );
    events.push({ type: 'tool-call', index, toolCall });
  });
  return events;
}

function pieces(text: string, size: number): string[] {
  const result: string[] = [];
  for (let start = 0; start < text.length; start += size) result.push(text.slice(start, start + size));
  return result;
}

function estimate(text: string): number {
  return Math.ceil(text.length / 4);
}

function toError(error: NonNullable<ScriptedResponse['error']>): Error {
  if (error instanceof Error) return error;
  return new ProviderHttpError({
    status: error.status,
    message: error.message ?? `scripted HTTP ${error.status}`,
    bodyExcerpt: '',
    retryable: error.status === 429 || error.status >= 500,
    ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
  });
}
