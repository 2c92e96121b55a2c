// The attributes of a `chat {model}` span, computed in one place for both sources of model calls: the runner's
// events (instrument(runner)) and a wrapped provider's stream (instrument(provider)).
import type { Attributes } from '@opentelemetry/api';
import type { FinishReason, TransportInfo } from '../provider/model-provider.ts';
import type { RoutingDecision } from '../runner/run-events.ts';

export interface ChatRequestFacts {
  provider: string;
  model: string;
  stream: boolean;
  maxOutputTokens?: number;
  temperature?: number;
  conversationId?: string;
}

/**
 * Attributes known when the request starts (the conventions ask for these at span creation, for sampling).
 *
 * @example
 * chatRequestAttributes({ provider: 'openai', model: 'gpt-4.1', stream: true });
 */
export function chatRequestAttributes(request: ChatRequestFacts): Attributes {
  const attributes: Attributes = {
    'gen_ai.operation.name': 'chat',
    'gen_ai.provider.name': request.provider,
    'gen_ai.request.model': request.model,
  };
  // The conventions: set if and only if the request streams.
  if (request.stream) attributes['gen_ai.request.stream'] = true;
  if (request.maxOutputTokens !== undefined) attributes['gen_ai.request.max_tokens'] = request.maxOutputTokens;
  if (request.temperature !== undefined) attributes['gen_ai.request.temperature'] = request.temperature;
  if (request.conversationId !== undefined) attributes['gen_ai.conversation.id'] = request.conversationId;
  return attributes;
}

/**
 * The model router's decision, under `hotpath.route.*`.
 *
 * @example
 * routingAttributes({ model: 'sim-small', candidates: ['sim-small', 'sim-large'], rule: 'input-size', reason: 'short' });
 */
export function routingAttributes(routing: RoutingDecision): Attributes {
  return {
    'hotpath.route.model': routing.model,
    'hotpath.route.candidates': routing.candidates,
    'hotpath.route.rule': routing.rule,
    'hotpath.route.reason': routing.reason,
  };
}

/** Token counts in the runner's shape: a model call's usage, or a run's totals. */
export interface TokenCounts {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  cacheWriteInputTokens?: number;
  reasoningOutputTokens?: number;
}

/**
 * `gen_ai.usage.*`. Input tokens include cached ones (the SDK's and the conventions' meaning).
 *
 * @example
 * usageAttributes({ inputTokens: 1200, outputTokens: 40, cachedInputTokens: 1024 });
 */
export function usageAttributes(usage: TokenCounts): Attributes {
  const attributes: Attributes = {
    'gen_ai.usage.input_tokens': usage.inputTokens,
    'gen_ai.usage.output_tokens': usage.outputTokens,
    'gen_ai.usage.cache_read.input_tokens': usage.cachedInputTokens,
  };
  if (usage.cacheWriteInputTokens !== undefined) {
    attributes['gen_ai.usage.cache_creation.input_tokens'] = usage.cacheWriteInputTokens;
  }
  if (usage.reasoningOutputTokens !== undefined) {
    attributes['gen_ai.usage.reasoning.output_tokens'] = usage.reasoningOutputTokens;
  }
  return attributes;
}

/**
 * Facts about the HTTP exchange: server, connection reuse, retries, and whether the server is a simulation.
 *
 * @example
 * transportAttributes({ connection: 'reused', retries: 0, serverAddress: '127.0.0.1', serverPort: 8787 });
 */
export function transportAttributes(transport: TransportInfo): Attributes {
  const attributes: Attributes = {
    'hotpath.connection': transport.connection,
    'hotpath.retries': transport.retries,
  };
  if (transport.serverAddress !== undefined) attributes['server.address'] = transport.serverAddress;
  if (transport.serverPort !== undefined) attributes['server.port'] = transport.serverPort;
  if (transport.simulated === true) attributes['hotpath.simulated'] = true;
  return attributes;
}

export interface ChatResponseFacts {
  responseModel?: string;
  responseId?: string;
  finishReason?: FinishReason;
  usage?: TokenCounts;
  transport?: TransportInfo;
  costUsd?: number;
}

/**
 * Attributes known when the response is complete.
 *
 * @example
 * chatResponseAttributes({ responseModel: 'gpt-4.1-2025-04-14', finishReason: 'stop', usage });
 */
export function chatResponseAttributes(response: ChatResponseFacts): Attributes {
  const attributes: Attributes = {};
  if (response.responseModel !== undefined) attributes['gen_ai.response.model'] = response.responseModel;
  if (response.responseId !== undefined) attributes['gen_ai.response.id'] = response.responseId;
  if (response.finishReason !== undefined) attributes['gen_ai.response.finish_reasons'] = [response.finishReason];
  if (response.usage) Object.assign(attributes, usageAttributes(response.usage));
  if (response.transport) Object.assign(attributes, transportAttributes(response.transport));
  if (response.costUsd !== undefined) attributes['hotpath.usage.cost_usd'] = response.costUsd;
  return attributes;
}

/**
 * Time to first chunk, in Hotpath's milliseconds (docs/spans.md) and in the conventions' seconds
 * (`gen_ai.response.time_to_first_chunk`).
 *
 * @example
 * firstChunkAttributes(1000, 1250); // { 'hotpath.time_to_first_chunk_ms': 250, 'gen_ai.response.time_to_first_chunk': 0.25 }
 */
export function firstChunkAttributes(requestStartMs: number, firstChunkMs: number): Attributes {
  const elapsedMs = Math.max(0, firstChunkMs - requestStartMs);
  return {
    'hotpath.time_to_first_chunk_ms': elapsedMs,
    'gen_ai.response.time_to_first_chunk': elapsedMs / 1000,
  };
}
