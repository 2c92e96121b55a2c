// @openai/agents' tracing extension point (a TracingProcessor) turned into OpenTelemetry GenAI spans: its trace
// becomes `invoke_workflow {name}`, agent spans `invoke_agent {agent}`, generation and response spans
// `chat {model}` (CLIENT, with usage), function spans `execute_tool {tool}`; handoffs, guardrails, custom and MCP
// spans keep their own names. Its task and turn spans are bookkeeping (one per run, one per model round trip) and
// get no span of their own: their children nest under the nearest span that has one. Only types are imported from
// @openai/agents, so this module loads without it.
import { context, SpanKind, SpanStatusCode, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import type { Span as AgentsSpan, SpanData, Trace as AgentsTrace, TracingProcessor } from '@openai/agents';
import { usageAttributes, type TokenCounts } from '../../telemetry/chat-attributes.ts';
import type { GenAiMetrics } from '../../telemetry/gen-ai-metrics.ts';
import { resolveTelemetry, type InstrumentOptions, type SpanStarter } from '../../telemetry/instrument-options.ts';
import { quietly } from '../../telemetry/quietly.ts';
import { OTHER_ERROR } from '../../telemetry/span-errors.ts';
import { completionOutputs, outputMessagesOf, requestContent, responseOutput } from '../openai/openai-content.ts';
import { count, responsesFinishReason, serverOf, SIMULATED_FINGERPRINT, tokenCounts } from '../openai/openai-facts.ts';

type Json = Record<string, any>;

/** One @openai/agents trace or span, as mapped. */
interface Entry {
  /** Absent for task and turn spans, which get no span of their own. */
  span?: Span;
  /** The context children start in: this entry's span, or for a skipped one its parent's. */
  context: Context;
  /** The nearest `invoke_agent` entry at or above this one, whose run totals this entry's model calls add to. */
  agent?: Entry;
  /** The nearest turn at or above this one: a model span ending without usage waits for its turn's. */
  turn?: Entry;
  totals?: TokenCounts;
  /** Model spans that ended without usage, held open until their turn reports it (with their own end time). */
  waiting?: { entry: Entry; endMs: number }[];
  startMs: number;
}

/** The SDK placeholder id of a streamed Chat Completions response, which carries no real id. */
const FAKE_RESPONSE_ID = '__fake_id__';

const now = (): number => performance.timeOrigin + performance.now();

function addTotals(entry: Entry | undefined, usage: TokenCounts): void {
  if (!entry) return;
  const totals = (entry.totals ??= { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 });
  totals.inputTokens += usage.inputTokens;
  totals.outputTokens += usage.outputTokens;
  totals.cachedInputTokens += usage.cachedInputTokens;
}

/** Span name and start attributes per span type. */
function startOf(data: SpanData): { name: string; kind: SpanKind; attributes: Attributes } | undefined {
  switch (data.type) {
    case 'task':
    case 'turn':
      return undefined;
    case 'agent':
      return { name: `invoke_agent ${data.name}`, kind: SpanKind.INTERNAL, attributes: { 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.agent.name': data.name } };
    case 'generation':
    case 'response':
      return { name: 'chat', kind: SpanKind.CLIENT, attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.provider.name': 'openai' } };
    case 'function':
      return {
        name: `execute_tool ${data.name}`,
        kind: SpanKind.INTERNAL,
        attributes: { 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': data.name, 'gen_ai.tool.type': 'function' },
      };
    case 'handoff':
      return { name: 'handoff', kind: SpanKind.INTERNAL, attributes: { 'openai_agents.span.type': 'handoff' } };
    case 'guardrail':
      return { name: `guardrail ${data.name}`, kind: SpanKind.INTERNAL, attributes: { 'openai_agents.span.type': 'guardrail', 'openai_agents.guardrail.name': data.name } };
    case 'custom':
      return { name: data.name, kind: SpanKind.INTERNAL, attributes: { 'openai_agents.span.type': 'custom' } };
    case 'mcp_tools':
      return { name: `list_tools ${data.server ?? ''}`.trim(), kind: SpanKind.INTERNAL, attributes: { 'openai_agents.span.type': 'mcp_tools' } };
    default:
      return { name: data.type, kind: SpanKind.INTERNAL, attributes: { 'openai_agents.span.type': data.type } };
  }
}

/** What a model span learnt: from a generation's output (the Chat Completions response) or a response's `_response`. */
function modelCallOf(data: SpanData): { model?: string; responseModel?: string; responseId?: string; finishReasons?: string[]; usage?: TokenCounts; simulated: boolean } {
  if (data.type === 'generation') {
    const output = (Array.isArray(data.output) ? data.output[0] : undefined) as Json | undefined;
    const finishReasons = Array.isArray(output?.choices) ? output.choices.map((choice: Json) => choice?.finish_reason).filter((reason: unknown) => typeof reason === 'string') : [];
    return {
      ...(typeof data.model === 'string' && { model: data.model }),
      ...(typeof output?.model === 'string' && { responseModel: output.model }),
      ...(typeof output?.id === 'string' && output.id !== FAKE_RESPONSE_ID && { responseId: output.id }),
      ...(finishReasons.length > 0 && { finishReasons }),
      usage: tokenCounts(data.usage) ?? tokenCounts(output?.usage),
      simulated: output?.system_fingerprint === SIMULATED_FINGERPRINT,
    };
  }
  if (data.type === 'response') {
    const response = data._response as Json | undefined;
    return {
      ...(typeof response?.model === 'string' && { model: response.model, responseModel: response.model }),
      ...(typeof data.response_id === 'string' && { responseId: data.response_id }),
      ...(response && { finishReasons: [responsesFinishReason(response)] }),
      usage: tokenCounts(response?.usage),
      simulated: false,
    };
  }
  return { simulated: false };
}

export class HotpathTracingProcessor implements TracingProcessor {
  private readonly tracer: SpanStarter;
  private readonly metrics: GenAiMetrics;
  private readonly captureContent: boolean;
  private readonly rootAttributes: Attributes;
  private readonly entries = new Map<string, Entry>();

  /**
   * @example
   * setTraceProcessors([new HotpathTracingProcessor({ captureContent: true })]); // from '@openai/agents'
   */
  constructor(options: InstrumentOptions = {}) {
    const telemetry = resolveTelemetry(options);
    this.tracer = telemetry.tracer;
    this.metrics = telemetry.metrics;
    this.captureContent = telemetry.captureContent;
    this.rootAttributes = options.attributes ?? {};
  }

  async onTraceStart(agentsTrace: AgentsTrace): Promise<void> {
    quietly(() => {
      const attributes: Attributes = { 'gen_ai.operation.name': 'invoke_workflow', ...this.rootAttributes };
      if (agentsTrace.groupId) attributes['gen_ai.conversation.id'] = agentsTrace.groupId;
      // The caller's context: a run inside instrument(fn) nests under that function's span.
      const parent = context.active();
      const span = this.tracer.startSpan(`invoke_workflow ${agentsTrace.name}`, { kind: SpanKind.INTERNAL, attributes }, parent);
      this.entries.set(agentsTrace.traceId, { span, context: trace.setSpan(parent, span), startMs: now() });
    });
  }

  async onTraceEnd(agentsTrace: AgentsTrace): Promise<void> {
    quietly(() => this.finish(agentsTrace.traceId, now()));
  }

  async onSpanStart(agentsSpan: AgentsSpan<any>): Promise<void> {
    quietly(() => {
      const parent = this.entries.get(agentsSpan.parentId ?? agentsSpan.traceId);
      const data = agentsSpan.spanData as SpanData;
      const start = startOf(data);
      const parentContext = parent?.context ?? context.active();
      const entry: Entry = { context: parentContext, agent: parent?.agent, turn: parent?.turn, startMs: now() };
      if (data.type === 'turn') entry.turn = entry;
      if (start) {
        entry.span = this.tracer.startSpan(start.name, { kind: start.kind, attributes: start.attributes }, parentContext);
        entry.context = trace.setSpan(parentContext, entry.span);
        if (data.type === 'agent') entry.agent = entry;
      }
      this.entries.set(agentsSpan.spanId, entry);
    });
  }

  async onSpanEnd(agentsSpan: AgentsSpan<any>): Promise<void> {
    quietly(() => {
      const entry = this.entries.get(agentsSpan.spanId);
      if (!entry) return;
      const data = agentsSpan.spanData as SpanData;
      const endMs = now();
      if (data.type === 'turn') this.settleTurn(entry, data.usage);
      if (entry.span) {
        if (agentsSpan.error) {
          entry.span.setAttribute('error.type', OTHER_ERROR);
          entry.span.setStatus({ code: SpanStatusCode.ERROR, message: agentsSpan.error.message });
        }
        if (data.type === 'generation' || data.type === 'response') {
          if (!this.recordModelCall(entry, data, endMs, agentsSpan.error !== null)) {
            // No usage on the span (the SDK leaves it out without sensitive data): the turn's usage comes later.
            if (entry.turn) {
              (entry.turn.waiting ??= []).push({ entry, endMs });
              this.entries.delete(agentsSpan.spanId);
              return;
            }
          }
        } else {
          this.recordEnd(entry.span, data);
        }
      }
      this.finish(agentsSpan.spanId, endMs);
    });
  }

  async shutdown(): Promise<void> {
    quietly(() => {
      for (const key of [...this.entries.keys()]) this.finish(key, now());
    });
  }

  /** Spans go out through the OpenTelemetry tracer provider, which has its own flush. */
  async forceFlush(): Promise<void> {}

  /** Writes a model span's attributes; false when it carried no usage. */
  private recordModelCall(entry: Entry, data: SpanData, endMs: number, failed: boolean): boolean {
    const span = entry.span as Span;
    const call = modelCallOf(data);
    const attributes: Attributes = {};
    if (call.model !== undefined) {
      attributes['gen_ai.request.model'] = call.model;
      span.updateName(`chat ${call.model}`);
    }
    if (call.responseModel !== undefined) attributes['gen_ai.response.model'] = call.responseModel;
    if (call.responseId !== undefined) attributes['gen_ai.response.id'] = call.responseId;
    if (call.finishReasons !== undefined) attributes['gen_ai.response.finish_reasons'] = call.finishReasons;
    if (call.simulated) attributes['hotpath.simulated'] = true;
    if (data.type === 'generation') {
      const config = (data.model_config ?? {}) as Json;
      if (typeof config.temperature === 'number') attributes['gen_ai.request.temperature'] = config.temperature;
      const { serverAddress, serverPort } = serverOf(config.base_url);
      if (serverAddress !== undefined) attributes['server.address'] = serverAddress;
      if (serverPort !== undefined) attributes['server.port'] = serverPort;
      if (this.captureContent && Array.isArray(data.input)) attributes['gen_ai.input.messages'] = requestContent(data.input).inputMessages;
    }
    if (this.captureContent) {
      const output = data.type === 'generation' ? (data.output?.[0] as Json | undefined) : (data as { _response?: Json })._response;
      if (output) attributes['gen_ai.output.messages'] = outputMessagesOf(data.type === 'generation' ? completionOutputs(output) : [responseOutput(output, responsesFinishReason(output))]);
    }
    span.setAttributes(attributes);
    if (call.usage) this.applyUsage(entry, call.usage);
    this.metrics.recordModelCall({
      provider: 'openai',
      requestModel: call.model ?? 'unknown',
      responseModel: call.responseModel,
      durationMs: endMs - entry.startMs,
      inputTokens: call.usage?.inputTokens,
      outputTokens: call.usage?.outputTokens,
      ...(failed && { errorType: OTHER_ERROR }),
    });
    return call.usage !== undefined;
  }

  private applyUsage(entry: Entry, usage: TokenCounts): void {
    entry.span?.setAttributes(usageAttributes(usage));
    addTotals(entry.agent, usage);
  }

  /** A turn reports its model call's usage: it goes to the one model span that waited for it. */
  private settleTurn(turn: Entry, usage: { input_tokens: number; output_tokens: number; cached_input_tokens: number } | undefined): void {
    const waiting = turn.waiting ?? [];
    if (waiting.length === 1 && usage) {
      this.applyUsage(waiting[0]!.entry, {
        inputTokens: count(usage.input_tokens) ?? 0,
        outputTokens: count(usage.output_tokens) ?? 0,
        cachedInputTokens: count(usage.cached_input_tokens) ?? 0,
      });
    }
    for (const { entry, endMs } of waiting) entry.span?.end(endMs);
    turn.waiting = undefined;
  }

  /** Attributes known at the end of tool, handoff and guardrail spans. */
  private recordEnd(span: Span, data: SpanData): void {
    if (data.type === 'function' && this.captureContent) {
      span.setAttributes({ 'gen_ai.tool.call.arguments': data.input, 'gen_ai.tool.call.result': data.output });
    } else if (data.type === 'handoff') {
      if (data.to_agent) span.updateName(`handoff ${data.to_agent}`);
      span.setAttributes({
        ...(data.from_agent && { 'openai_agents.handoff.from_agent': data.from_agent }),
        ...(data.to_agent && { 'openai_agents.handoff.to_agent': data.to_agent }),
      });
    } else if (data.type === 'guardrail') {
      span.setAttribute('openai_agents.guardrail.triggered', data.triggered);
    } else if (data.type === 'agent' && data.tools?.length) {
      span.setAttribute('openai_agents.agent.tools', data.tools);
    }
  }

  private finish(key: string, endMs: number): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (entry.waiting) this.settleTurn(entry, undefined);
    if (entry.totals) entry.span?.setAttributes(usageAttributes(entry.totals));
    entry.span?.end(endMs);
  }
}
