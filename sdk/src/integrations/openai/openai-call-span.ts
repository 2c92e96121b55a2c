// One `chat {model}` span (and the GenAI client metrics) for one call of an `openai` client, Chat Completions or
// Responses, streamed or not. It learns what it records from the request body, the parsed result, the stream's
// chunks or events and the HTTP response's headers, all read structurally: the `openai` package is never imported.
import { context, SpanKind, type Attributes, type Span } from '@opentelemetry/api';
import { chatRequestAttributes, firstChunkAttributes, usageAttributes, type TokenCounts } from '../../telemetry/chat-attributes.ts';
import type { GenAiMetrics } from '../../telemetry/gen-ai-metrics.ts';
import type { SpanStarter } from '../../telemetry/instrument-options.ts';
import { errorInfo, recordError } from '../../telemetry/span-errors.ts';
import { completionOutputs, outputMessagesOf, requestContent, responseOutput, type AssistantOutput } from './openai-content.ts';
import { count, responsesFinishReason, SIMULATED_FINGERPRINT, tokenCounts } from './openai-facts.ts';

export type OpenAIApi = 'chat.completions' | 'responses';

/** What every call of one instrumented client shares. */
export interface OpenAIClientTelemetry {
  tracer: SpanStarter;
  metrics: GenAiMetrics;
  captureContent: boolean;
  provider: string;
  serverAddress?: string;
  serverPort?: number;
}

type Json = Record<string, any>;

/** Epoch milliseconds with sub-millisecond precision. */
const now = (): number => performance.timeOrigin + performance.now();

export class OpenAICallSpan {
  readonly span: Span;
  private readonly start = now();
  private firstChunkAt: number | undefined;
  private readonly outputs: AssistantOutput[] = [];
  private responseModel: string | undefined;
  private usage: TokenCounts | undefined;
  private errorType: string | undefined;
  private ended = false;
  private readonly requestModel: string;
  private readonly stream: boolean;

  constructor(
    private readonly telemetry: OpenAIClientTelemetry,
    private readonly api: OpenAIApi,
    body: Json,
  ) {
    this.requestModel = typeof body.model === 'string' ? body.model : 'unknown';
    this.stream = body.stream === true;
    const maxOutputTokens = count(body.max_completion_tokens) ?? count(body.max_tokens) ?? count(body.max_output_tokens);
    const attributes: Attributes = chatRequestAttributes({
      provider: telemetry.provider,
      model: this.requestModel,
      stream: this.stream,
      ...(maxOutputTokens !== undefined && { maxOutputTokens }),
      ...(typeof body.temperature === 'number' && { temperature: body.temperature }),
    });
    if (typeof body.top_p === 'number') attributes['gen_ai.request.top_p'] = body.top_p;
    if (telemetry.serverAddress !== undefined) attributes['server.address'] = telemetry.serverAddress;
    if (telemetry.serverPort !== undefined) attributes['server.port'] = telemetry.serverPort;
    if (api === 'responses' && typeof body.previous_response_id === 'string') attributes['gen_ai.conversation.id'] = body.previous_response_id;
    if (telemetry.captureContent) {
      const content = api === 'responses' ? requestContent(body.input, body.instructions) : requestContent(body.messages);
      attributes['gen_ai.input.messages'] = content.inputMessages;
      if (content.systemInstructions !== undefined) attributes['gen_ai.system_instructions'] = content.systemInstructions;
      if (Array.isArray(body.tools) && body.tools.length > 0) {
        const names = body.tools.map((tool: Json) => ({ type: 'function', name: String(tool?.function?.name ?? tool?.name ?? tool?.type ?? '') }));
        attributes['gen_ai.tool.definitions'] = JSON.stringify(names);
      }
    }
    this.span = telemetry.tracer.startSpan(`chat ${this.requestModel}`, { kind: SpanKind.CLIENT, attributes }, context.active());
  }

  /** The HTTP response's headers: the simulated server says so in `x-hotpath-simulated`. */
  observeHeaders(headers: { get(name: string): string | null } | undefined): void {
    if (headers?.get('x-hotpath-simulated') === 'true') this.span.setAttribute('hotpath.simulated', true);
  }

  /** A whole (non-streamed) result: a `ChatCompletion` or a Responses `Response`. */
  observeResult(result: unknown): void {
    if (typeof result !== 'object' || result === null) return;
    if (this.api === 'responses') this.observeResponse(result as Json);
    else this.observeCompletion(result as Json);
  }

  /** One streamed chunk (Chat Completions) or event (Responses). */
  observeChunk(chunk: unknown): void {
    if (typeof chunk !== 'object' || chunk === null) return;
    const item = chunk as Json;
    if (this.api === 'responses') {
      if (this.firstChunkAt === undefined && typeof item.type === 'string' && !/^response\.(created|in_progress|queued)$/.test(item.type)) this.firstChunk();
      if (item.type === 'response.completed' || item.type === 'response.incomplete' || item.type === 'response.failed') this.observeResponse(item.response ?? {});
      return;
    }
    if (Array.isArray(item.choices) && item.choices.length > 0) this.firstChunk();
    this.identify(item);
    for (const choice of Array.isArray(item.choices) ? item.choices : []) {
      const output = this.outputAt(typeof choice?.index === 'number' ? choice.index : 0);
      const delta = choice?.delta ?? {};
      if (typeof delta.content === 'string') output.text += delta.content;
      for (const call of Array.isArray(delta.tool_calls) ? delta.tool_calls : []) {
        const index = typeof call?.index === 'number' ? call.index : output.toolCalls.length;
        const target = (output.toolCalls[index] ??= { id: '', name: '', arguments: '' });
        if (typeof call.id === 'string') target.id = call.id;
        if (typeof call.function?.name === 'string') target.name += call.function.name;
        if (typeof call.function?.arguments === 'string') target.arguments += call.function.arguments;
      }
      if (typeof choice?.finish_reason === 'string') output.finishReason = choice.finish_reason;
    }
    const usage = tokenCounts(item.usage);
    if (usage) this.usage = usage;
  }

  fail(error: unknown): void {
    const info = errorInfo(error);
    this.errorType = info.type;
    recordError(this.span, info);
  }

  /** Writes what was learnt, ends the span and records the call's metrics; later calls do nothing. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    const attributes: Attributes = {};
    if (this.responseModel !== undefined) attributes['gen_ai.response.model'] = this.responseModel;
    const finishReasons = this.outputs.flatMap((output) => (output.finishReason === undefined ? [] : [output.finishReason]));
    if (finishReasons.length > 0) attributes['gen_ai.response.finish_reasons'] = finishReasons;
    if (this.outputs.length > 0 && this.telemetry.captureContent) attributes['gen_ai.output.messages'] = outputMessagesOf(this.outputs);
    if (this.usage) Object.assign(attributes, usageAttributes(this.usage));
    this.span.setAttributes(attributes);
    const end = now();
    this.span.end(end);
    this.telemetry.metrics.recordModelCall({
      provider: this.telemetry.provider,
      requestModel: this.requestModel,
      responseModel: this.responseModel,
      serverAddress: this.telemetry.serverAddress,
      serverPort: this.telemetry.serverPort,
      errorType: this.errorType,
      durationMs: end - this.start,
      inputTokens: this.usage?.inputTokens,
      outputTokens: this.usage?.outputTokens,
      timeToFirstChunkMs: this.firstChunkAt === undefined ? undefined : this.firstChunkAt - this.start,
    });
  }

  private firstChunk(): void {
    if (this.firstChunkAt !== undefined || !this.stream) return;
    this.firstChunkAt = now();
    this.span.setAttributes(firstChunkAttributes(this.start, this.firstChunkAt));
  }

  private outputAt(index: number): AssistantOutput {
    return (this.outputs[index] ??= { text: '', toolCalls: [], finishReason: undefined });
  }

  /** Model, id and the simulated server's fingerprint, present on a completion and on each chunk. */
  private identify(item: Json): void {
    if (typeof item.model === 'string' && item.model !== '') this.responseModel = item.model;
    if (typeof item.id === 'string' && item.id !== '') this.span.setAttribute('gen_ai.response.id', item.id);
    if (item.system_fingerprint === SIMULATED_FINGERPRINT) this.span.setAttribute('hotpath.simulated', true);
  }

  private observeCompletion(completion: Json): void {
    this.identify(completion);
    completionOutputs(completion).forEach((output, index) => (this.outputs[index] = output));
    this.usage = tokenCounts(completion.usage) ?? this.usage;
  }

  private observeResponse(response: Json): void {
    this.identify(response);
    this.outputs[0] = responseOutput(response, responsesFinishReason(response));
    this.usage = tokenCounts(response.usage) ?? this.usage;
  }
}
