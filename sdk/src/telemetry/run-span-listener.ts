// Turns the runner's lifecycle events into OpenTelemetry GenAI spans: `invoke_agent {agent}` per run,
// `chat {model}` per model call and `execute_tool {tool}` per tool call, with the exact start and end times the
// events carry. It only listens: it never changes what the runner does, and nothing it does can throw into a run.
import { context, SpanKind, trace, type Attributes, type Context, type Span } from '@opentelemetry/api';
import type { RunEvent, RunListener } from '../runner/run-events.ts';
import { chatRequestAttributes, chatResponseAttributes, firstChunkAttributes, routingAttributes, usageAttributes } from './chat-attributes.ts';
import {
  inputMessagesJson,
  outputMessagesJson,
  systemInstructionsJson,
  textMessagesJson,
  toolDefinitionsJson,
} from './gen-ai-content.ts';
import type { GenAiMetrics } from './gen-ai-metrics.ts';
import type { SpanStarter } from './instrument-options.ts';
import { optimizationAttributes } from './optimization-attributes.ts';
import { quietly } from './quietly.ts';
import { OTHER_ERROR, recordError, type ErrorInfo } from './span-errors.ts';

type EventOf<T extends RunEvent['type']> = Extract<RunEvent, { type: T }>;

interface OpenModelCall {
  span: Span;
  start: number;
  /** Time to first chunk is a streaming measure: a non-streamed response arrives all at once. */
  stream: boolean;
  firstChunk?: number;
  provider: string;
  model: string;
}

interface OpenToolCall {
  span: Span;
  toolCallId: string;
  /** Started ahead of the model (prefetch, follow-up, learned, draft): cancelling it unused is by design. */
  speculative: boolean;
  /** The tool span as parent, for sub-agent runs started by this tool. */
  context: Context;
}

interface OpenRun {
  span: Span;
  context: Context;
  conversationId?: string;
  modelCalls: Map<string, OpenModelCall>;
  toolCalls: Map<string, OpenToolCall>;
  simulated: boolean;
  /** Whether any model call had a price: without one the run's cost is unknown, not 0. */
  priced: boolean;
}

export interface RunSpanListenerOptions {
  /** A Tracer (only `startSpan` is used). */
  tracer: SpanStarter;
  /** Where each model call's GenAI client metrics go; without it, spans only. */
  metrics?: GenAiMetrics;
  captureContent: boolean;
  /** Set on every `invoke_agent` span, as given. */
  attributes?: Attributes;
}

/** A listener to pass to `runner.subscribe()`, plus what it needs to be inspected and closed. */
export interface RunSpanListener {
  listener: RunListener;
  /** Runs whose `run-start` was seen and whose `run-end` was not yet (state kept in memory). */
  openRuns(): number;
  /** Ends every span still open (at the current time) and forgets all state. */
  close(): void;
}

/**
 * Creates the listener that maps a runner's events to spans. Per-run state lives in a Map keyed by run id and is
 * removed at `run-end`, so memory stays flat across any number of runs.
 *
 * @example
 * const spans = createRunSpanListener({ tracer: trace.getTracer('@hotpath/sdk'), captureContent: false });
 * const unsubscribe = runner.subscribe(spans.listener);
 */
export function createRunSpanListener(options: RunSpanListenerOptions): RunSpanListener {
  const { tracer, metrics, captureContent } = options;
  const runs = new Map<string, OpenRun>();

  function parentContext(event: EventOf<'run-start'>): Context {
    const parent = event.parentRunId === undefined ? undefined : runs.get(event.parentRunId);
    if (!parent) return context.active();
    if (event.parentToolCallId !== undefined) {
      const id = event.parentToolCallId;
      const tool = parent.toolCalls.get(id) ?? [...parent.toolCalls.values()].find((call) => call.toolCallId === id);
      if (tool) return tool.context;
    }
    return parent.context;
  }

  function runStart(event: EventOf<'run-start'>): void {
    if (runs.has(event.runId)) return;
    const attributes: Attributes = {
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': event.agentName,
      'gen_ai.provider.name': event.provider,
      'gen_ai.request.model': event.model,
      'hotpath.run.id': event.runId,
      ...optimizationAttributes(event.optimizations),
      // The caller's own, as given: instrument()'s for every run, then run()'s for this one.
      ...options.attributes,
      ...event.attributes,
    };
    if (event.agentDescription !== undefined) attributes['gen_ai.agent.description'] = event.agentDescription;
    if (event.promptTokensSaved !== undefined) attributes['hotpath.prompt.tokens_saved'] = event.promptTokensSaved;
    if (event.conversationId !== undefined) attributes['gen_ai.conversation.id'] = event.conversationId;
    if (captureContent) {
      attributes['gen_ai.input.messages'] = textMessagesJson('user', event.input);
      if (event.instructions) attributes['gen_ai.system_instructions'] = systemInstructionsJson([{ role: 'system', content: event.instructions }]);
    }
    const parent = parentContext(event);
    const span = tracer.startSpan(
      `invoke_agent ${event.agentName}`,
      { kind: SpanKind.INTERNAL, startTime: event.time, attributes },
      parent,
    );
    runs.set(event.runId, {
      span,
      context: trace.setSpan(parent, span),
      conversationId: event.conversationId,
      modelCalls: new Map(),
      toolCalls: new Map(),
      simulated: false,
      priced: false,
    });
  }

  function modelCallStart(run: OpenRun, event: EventOf<'model-call-start'>): void {
    const attributes: Attributes = {
      ...chatRequestAttributes({
        provider: event.provider,
        model: event.model,
        stream: event.stream,
        maxOutputTokens: event.maxOutputTokens,
        temperature: event.temperature,
        conversationId: run.conversationId,
      }),
      'hotpath.model_call.purpose': event.purpose,
    };
    if (event.routing) Object.assign(attributes, routingAttributes(event.routing));
    if (event.toolsOmitted !== undefined) {
      attributes['hotpath.tools.offered'] = event.toolNames.length;
      attributes['hotpath.tools.omitted'] = event.toolsOmitted;
    }
    if (captureContent) {
      attributes['gen_ai.input.messages'] = inputMessagesJson(event.messages);
      const instructions = systemInstructionsJson(event.messages);
      if (instructions !== undefined) attributes['gen_ai.system_instructions'] = instructions;
      if (event.toolNames.length > 0) attributes['gen_ai.tool.definitions'] = toolDefinitionsJson(event.toolNames);
    }
    const span = tracer.startSpan(
      `chat ${event.model}`,
      { kind: SpanKind.CLIENT, startTime: event.time, attributes },
      run.context,
    );
    run.modelCalls.set(event.callId, { span, start: event.time, stream: event.stream, provider: event.provider, model: event.model });
  }

  function modelCallEnd(run: OpenRun, event: EventOf<'model-call-end'>): void {
    const call = run.modelCalls.get(event.callId);
    if (!call) return;
    run.modelCalls.delete(event.callId);
    call.span.setAttributes(chatResponseAttributes(event));
    // The decision as it stood once the response was in (a draft kept as a tool step), and a response thrown away.
    if (event.routing) call.span.setAttributes(routingAttributes(event.routing));
    if (event.discarded !== undefined) call.span.setAttributes({ 'hotpath.route.discarded': true, 'hotpath.route.discard_reason': event.discarded });
    if (event.transport?.simulated === true) run.simulated = true;
    if (event.costUsd !== undefined) run.priced = true;
    if (captureContent && event.output?.role === 'assistant') {
      call.span.setAttribute('gen_ai.output.messages', outputMessagesJson(event.output, event.finishReason));
    }
    if (event.error) recordError(call.span, event.error, event.time);
    call.span.end(event.time);
    metrics?.recordModelCall({
      provider: call.provider,
      requestModel: call.model,
      responseModel: event.responseModel,
      serverAddress: event.transport?.serverAddress,
      serverPort: event.transport?.serverPort,
      errorType: event.error?.type,
      durationMs: event.time - call.start,
      inputTokens: event.usage?.inputTokens,
      outputTokens: event.usage?.outputTokens,
      timeToFirstChunkMs: call.firstChunk === undefined ? undefined : call.firstChunk - call.start,
    });
  }

  function toolCallStart(run: OpenRun, event: EventOf<'tool-call-start'>): void {
    const attributes: Attributes = {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': event.toolCall.name,
      'gen_ai.tool.call.id': event.toolCall.id,
      'gen_ai.tool.type': 'function',
      'hotpath.tool.eager': event.eager,
      'hotpath.tool.prefetched': event.prefetched,
    };
    if (event.prefetchTrigger !== undefined) attributes['hotpath.tool.prefetch_trigger'] = event.prefetchTrigger;
    if (event.speculation) {
      attributes['hotpath.tool.prefetch_source'] = event.speculation.source;
      attributes['hotpath.tool.prefetch_used'] = event.speculation.used;
    }
    if (event.toolDescription !== undefined) attributes['gen_ai.tool.description'] = event.toolDescription;
    if (captureContent) attributes['gen_ai.tool.call.arguments'] = event.toolCall.arguments;
    // A child of the run, not of the model call: an eager tool overlaps the chat span that asked for it.
    const span = tracer.startSpan(
      `execute_tool ${event.toolCall.name}`,
      { kind: SpanKind.INTERNAL, startTime: event.time, attributes },
      run.context,
    );
    const speculative = event.prefetched || event.speculation !== undefined || event.prefetchTrigger !== undefined;
    run.toolCalls.set(event.callId, { span, toolCallId: event.toolCall.id, speculative, context: trace.setSpan(run.context, span) });
  }

  function toolCallEnd(run: OpenRun, event: EventOf<'tool-call-end'>): void {
    const call = run.toolCalls.get(event.callId);
    if (!call) return;
    run.toolCalls.delete(event.callId);
    call.span.setAttributes({
      'hotpath.cache.hit': event.cache,
      'hotpath.tool.timed_out': event.timedOut,
      'hotpath.tool.fallback_used': event.fallbackUsed,
      'hotpath.tool.worker': event.worker,
    });
    if (event.savedMs !== undefined) call.span.setAttribute('hotpath.tool.saved_ms', event.savedMs);
    if (event.resultTokensSaved !== undefined) call.span.setAttribute('hotpath.tool.result_tokens_saved', event.resultTokensSaved);
    // Working as designed is not an error: a speculative call cancelled because nobody needed it, and a failure (a
    // timeout, mostly) that the tool's fallback answered. Both say what happened in hotpath.tool.outcome and keep
    // the failure's type; only real failures set the error status.
    const failure = event.error ?? (event.isError ? { type: event.timedOut ? 'timeout' : OTHER_ERROR, message: event.result } : undefined);
    const outcome = toolOutcome(call, event, failure);
    call.span.setAttribute('hotpath.tool.outcome', outcome);
    if (outcome === 'error') recordError(call.span, failure!, event.time);
    else if (failure) call.span.setAttributes({ 'hotpath.tool.failure.type': failure.type, 'hotpath.tool.failure.message': failure.message });
    if (outcome === 'ok' && captureContent) {
      // The conventions record a result only for a successful execution.
      call.span.setAttribute('gen_ai.tool.call.result', event.result);
    }
    call.span.end(event.time);
  }

  function runEnd(run: OpenRun, event: EventOf<'run-end'>): void {
    runs.delete(event.runId);
    const unfinished: ErrorInfo = {
      type: event.error?.type ?? OTHER_ERROR,
      message: `the run ended (${event.outcome}) before this call reported its end`,
    };
    for (const call of run.modelCalls.values()) {
      recordError(call.span, unfinished, event.time);
      call.span.end(event.time);
    }
    for (const call of run.toolCalls.values()) {
      // A speculative call still running when the run ends was never needed: cancelled, not failed.
      if (call.speculative) call.span.setAttribute('hotpath.tool.outcome', 'cancelled');
      else recordError(call.span, unfinished, event.time);
      call.span.end(event.time);
    }
    run.span.setAttributes({
      ...usageAttributes(event.usage),
      'hotpath.run.outcome': event.outcome,
      'hotpath.run.steps': event.steps,
      'hotpath.usage.requests': event.usage.requests,
    });
    if (run.priced) run.span.setAttribute('hotpath.usage.cost_usd', event.usage.costUsd);
    if (event.speculation) {
      run.span.setAttributes({
        'hotpath.speculation.started': event.speculation.started,
        'hotpath.speculation.used': event.speculation.used,
        'hotpath.speculation.wasted': event.speculation.wasted,
      });
    }
    if (run.simulated) run.span.setAttribute('hotpath.simulated', true);
    if (captureContent && event.outcome === 'completed') {
      run.span.setAttribute('gen_ai.output.messages', textMessagesJson('assistant', event.finalOutput, 'stop'));
    }
    if (event.error) recordError(run.span, event.error, event.time);
    else if (event.outcome === 'error') recordError(run.span, { type: OTHER_ERROR, message: 'the run failed' }, event.time);
    run.span.end(event.time);
  }

  // A span of its own, so the time a classifier or cascade check holds up the step shows in the waterfall. Its
  // attributes live under `hotpath.routing.*`, apart from the chat span's `hotpath.route.*`, so backends that count
  // routed model calls by `hotpath.route.model` do not count the wait as one.
  function routeWait(run: OpenRun, event: EventOf<'route-wait'>): void {
    const attributes: Attributes = { 'hotpath.routing.phase': event.phase, 'hotpath.step': event.step };
    if (event.model !== null) attributes['hotpath.routing.model'] = event.model;
    if (event.rule !== null) attributes['hotpath.routing.rule'] = event.rule;
    const span = tracer.startSpan(
      event.phase === 'choose' ? 'route' : 'route check',
      { kind: SpanKind.INTERNAL, startTime: event.startTime, attributes },
      run.context,
    );
    span.end(event.time);
  }

  function handle(event: RunEvent): void {
    if (event.type === 'run-start') return runStart(event);
    const run = runs.get(event.runId);
    if (!run) return; // a run that began before instrument() was called, or after close()
    switch (event.type) {
      case 'model-call-start':
        return modelCallStart(run, event);
      case 'model-call-first-chunk': {
        const call = run.modelCalls.get(event.callId);
        if (call?.stream) {
          call.firstChunk = event.time;
          call.span.setAttributes(firstChunkAttributes(call.start, event.time));
        }
        return;
      }
      case 'model-call-end':
        return modelCallEnd(run, event);
      case 'tool-call-start':
        return toolCallStart(run, event);
      case 'tool-call-end':
        return toolCallEnd(run, event);
      case 'history-condensed':
        run.span.addEvent(
          'hotpath.history.condensed',
          {
            'hotpath.history.strategy': event.strategy,
            'hotpath.history.tokens_before': event.tokensBefore,
            'hotpath.history.tokens_after': event.tokensAfter,
            'hotpath.history.messages_before': event.messagesBefore,
            'hotpath.history.messages_after': event.messagesAfter,
            'hotpath.step': event.step,
          },
          event.time,
        );
        return;
      case 'route-wait':
        return routeWait(run, event);
      case 'stuck-detected':
        run.span.addEvent(
          'hotpath.stuck_detected',
          { 'hotpath.stuck.pattern': event.pattern, 'hotpath.stuck.detail': event.detail, 'hotpath.step': event.step },
          event.time,
        );
        return;
      case 'budget-exhausted':
        run.span.addEvent(
          'hotpath.budget_exhausted',
          {
            'hotpath.budget.kind': event.budget,
            'hotpath.budget.limit': event.limit,
            'hotpath.budget.used': event.used,
            'hotpath.step': event.step,
          },
          event.time,
        );
        return;
      case 'run-end':
        return runEnd(run, event);
      case 'text-delta':
      case 'step-end':
        return; // the hot path: text deltas arrive per token and carry nothing a span needs
    }
  }

  return {
    listener: (event) => quietly(() => handle(event)),
    openRuns: () => runs.size,
    close() {
      for (const run of runs.values()) {
        for (const call of [...run.modelCalls.values(), ...run.toolCalls.values()]) call.span.end();
        run.span.end();
      }
      runs.clear();
    },
  };
}

/**
 * What became of a tool call, for `hotpath.tool.outcome`: `ok`; `fell_back` (it failed or timed out and its
 * fallback answered); `cancelled` (a speculative call stopped unused); `error`.
 */
function toolOutcome(call: OpenToolCall, event: EventOf<'tool-call-end'>, failure: ErrorInfo | undefined): 'ok' | 'fell_back' | 'cancelled' | 'error' {
  if (failure === undefined) return 'ok';
  if (event.fallbackUsed && !event.isError) return 'fell_back';
  if (failure.type === 'aborted' && call.speculative) return 'cancelled';
  return 'error';
}
