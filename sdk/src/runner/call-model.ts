// Phase "call model": one model call through the provider, turned into run events (start, first chunk, text
// deltas, end with usage and cost) and an assistant message. Tool calls whose arguments are complete are reported
// through `onToolCall` while the stream is still running, so the caller can start them eagerly.
import { HotpathError } from '../errors.ts';
import type { AssistantMessage, ToolCall } from '../messages.ts';
import type { FinishReason, ModelRequest, ModelUsage, TransportInfo } from '../provider/model-provider.ts';
import type { RunContext } from './run-context.ts';
import { describeError, ModelResponseError } from './run-errors.ts';
import type { RoutingDecision } from './run-events.ts';
import { addCallUsage, callCost } from './run-usage.ts';

export interface ModelCall {
  request: ModelRequest;
  step: number;
  purpose: 'chat' | 'summarize' | 'guardrail' | 'classify' | 'cascade-check';
  routing?: RoutingDecision;
  signal: AbortSignal;
  /** A tool call's arguments are complete (the stream may still be running). */
  onToolCall?: (toolCall: ToolCall) => void;
  /** The response has started writing text (the first delta with more than whitespace). */
  onText?: () => void;
  /** The response has started a tool call of this name (its arguments may still be streaming). */
  onToolName?: (name: string) => void;
  /**
   * Judges the finished response before its end is reported, so the `model-call-end` event says what became of it:
   * kept with a final routing decision, or discarded and why.
   */
  review?: (response: Omit<ModelResponse, 'callId'>) => ModelCallReview;
}

/** What a review decided about a response. */
export type ModelCallReview = { routing?: RoutingDecision; discarded?: string };

/**
 * The abort reason that cancels a call the runner no longer needs (a race's loser): its end is reported as
 * discarded, with this message, rather than as a failure.
 */
export class DiscardedCall extends HotpathError {
  constructor(reason: string) {
    super(reason);
    this.name = 'DiscardedCall';
  }
}

export interface ModelResponse {
  callId: string;
  message: AssistantMessage;
  text: string;
  toolCalls: ToolCall[];
  finishReason: FinishReason;
  usage: ModelUsage;
}

/**
 * Makes one model call and records it. Throws what the provider throws (after recording the failed call), or a
 * ModelResponseError when the stream ends without a `finish` event.
 */
export async function callModel(run: RunContext, call: ModelCall): Promise<ModelResponse> {
  const { request } = call;
  const callId = run.nextCallId('model');
  run.emit({
    type: 'model-call-start',
    callId,
    step: call.step,
    provider: run.config.provider.provider,
    model: request.model,
    purpose: call.purpose,
    ...(call.routing ? { routing: call.routing } : {}),
    messages: request.messages,
    toolNames: request.tools.map((spec) => spec.name),
    ...(call.purpose === 'chat' ? { toolsOmitted: run.tools.size - request.tools.length } : {}),
    ...(request.maxOutputTokens === undefined ? {} : { maxOutputTokens: request.maxOutputTokens }),
    ...(request.temperature === undefined ? {} : { temperature: request.temperature }),
    stream: request.stream,
  });
  const settings = run.settings;
  let text = '';
  let firstChunkSeen = false;
  let transport: TransportInfo | undefined;
  let responseModel: string | undefined;
  let responseId: string | undefined;
  const completed = new Map<number, ToolCall>();
  const partial = new Map<number, ToolCall>();
  try {
    const events = run.config.provider.stream(request, {
      signal: call.signal,
      freshConnection: !settings.connectionReuse,
      retry: settings.retries,
    });
    for await (const event of events) {
      if (!firstChunkSeen && (event.type === 'text-delta' || event.type === 'tool-call-delta' || event.type === 'tool-call')) {
        firstChunkSeen = true;
        run.emit({ type: 'model-call-first-chunk', callId });
      }
      switch (event.type) {
        case 'response-start':
          transport = event.transport;
          responseModel = event.responseModel ?? responseModel;
          responseId = event.responseId ?? responseId;
          break;
        case 'text-delta':
          if (call.onText && text.trim() === '' && event.delta.trim() !== '') call.onText();
          text += event.delta;
          run.emit({ type: 'text-delta', callId, delta: event.delta });
          break;
        case 'tool-call-delta': {
          const piece = partial.get(event.index) ?? { id: '', name: '', arguments: '' };
          piece.id = event.id ?? piece.id;
          if (event.name !== undefined && piece.name === '') call.onToolName?.(event.name);
          piece.name = event.name ?? piece.name;
          piece.arguments += event.argumentsDelta;
          partial.set(event.index, piece);
          break;
        }
        case 'tool-call':
          if (!completed.has(event.index)) {
            const toolCall = withId(event.toolCall, callId, event.index);
            completed.set(event.index, toolCall);
            call.onToolCall?.(toolCall);
          }
          break;
        case 'retry':
          break;
        case 'finish': {
          const toolCalls = collectToolCalls(completed, partial, callId);
          const message: AssistantMessage = {
            role: 'assistant',
            content: text.length > 0 ? text : null,
            ...(toolCalls.length > 0 ? { toolCalls } : {}),
            model: request.model,
          };
          const costUsd = callCost(run.config.pricing, request.model, event.usage) ??
            callCost(run.config.pricing, event.responseModel ?? '', event.usage);
          addCallUsage(run.usage, request.model, event.usage, costUsd);
          const response = { message, text, toolCalls, finishReason: event.finishReason, usage: event.usage };
          const review = call.review?.(response);
          run.emit({
            type: 'model-call-end',
            callId,
            model: request.model,
            ...optional('responseModel', event.responseModel ?? responseModel),
            ...optional('responseId', event.responseId ?? responseId),
            finishReason: event.finishReason,
            usage: event.usage,
            ...optional('costUsd', costUsd),
            transport: event.transport,
            output: message,
            ...review,
          });
          return { callId, ...response };
        }
      }
    }
    throw new ModelResponseError(`The response of ${request.model} ended before it finished.`, { retryable: true });
  } catch (error) {
    addCallUsage(run.usage, request.model, undefined, undefined);
    const discarded = call.signal.aborted && call.signal.reason instanceof DiscardedCall ? call.signal.reason.message : undefined;
    run.emit({
      type: 'model-call-end',
      callId,
      model: request.model,
      ...optional('responseModel', responseModel),
      ...optional('responseId', responseId),
      ...optional('transport', transport),
      // A call cancelled because it is not needed did not fail: it says why it was dropped instead.
      ...(discarded === undefined ? { finishReason: 'error' as const, error: describeError(error) } : { discarded }),
    });
    throw error;
  }
}

/** Tool calls in the order the model wrote them; a call the provider never completed is taken from its pieces. */
function collectToolCalls(completed: Map<number, ToolCall>, partial: Map<number, ToolCall>, callId: string): ToolCall[] {
  const indexes = [...new Set([...completed.keys(), ...partial.keys()])].sort((a, b) => a - b);
  return indexes.map((index) => completed.get(index) ?? withId(partial.get(index)!, callId, index));
}

/** A server that sends no tool call id would leave the tool result unanswerable: give the call one. */
function withId(toolCall: ToolCall, callId: string, index: number): ToolCall {
  return toolCall.id ? toolCall : { ...toolCall, id: `call_${callId.slice(-12).replace(/\W/g, '')}_${index}` };
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

