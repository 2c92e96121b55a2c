// instrument(provider): a `chat {model}` span (and the GenAI client metrics) around each `stream()` call of a
// ModelProvider, for agents built elsewhere that use Hotpath's providers. The wrapper yields exactly the provider's
// events, untouched.
import { context, diag, SpanKind, trace, type Context, type Span } from '@opentelemetry/api';
import type { ToolCall } from '../messages.ts';
import type { ModelCallOptions, ModelProvider, ModelRequest, ModelStreamEvent, ModelUsage, TransportInfo } from '../provider/model-provider.ts';
import { chatRequestAttributes, chatResponseAttributes, firstChunkAttributes } from './chat-attributes.ts';
import { inputMessagesJson, outputMessagesJson, systemInstructionsJson, toolDefinitionsJson } from './gen-ai-content.ts';
import type { GenAiMetrics } from './gen-ai-metrics.ts';
import { resolveTelemetry, type InstrumentOptions, type SpanStarter } from './instrument-options.ts';
import { quietly } from './quietly.ts';
import { errorInfo, recordError } from './span-errors.ts';

/** Epoch milliseconds with sub-millisecond precision, the clock the runner's events use. */
const now = (): number => performance.timeOrigin + performance.now();

function startChatSpan(tracer: SpanStarter, provider: string, request: ModelRequest, captureContent: boolean): Span {
  const attributes = chatRequestAttributes({
    provider,
    model: request.model,
    stream: request.stream,
    maxOutputTokens: request.maxOutputTokens,
    temperature: request.temperature,
  });
  if (captureContent) {
    attributes['gen_ai.input.messages'] = inputMessagesJson(request.messages);
    const instructions = systemInstructionsJson(request.messages);
    if (instructions !== undefined) attributes['gen_ai.system_instructions'] = instructions;
    if (request.tools.length > 0) attributes['gen_ai.tool.definitions'] = toolDefinitionsJson(request.tools.map((tool) => tool.name));
  }
  return tracer.startSpan(`chat ${request.model}`, { kind: SpanKind.CLIENT, attributes }, context.active());
}

/** Watches the stream go by and writes what it learns on the span; at the end, the call's metrics. */
class ChatSpanRecorder {
  private readonly start = now();
  private firstChunkAt: number | undefined;
  private retries = 0;
  private text = '';
  private readonly toolCalls: ToolCall[] = [];
  private responseModel: string | undefined;
  private transport: TransportInfo | undefined;
  private usage: ModelUsage | undefined;
  private errorType: string | undefined;

  constructor(
    readonly span: Span,
    private readonly request: Pick<ModelRequest, 'model' | 'stream'>,
    private readonly provider: string,
    private readonly metrics: GenAiMetrics,
    private readonly captureContent: boolean,
  ) {}

  observe(event: ModelStreamEvent): void {
    switch (event.type) {
      case 'response-start':
        this.responseModel = event.responseModel ?? this.responseModel;
        this.transport = event.transport;
        this.span.setAttributes(chatResponseAttributes(event));
        return;
      case 'retry':
        this.retries = event.attempt;
        return;
      case 'text-delta':
        this.firstChunk();
        if (this.captureContent) this.text += event.delta;
        return;
      case 'tool-call-delta':
        this.firstChunk();
        return;
      case 'tool-call':
        this.firstChunk();
        if (this.captureContent) this.toolCalls.push(event.toolCall);
        return;
      case 'finish':
        this.responseModel = event.responseModel ?? this.responseModel;
        this.transport = event.transport;
        this.usage = event.usage;
        this.span.setAttributes(chatResponseAttributes(event));
        if (this.captureContent) {
          const output = { role: 'assistant' as const, content: this.text || null, toolCalls: this.toolCalls };
          this.span.setAttribute('gen_ai.output.messages', outputMessagesJson(output, event.finishReason));
        }
        return;
    }
  }

  private firstChunk(): void {
    if (this.firstChunkAt !== undefined || !this.request.stream) return;
    this.firstChunkAt = now();
    this.span.setAttributes(firstChunkAttributes(this.start, this.firstChunkAt));
  }

  /** Retries before the response started are only known from `retry` events when the stream then fails. */
  fail(error: unknown): void {
    if (this.retries > 0) this.span.setAttribute('hotpath.retries', this.retries);
    const info = errorInfo(error);
    this.errorType = info.type;
    recordError(this.span, info);
  }

  end(): void {
    const end = now();
    this.span.end(end);
    this.metrics.recordModelCall({
      provider: this.provider,
      requestModel: this.request.model,
      responseModel: this.responseModel,
      serverAddress: this.transport?.serverAddress,
      serverPort: this.transport?.serverPort,
      errorType: this.errorType,
      durationMs: end - this.start,
      inputTokens: this.usage?.inputTokens,
      outputTokens: this.usage?.outputTokens,
      timeToFirstChunkMs: this.firstChunkAt === undefined ? undefined : this.firstChunkAt - this.start,
    });
  }
}

/**
 * Yields the provider's events while recording them. Each step of the provider's stream runs inside the chat span's
 * context, so whatever the provider does (an HTTP request an instrumentation records, say) nests under `chat`: an
 * async generator's body runs when `next()` is called, not when `stream()` is.
 */
async function* tracedStream(
  source: AsyncIterable<ModelStreamEvent>,
  recorder: ChatSpanRecorder,
  active: Context,
): AsyncGenerator<ModelStreamEvent, void, undefined> {
  const iterator = context.with(active, () => source[Symbol.asyncIterator]());
  let finished = false;
  try {
    for (;;) {
      let step: IteratorResult<ModelStreamEvent>;
      try {
        step = await context.with(active, () => iterator.next());
      } catch (error) {
        finished = true;
        quietly(() => recorder.fail(error));
        throw error;
      }
      if (step.done) {
        finished = true;
        return;
      }
      quietly(() => recorder.observe(step.value));
      yield step.value;
    }
  } finally {
    try {
      // The consumer stopped early (break/return): let the provider clean up, as for-await would.
      if (!finished) await context.with(active, () => iterator.return?.());
    } finally {
      quietly(() => recorder.end());
    }
  }
}

/**
 * Returns a provider that behaves exactly like `provider` and records one `chat {model}` span per `stream()` call,
 * as a child of the context active when `stream()` is called.
 *
 * @example
 * const provider = instrumentProvider(openaiCompatible({ baseURL: 'http://127.0.0.1:8787/v1' }));
 * for await (const event of provider.stream(request)) { … } // one `chat gpt-4.1` span
 */
export function instrumentProvider<P extends ModelProvider>(provider: P, options: InstrumentOptions = {}): P {
  const { tracer, metrics, captureContent } = resolveTelemetry(options);
  const stream = (request: ModelRequest, callOptions?: ModelCallOptions): AsyncIterable<ModelStreamEvent> => {
    let span: Span;
    try {
      span = startChatSpan(tracer, provider.provider, request, captureContent);
    } catch (error) {
      diag.error('@hotpath/sdk telemetry: could not start a chat span; calling the provider without one', error);
      return provider.stream(request, callOptions);
    }
    const recorder = new ChatSpanRecorder(span, request, provider.provider, metrics, captureContent);
    const active = trace.setSpan(context.active(), span);
    let source: AsyncIterable<ModelStreamEvent>;
    try {
      source = context.with(active, () => provider.stream(request, callOptions));
    } catch (error) {
      quietly(() => {
        recorder.fail(error);
        recorder.end();
      });
      throw error;
    }
    return tracedStream(source, recorder, active);
  };
  // Every other member (close(), provider, …) is the provider's own, called on the provider itself, so classes
  // with private fields keep working.
  return new Proxy(provider, {
    get(target, key) {
      if (key === 'stream') return stream;
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}
