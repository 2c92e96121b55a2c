// LangChain.js callbacks turned into OpenTelemetry GenAI spans: each chat model or LLM run becomes `chat {model}`
// (CLIENT, with usage, finish reason and time to first chunk), each tool run `execute_tool {tool}`, and each
// top-level chain or agent run (an AgentExecutor, a LangGraph graph, a RunnableLambda) `invoke_agent {name}`.
// Nested chains (the plumbing of runnables and graph nodes) get no span: their runs nest under the nearest one
// that has one, as they do in LangChain's own run tree.
import { context, SpanKind, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import { BaseCallbackHandler } from '@langchain/core/callbacks/base';
import type { Serialized } from '@langchain/core/load/serializable';
import type { BaseMessage } from '@langchain/core/messages';
import type { LLMResult } from '@langchain/core/outputs';
import { chatRequestAttributes, firstChunkAttributes, usageAttributes, type TokenCounts } from '../../telemetry/chat-attributes.ts';
import type { GenAiMetrics } from '../../telemetry/gen-ai-metrics.ts';
import { resolveTelemetry, type InstrumentOptions, type SpanStarter } from '../../telemetry/instrument-options.ts';
import { quietly } from '../../telemetry/quietly.ts';
import { errorInfo, recordError } from '../../telemetry/span-errors.ts';
import { textMessagesJson } from '../../telemetry/gen-ai-content.ts';

type Json = Record<string, any>;

interface Run {
  span?: Span;
  context: Context;
  startMs: number;
  model?: string;
  provider?: string;
  firstChunkMs?: number;
}

const now = (): number => performance.timeOrigin + performance.now();
const count = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined);

/** A name for a serialized component: its `name`, else the last part of its id (`["langchain", "…", "ChatOpenAI"]`). */
function componentName(serialized: Serialized | undefined, runName: string | undefined): string {
  if (runName) return runName;
  const named = (serialized as { name?: unknown } | undefined)?.name;
  if (typeof named === 'string' && named !== '') return named;
  const id = (serialized as { id?: unknown } | undefined)?.id;
  return Array.isArray(id) && typeof id.at(-1) === 'string' ? (id.at(-1) as string) : 'unknown';
}

/** Usage of a finished model run: the message's `usage_metadata` (chat models), else the provider's `tokenUsage`. */
function usageOf(output: LLMResult): TokenCounts | undefined {
  const message = (output.generations?.[0]?.[0] as { message?: Json } | undefined)?.message;
  const metadata = message?.usage_metadata as Json | undefined;
  if (metadata && count(metadata.input_tokens) !== undefined) {
    const usage: TokenCounts = {
      inputTokens: metadata.input_tokens,
      outputTokens: count(metadata.output_tokens) ?? 0,
      cachedInputTokens: count(metadata.input_token_details?.cache_read) ?? 0,
    };
    const reasoning = count(metadata.output_token_details?.reasoning);
    if (reasoning) usage.reasoningOutputTokens = reasoning;
    return usage;
  }
  const tokenUsage = (output.llmOutput?.tokenUsage ?? output.llmOutput?.estimatedTokenUsage) as Json | undefined;
  const input = count(tokenUsage?.promptTokens);
  if (input === undefined) return undefined;
  return { inputTokens: input, outputTokens: count(tokenUsage?.completionTokens) ?? 0, cachedInputTokens: 0 };
}

export class HotpathCallbackHandler extends BaseCallbackHandler {
  name = 'hotpath';
  // Run inline (the work is a few attribute writes): in LangChain's background queue a span would start late,
  // outside the caller's OpenTelemetry context, and the root run could end after the caller had its answer.
  override awaitHandlers = true;
  private readonly tracer: SpanStarter;
  private readonly metrics: GenAiMetrics;
  private readonly captureContent: boolean;
  private readonly rootAttributes: Attributes;
  private readonly runs = new Map<string, Run>();

  /**
   * @example
   * await agent.invoke({ input: 'Where is order 42?' }, { callbacks: [new HotpathCallbackHandler()] });
   */
  constructor(options: InstrumentOptions = {}) {
    super();
    const telemetry = resolveTelemetry(options);
    this.tracer = telemetry.tracer;
    this.metrics = telemetry.metrics;
    this.captureContent = telemetry.captureContent;
    this.rootAttributes = options.attributes ?? {};
  }

  // The argument order is the one @langchain/core's CallbackManager passes (parentRunId fourth, runType and runName
  // seventh and eighth); its .d.ts names them in another order.
  override handleChainStart(chain: Serialized, inputs: Json, runId: string, parentRunId?: string, _tags?: string[], _metadata?: Json, runType?: string, runName?: string): void {
    quietly(() => {
      const parent = parentRunId === undefined ? undefined : this.runs.get(parentRunId);
      if (parent !== undefined || parentRunId !== undefined) {
        this.runs.set(runId, { context: parent?.context ?? context.active(), startMs: now() });
        return;
      }
      const name = componentName(chain, runName);
      const attributes: Attributes = { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': name, ...this.rootAttributes };
      if (runType) attributes['langchain.run.type'] = runType;
      if (this.captureContent) attributes['gen_ai.input.messages'] = textMessagesJson('user', JSON.stringify(inputs));
      this.start(runId, `invoke_agent ${name}`, SpanKind.INTERNAL, attributes, context.active());
    });
  }

  override handleChainEnd(outputs: Json, runId: string): void {
    quietly(() => {
      const run = this.runs.get(runId);
      if (run?.span && this.captureContent) run.span.setAttribute('gen_ai.output.messages', textMessagesJson('assistant', JSON.stringify(outputs), 'stop'));
      this.end(runId);
    });
  }

  override handleChainError(error: Error, runId: string): void {
    quietly(() => this.fail(runId, error));
  }

  override handleChatModelStart(llm: Serialized, messages: BaseMessage[][], runId: string, parentRunId?: string, extraParams?: Json, _tags?: string[], metadata?: Json, runName?: string): void {
    quietly(() => {
      this.startModel(llm, runId, parentRunId, extraParams, metadata, runName);
      const run = this.runs.get(runId);
      if (run?.span && this.captureContent) {
        const conversation = (messages[0] ?? []).map((message) => ({ role: message.getType?.() ?? 'user', parts: [{ type: 'text', content: typeof message.content === 'string' ? message.content : JSON.stringify(message.content) }] }));
        run.span.setAttribute('gen_ai.input.messages', JSON.stringify(conversation));
      }
    });
  }

  override handleLLMStart(llm: Serialized, prompts: string[], runId: string, parentRunId?: string, extraParams?: Json, _tags?: string[], metadata?: Json, runName?: string): void {
    quietly(() => {
      this.startModel(llm, runId, parentRunId, extraParams, metadata, runName);
      const run = this.runs.get(runId);
      if (run?.span && this.captureContent) run.span.setAttribute('gen_ai.input.messages', textMessagesJson('user', prompts.join('\n')));
    });
  }

  override handleLLMNewToken(_token: string, _index: unknown, runId: string): void {
    quietly(() => {
      const run = this.runs.get(runId);
      if (!run?.span || run.firstChunkMs !== undefined) return;
      run.firstChunkMs = now();
      run.span.setAttributes({ ...firstChunkAttributes(run.startMs, run.firstChunkMs), 'gen_ai.request.stream': true });
    });
  }

  override handleLLMEnd(output: LLMResult, runId: string): void {
    quietly(() => {
      const run = this.runs.get(runId);
      if (!run?.span) return;
      const generation = output.generations?.[0]?.[0] as { text?: string; message?: Json; generationInfo?: Json } | undefined;
      const responseMetadata = (generation?.message?.response_metadata ?? {}) as Json;
      const attributes: Attributes = {};
      const responseModel = responseMetadata.model_name ?? output.llmOutput?.model_name;
      if (typeof responseModel === 'string') attributes['gen_ai.response.model'] = responseModel;
      const finishReason = responseMetadata.finish_reason ?? generation?.generationInfo?.finish_reason;
      if (typeof finishReason === 'string') attributes['gen_ai.response.finish_reasons'] = [finishReason];
      if (typeof generation?.message?.id === 'string') attributes['gen_ai.response.id'] = generation.message.id;
      if (responseMetadata.system_fingerprint === 'hotpath-simulated') attributes['hotpath.simulated'] = true;
      const usage = usageOf(output);
      if (usage) Object.assign(attributes, usageAttributes(usage));
      if (this.captureContent && generation) {
        const toolCalls = (generation.message?.tool_calls ?? []) as { id?: string; name: string; args: unknown }[];
        const parts = [
          ...(generation.text ? [{ type: 'text', content: generation.text }] : []),
          ...toolCalls.map((call) => ({ type: 'tool_call', id: call.id ?? '', name: call.name, arguments: call.args })),
        ];
        attributes['gen_ai.output.messages'] = JSON.stringify([{ role: 'assistant', parts, finish_reason: finishReason ?? 'stop' }]);
      }
      run.span.setAttributes(attributes);
      this.recordMetrics(run, usage, typeof responseModel === 'string' ? responseModel : undefined);
      this.end(runId);
    });
  }

  override handleLLMError(error: Error, runId: string): void {
    quietly(() => {
      const run = this.runs.get(runId);
      if (run) this.recordMetrics(run, undefined, undefined, errorInfo(error).type);
      this.fail(runId, error);
    });
  }

  override handleToolStart(tool: Serialized, input: string, runId: string, parentRunId?: string, _tags?: string[], _metadata?: Json, runName?: string, toolCallId?: string): void {
    quietly(() => {
      const name = componentName(tool, runName);
      const attributes: Attributes = { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': name, 'gen_ai.tool.type': 'function' };
      if (toolCallId) attributes['gen_ai.tool.call.id'] = toolCallId;
      if (this.captureContent) attributes['gen_ai.tool.call.arguments'] = input;
      this.start(runId, `execute_tool ${name}`, SpanKind.INTERNAL, attributes, this.parentContext(parentRunId));
    });
  }

  override handleToolEnd(output: unknown, runId: string): void {
    quietly(() => {
      const run = this.runs.get(runId);
      if (run?.span && this.captureContent) {
        const content = (output as { content?: unknown } | null)?.content ?? output;
        run.span.setAttribute('gen_ai.tool.call.result', typeof content === 'string' ? content : JSON.stringify(content));
      }
      this.end(runId);
    });
  }

  override handleToolError(error: Error, runId: string): void {
    quietly(() => this.fail(runId, error));
  }

  private startModel(llm: Serialized, runId: string, parentRunId: string | undefined, extraParams: Json | undefined, metadata: Json | undefined, runName: string | undefined): void {
    const invocation = (extraParams?.invocation_params ?? {}) as Json;
    const model = String(invocation.model ?? invocation.model_name ?? metadata?.ls_model_name ?? componentName(llm, runName));
    const provider = String(metadata?.ls_provider ?? 'langchain');
    const maxOutputTokens = count(invocation.max_tokens) ?? count(invocation.max_completion_tokens) ?? count(metadata?.ls_max_tokens);
    const temperature = count(invocation.temperature) ?? count(metadata?.ls_temperature);
    const attributes = chatRequestAttributes({
      provider,
      model,
      stream: invocation.stream === true,
      ...(maxOutputTokens !== undefined && { maxOutputTokens }),
      ...(temperature !== undefined && { temperature }),
    });
    this.start(runId, `chat ${model}`, SpanKind.CLIENT, attributes, this.parentContext(parentRunId));
    const run = this.runs.get(runId);
    if (run) Object.assign(run, { model, provider });
  }

  private recordMetrics(run: Run, usage: TokenCounts | undefined, responseModel: string | undefined, errorType?: string): void {
    this.metrics.recordModelCall({
      provider: run.provider ?? 'langchain',
      requestModel: run.model ?? 'unknown',
      responseModel,
      errorType,
      durationMs: now() - run.startMs,
      inputTokens: usage?.inputTokens,
      outputTokens: usage?.outputTokens,
      timeToFirstChunkMs: run.firstChunkMs === undefined ? undefined : run.firstChunkMs - run.startMs,
    });
  }

  /** The context of the nearest run above that has a span, else the caller's. */
  private parentContext(parentRunId: string | undefined): Context {
    return (parentRunId === undefined ? undefined : this.runs.get(parentRunId)?.context) ?? context.active();
  }

  private start(runId: string, name: string, kind: SpanKind, attributes: Attributes, parent: Context): void {
    const span = this.tracer.startSpan(name, { kind, attributes }, parent);
    this.runs.set(runId, { span, context: trace.setSpan(parent, span), startMs: now() });
  }

  private end(runId: string): void {
    const run = this.runs.get(runId);
    this.runs.delete(runId);
    run?.span?.end();
  }

  private fail(runId: string, error: unknown): void {
    const run = this.runs.get(runId);
    if (run?.span) recordError(run.span, errorInfo(error));
    this.end(runId);
  }
}
