import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { SpanKind, SpanStatusCode, type Tracer } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import type { RunEvent } from '../runner/run-events.ts';
import { createTestTracing } from '../testing/index.ts';
import { createRunSpanListener } from './run-span-listener.ts';

const tracing = createTestTracing();
const tracer = tracing.tracerProvider.getTracer('test');
after(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const T0 = 1_763_700_000_000.25; // epoch ms with a fraction, as the runner's clock gives
const usage = { inputTokens: 1200, outputTokens: 40, cachedInputTokens: 1024 };
const transport = { connection: 'new' as const, retries: 1, serverAddress: '127.0.0.1', serverPort: 8787, simulated: true };
const optimizations = { preset: 'optimized', disabled: [] };

/** One run: a streamed model call asks for a tool that starts eagerly, then a second call answers. */
function toolRun(runId = 'run-1', start = T0): RunEvent[] {
  return [
    { type: 'run-start', runId, time: start, agentName: 'support', agentDescription: 'Answers order questions', provider: 'hotpath.simulated', model: 'sim-large', input: 'Where is order 42?', instructions: 'Be brief.', optimizations },
    {
      type: 'model-call-start', runId, time: start + 1, callId: 'm1', step: 1, provider: 'hotpath.simulated', model: 'sim-large',
      purpose: 'chat', stream: true, toolNames: ['lookup_order'], maxOutputTokens: 256, temperature: 0,
      messages: [{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Where is order 42?' }],
    },
    { type: 'model-call-first-chunk', runId, time: start + 50, callId: 'm1' },
    { type: 'text-delta', runId, time: start + 51, callId: 'm1', delta: 'Let me look.' },
    {
      type: 'tool-call-start', runId, time: start + 60, callId: 't1', step: 1, eager: true, prefetched: false,
      toolCall: { id: 'call_1', name: 'lookup_order', arguments: '{"id":42}' }, toolDescription: 'Looks an order up',
    },
    {
      type: 'model-call-end', runId, time: start + 80, callId: 'm1', model: 'sim-large', responseModel: 'sim-large-2026',
      responseId: 'chatcmpl-1', finishReason: 'tool_calls', usage, costUsd: 0.0012, transport,
      output: { role: 'assistant', content: 'Let me look.', toolCalls: [{ id: 'call_1', name: 'lookup_order', arguments: '{"id":42}' }] },
    },
    {
      type: 'tool-call-end', runId, time: start + 90, callId: 't1', toolCall: { id: 'call_1', name: 'lookup_order', arguments: '{"id":42}' },
      cache: 'miss', result: '{"status":"shipped"}', isError: false, timedOut: false, fallbackUsed: false, worker: false,
    },
    { type: 'step-end', runId, time: start + 91, step: 1, toolCalls: 1, finishReason: 'tool_calls' },
    {
      type: 'model-call-start', runId, time: start + 92, callId: 'm2', step: 2, provider: 'hotpath.simulated', model: 'sim-small',
      purpose: 'chat', stream: false, toolNames: [], messages: [{ role: 'user', content: 'Where is order 42?' }],
    },
    { type: 'model-call-first-chunk', runId, time: start + 149, callId: 'm2' },
    {
      type: 'model-call-end', runId, time: start + 150, callId: 'm2', model: 'sim-small', finishReason: 'stop',
      usage: { inputTokens: 1300, outputTokens: 8, cachedInputTokens: 1200 }, transport: { connection: 'reused', retries: 0 },
      output: { role: 'assistant', content: 'It has shipped.' },
    },
    {
      type: 'run-end', runId, time: start + 151, outcome: 'completed', finalOutput: 'It has shipped.', steps: 2,
      usage: { inputTokens: 2500, outputTokens: 48, cachedInputTokens: 2224, requests: 2, costUsd: 0.0015, byModel: {} },
    },
  ];
}

function feed(events: RunEvent[], options: { captureContent?: boolean; tracer?: Tracer } = {}) {
  const spans = createRunSpanListener({ tracer: options.tracer ?? tracer, captureContent: options.captureContent ?? false });
  for (const event of events) spans.listener(event);
  return spans;
}

function only(name: string): ReadableSpan {
  const found = tracing.spansNamed(name);
  assert.equal(found.length, 1, `expected one span named ${name}, got ${found.length}`);
  return found[0]!;
}

const ms = (time: readonly [number, number]) => time[0] * 1000 + time[1] / 1e6;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

describe('run span listener', () => {
  it('writes one invoke_agent span per run with chat and execute_tool children', () => {
    feed(toolRun());
    const names = tracing.spans().map((span) => span.name).sort();
    assert.deepEqual(names, ['chat sim-large', 'chat sim-small', 'execute_tool lookup_order', 'invoke_agent support']);
    const run = only('invoke_agent support');
    assert.equal(run.kind, SpanKind.INTERNAL);
    assert.equal(parentOf(run), undefined);
    for (const child of ['chat sim-large', 'chat sim-small', 'execute_tool lookup_order']) {
      assert.equal(parentOf(only(child)), idOf(run), `${child} is a child of the run`);
      assert.equal(only(child).spanContext().traceId, run.spanContext().traceId);
    }
    assert.equal(only('chat sim-large').kind, SpanKind.CLIENT);
    assert.equal(only('execute_tool lookup_order').kind, SpanKind.INTERNAL);
  });

  it('uses the exact times of the events, so an eager tool overlaps the model call that asked for it', () => {
    feed(toolRun());
    const chat = only('chat sim-large');
    const tool = only('execute_tool lookup_order');
    const run = only('invoke_agent support');
    assert.ok(Math.abs(ms(run.startTime) - T0) < 0.01);
    assert.ok(Math.abs(ms(run.endTime) - (T0 + 151)) < 0.01);
    assert.ok(Math.abs(ms(chat.startTime) - (T0 + 1)) < 0.01);
    assert.ok(Math.abs(ms(tool.startTime) - (T0 + 60)) < 0.01);
    assert.ok(ms(tool.startTime) < ms(chat.endTime), 'the tool started before the model call ended');
    assert.ok(Math.abs(ms(tool.endTime) - (T0 + 90)) < 0.01);
  });

  it('records the GenAI and hotpath attributes of a model call', () => {
    feed(toolRun());
    assert.deepEqual(only('chat sim-large').attributes, {
      'gen_ai.operation.name': 'chat',
      'gen_ai.provider.name': 'hotpath.simulated',
      'gen_ai.request.model': 'sim-large',
      'gen_ai.request.stream': true,
      'gen_ai.request.max_tokens': 256,
      'gen_ai.request.temperature': 0,
      'hotpath.model_call.purpose': 'chat',
      'hotpath.time_to_first_chunk_ms': 49,
      'gen_ai.response.time_to_first_chunk': 0.049,
      'gen_ai.response.model': 'sim-large-2026',
      'gen_ai.response.id': 'chatcmpl-1',
      'gen_ai.response.finish_reasons': ['tool_calls'],
      'gen_ai.usage.input_tokens': 1200,
      'gen_ai.usage.output_tokens': 40,
      'gen_ai.usage.cache_read.input_tokens': 1024,
      'hotpath.connection': 'new',
      'hotpath.retries': 1,
      'server.address': '127.0.0.1',
      'server.port': 8787,
      'hotpath.simulated': true,
      'hotpath.usage.cost_usd': 0.0012,
    });
    const second = only('chat sim-small').attributes;
    assert.equal(second['gen_ai.request.stream'], undefined, 'set only when the request streams');
    assert.equal(second['hotpath.time_to_first_chunk_ms'], undefined, 'a streaming measure');
    assert.equal(second['hotpath.simulated'], undefined);
    assert.equal(second['hotpath.connection'], 'reused');
  });

  it('records the attributes of a tool call', () => {
    feed(toolRun());
    assert.deepEqual(only('execute_tool lookup_order').attributes, {
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'lookup_order',
      'gen_ai.tool.call.id': 'call_1',
      'gen_ai.tool.type': 'function',
      'gen_ai.tool.description': 'Looks an order up',
      'hotpath.tool.eager': true,
      'hotpath.tool.prefetched': false,
      'hotpath.cache.hit': 'miss',
      'hotpath.tool.timed_out': false,
      'hotpath.tool.fallback_used': false,
      'hotpath.tool.worker': false,
      'hotpath.tool.outcome': 'ok',
    });
  });

  it('records run totals, outcome, optimizations and the simulation flag on the run span', () => {
    feed(toolRun());
    const run = only('invoke_agent support');
    assert.deepEqual(run.attributes, {
      'gen_ai.operation.name': 'invoke_agent',
      'gen_ai.agent.name': 'support',
      'hotpath.run.id': 'run-1',
      'gen_ai.agent.description': 'Answers order questions',
      'hotpath.optimizations.preset': 'optimized',
      'hotpath.optimizations.disabled': [],
      'gen_ai.provider.name': 'hotpath.simulated',
      'gen_ai.request.model': 'sim-large',
      'gen_ai.usage.input_tokens': 2500,
      'gen_ai.usage.output_tokens': 48,
      'gen_ai.usage.cache_read.input_tokens': 2224,
      'hotpath.run.outcome': 'completed',
      'hotpath.run.steps': 2,
      'hotpath.usage.requests': 2,
      'hotpath.usage.cost_usd': 0.0015,
      'hotpath.simulated': true,
    });
    assert.equal(run.status.code, SpanStatusCode.UNSET);
  });

  it('takes the run span provider and model from the first agent step, not from side calls', () => {
    const runId = 'run-side';
    feed([
      { type: 'run-start', runId, time: T0, agentName: 'a', provider: 'openai', model: 'gpt-4.1', input: 'x', instructions: '', optimizations },
      { type: 'model-call-start', runId, time: T0 + 1, callId: 'g', step: 0, provider: 'openai', model: 'gpt-4.1-nano', purpose: 'guardrail', stream: false, toolNames: [], messages: [] },
      { type: 'model-call-start', runId, time: T0 + 1, callId: 'm', step: 1, provider: 'openai', model: 'gpt-4.1', purpose: 'chat', stream: true, toolNames: [], messages: [],
        routing: { model: 'gpt-4.1', candidates: ['gpt-4.1-mini', 'gpt-4.1'], rule: 'input-size', reason: 'long input' } },
      { type: 'model-call-end', runId, time: T0 + 2, callId: 'g', model: 'gpt-4.1-nano', finishReason: 'stop' },
      { type: 'model-call-end', runId, time: T0 + 3, callId: 'm', model: 'gpt-4.1', finishReason: 'stop' },
      { type: 'run-end', runId, time: T0 + 4, outcome: 'completed', finalOutput: 'ok', steps: 1, usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, requests: 2, costUsd: 0, byModel: {} } },
    ]);
    assert.equal(only('invoke_agent a').attributes['gen_ai.request.model'], 'gpt-4.1');
    assert.equal(only('chat gpt-4.1-nano').attributes['hotpath.model_call.purpose'], 'guardrail');
    const routed = only('chat gpt-4.1').attributes;
    assert.equal(routed['hotpath.route.model'], 'gpt-4.1');
    assert.deepEqual(routed['hotpath.route.candidates'], ['gpt-4.1-mini', 'gpt-4.1']);
    assert.equal(routed['hotpath.route.rule'], 'input-size');
    assert.equal(routed['hotpath.route.reason'], 'long input');
  });

  it('records how many tools a chat call offered and how many tool selection left out, on chat calls only', () => {
    const runId = 'run-tools';
    feed([
      { type: 'run-start', runId, time: T0, agentName: 'a', provider: 'openai', model: 'gpt-4.1', input: 'x', instructions: '', optimizations },
      { type: 'model-call-start', runId, time: T0 + 1, callId: 'g', step: 0, provider: 'openai', model: 'gpt-4.1-nano', purpose: 'guardrail', stream: false, toolNames: [], messages: [] },
      { type: 'model-call-start', runId, time: T0 + 1, callId: 'm', step: 0, provider: 'openai', model: 'gpt-4.1', purpose: 'chat', stream: true,
        toolNames: ['get_order', 'get_shipment'], toolsOmitted: 3, messages: [] },
      { type: 'model-call-end', runId, time: T0 + 2, callId: 'g', model: 'gpt-4.1-nano', finishReason: 'stop' },
      { type: 'model-call-end', runId, time: T0 + 3, callId: 'm', model: 'gpt-4.1', finishReason: 'stop' },
      { type: 'run-end', runId, time: T0 + 4, outcome: 'completed', finalOutput: 'ok', steps: 1, usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, requests: 2, costUsd: 0, byModel: {} } },
    ]);
    const chat = only('chat gpt-4.1').attributes;
    assert.equal(chat['hotpath.tools.offered'], 2);
    assert.equal(chat['hotpath.tools.omitted'], 3);
    const guardrail = only('chat gpt-4.1-nano').attributes;
    assert.equal(guardrail['hotpath.tools.offered'], undefined, 'side calls offer no agent tools');
    assert.equal(guardrail['hotpath.tools.omitted'], undefined);
  });

  it('sets gen_ai.conversation.id only when the caller passed one', () => {
    const events = toolRun();
    feed(events);
    assert.equal(only('invoke_agent support').attributes['gen_ai.conversation.id'], undefined);
    tracing.reset();
    const withConversation = toolRun('run-2').map((event) => (event.type === 'run-start' ? { ...event, conversationId: 'conv-7' } : event));
    feed(withConversation);
    assert.equal(only('invoke_agent support').attributes['gen_ai.conversation.id'], 'conv-7');
    assert.equal(only('chat sim-large').attributes['gen_ai.conversation.id'], 'conv-7');
  });

  it('records no content unless capture is on', () => {
    feed(toolRun());
    const contentKeys = ['gen_ai.input.messages', 'gen_ai.output.messages', 'gen_ai.system_instructions', 'gen_ai.tool.definitions', 'gen_ai.tool.call.arguments', 'gen_ai.tool.call.result'];
    for (const span of tracing.spans()) {
      for (const key of contentKeys) assert.equal(span.attributes[key], undefined, `${span.name} has no ${key}`);
    }
  });

  it('records content in the conventions JSON shapes when capture is on', () => {
    feed(toolRun(), { captureContent: true });
    const chat = only('chat sim-large').attributes;
    assert.deepEqual(JSON.parse(chat['gen_ai.input.messages'] as string), [
      { role: 'user', parts: [{ type: 'text', content: 'Where is order 42?' }] },
    ]);
    assert.deepEqual(JSON.parse(chat['gen_ai.system_instructions'] as string), [{ type: 'text', content: 'Be brief.' }]);
    assert.deepEqual(JSON.parse(chat['gen_ai.tool.definitions'] as string), [{ type: 'function', name: 'lookup_order' }]);
    assert.deepEqual(JSON.parse(chat['gen_ai.output.messages'] as string), [
      {
        role: 'assistant',
        parts: [{ type: 'text', content: 'Let me look.' }, { type: 'tool_call', id: 'call_1', name: 'lookup_order', arguments: { id: 42 } }],
        finish_reason: 'tool_call',
      },
    ]);
    const tool = only('execute_tool lookup_order').attributes;
    assert.equal(tool['gen_ai.tool.call.arguments'], '{"id":42}');
    assert.equal(tool['gen_ai.tool.call.result'], '{"status":"shipped"}');
    const run = only('invoke_agent support').attributes;
    assert.deepEqual(JSON.parse(run['gen_ai.output.messages'] as string), [
      { role: 'assistant', parts: [{ type: 'text', content: 'It has shipped.' }], finish_reason: 'stop' },
    ]);
  });

  it('records a failed model call with error.type, an exception event and status ERROR', () => {
    const runId = 'run-err';
    feed([
      { type: 'run-start', runId, time: T0, agentName: 'support', provider: 'openai', model: 'gpt-4.1', input: 'x', instructions: '', optimizations },
      { type: 'model-call-start', runId, time: T0 + 1, callId: 'm1', step: 1, provider: 'openai', model: 'gpt-4.1', purpose: 'chat', stream: true, toolNames: [], messages: [] },
      { type: 'model-call-end', runId, time: T0 + 5, callId: 'm1', model: 'gpt-4.1', error: { type: '503', message: 'upstream unavailable' } },
      { type: 'run-end', runId, time: T0 + 6, outcome: 'error', finalOutput: '', steps: 1, usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, requests: 1, costUsd: 0, byModel: {} }, error: { type: 'ProviderError', message: 'HTTP 503' } },
    ]);
    const chat = only('chat gpt-4.1');
    assert.equal(chat.attributes['error.type'], '503');
    assert.equal(chat.status.code, SpanStatusCode.ERROR);
    assert.equal(chat.status.message, 'upstream unavailable');
    const exception = chat.events.find((event) => event.name === 'exception');
    assert.equal(exception?.attributes?.['exception.type'], '503');
    assert.equal(exception?.attributes?.['exception.message'], 'upstream unavailable');
    const run = only('invoke_agent support');
    assert.equal(run.attributes['error.type'], 'ProviderError');
    assert.equal(run.attributes['hotpath.run.outcome'], 'error');
    assert.equal(run.status.code, SpanStatusCode.ERROR);
  });

  it('records failed and timed-out tool calls as errors, without their result', () => {
    const runId = 'run-tools';
    const call = (id: string) => ({ id, name: 'slow', arguments: '{}' });
    feed(
      [
        { type: 'run-start', runId, time: T0, agentName: 'a', provider: 'openai', model: 'gpt-4.1', input: 'x', instructions: '', optimizations },
        { type: 'tool-call-start', runId, time: T0 + 1, callId: 't1', step: 1, toolCall: call('c1'), eager: false, prefetched: false },
        { type: 'tool-call-start', runId, time: T0 + 1, callId: 't2', step: 1, toolCall: call('c2'), eager: false, prefetched: false },
        { type: 'tool-call-start', runId, time: T0 + 1, callId: 't3', step: 1, toolCall: call('c3'), eager: false, prefetched: true, prefetchTrigger: 'get_order' },
        { type: 'tool-call-end', runId, time: T0 + 2, callId: 't1', toolCall: call('c1'), cache: 'off', result: 'Error: boom', isError: true, timedOut: false, fallbackUsed: false, worker: false, error: { type: 'TypeError', message: 'boom' } },
        { type: 'tool-call-end', runId, time: T0 + 3, callId: 't2', toolCall: call('c2'), cache: 'off', result: 'Error: timed out after 50 ms', isError: true, timedOut: true, fallbackUsed: false, worker: false },
        { type: 'tool-call-end', runId, time: T0 + 4, callId: 't3', toolCall: call('c3'), cache: 'off', result: '"fallback"', isError: false, timedOut: true, fallbackUsed: true, worker: true },
        { type: 'tool-call-start', runId, time: T0 + 4, callId: 't4', step: 2, toolCall: call('c4'), eager: false, prefetched: false },
        { type: 'tool-call-end', runId, time: T0 + 4.5, callId: 't4', toolCall: call('c4'), cache: 'hit', result: '"cached"', isError: false, timedOut: false, fallbackUsed: false, worker: false, savedMs: 48.5, resultTokensSaved: 120 },
        { type: 'run-end', runId, time: T0 + 5, outcome: 'completed', finalOutput: 'ok', steps: 1, usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, requests: 0, costUsd: 0, byModel: {} } },
      ],
      { captureContent: true },
    );
    const [thrown, timedOut, fellBack] = ['c1', 'c2', 'c3'].map(
      (id) => tracing.spans().find((span) => span.attributes['gen_ai.tool.call.id'] === id)!,
    );
    assert.equal(thrown!.attributes['error.type'], 'TypeError');
    assert.equal(thrown!.status.code, SpanStatusCode.ERROR);
    assert.equal(thrown!.attributes['gen_ai.tool.call.result'], undefined);
    assert.equal(timedOut!.attributes['error.type'], 'timeout');
    assert.equal(timedOut!.attributes['hotpath.tool.timed_out'], true);
    assert.equal(fellBack!.status.code, SpanStatusCode.UNSET, 'a fallback answered: the call succeeded');
    assert.equal(fellBack!.attributes['hotpath.tool.fallback_used'], true);
    assert.equal(fellBack!.attributes['hotpath.tool.worker'], true);
    assert.equal(fellBack!.attributes['hotpath.tool.prefetched'], true);
    assert.equal(fellBack!.attributes['hotpath.tool.prefetch_trigger'], 'get_order');
    assert.equal(thrown!.attributes['hotpath.tool.prefetch_trigger'], undefined);
    assert.equal(thrown!.attributes['hotpath.tool.result_tokens_saved'], undefined);
    assert.equal(fellBack!.attributes['gen_ai.tool.call.result'], '"fallback"');
    assert.equal(fellBack!.attributes['hotpath.tool.saved_ms'], undefined);
    const cached = tracing.spans().find((span) => span.attributes['gen_ai.tool.call.id'] === 'c4')!;
    assert.equal(cached.attributes['hotpath.cache.hit'], 'hit');
    assert.equal(cached.attributes['hotpath.tool.saved_ms'], 48.5);
    assert.equal(cached.attributes['hotpath.tool.result_tokens_saved'], 120);
  });

  it('sets the run() attributes on the run span, over the instrument() ones', () => {
    const spans = createRunSpanListener({ tracer, captureContent: false, attributes: { 'hotpath.workload.variant': 'baseline', team: 'desk' } });
    const events = toolRun().map((event) =>
      event.type === 'run-start' ? { ...event, attributes: { 'hotpath.workload.variant': 'optimized', 'hotpath.workload.batch': 3 } } : event,
    );
    for (const event of events) spans.listener(event);
    const run = only('invoke_agent support').attributes;
    assert.equal(run['hotpath.workload.variant'], 'optimized');
    assert.equal(run['hotpath.workload.batch'], 3);
    assert.equal(run.team, 'desk');
  });

  it('ends calls still open when the run ends, as errors at the run end time', () => {
    const runId = 'run-aborted';
    const spans = feed([
      { type: 'run-start', runId, time: T0, agentName: 'a', provider: 'openai', model: 'gpt-4.1', input: 'x', instructions: '', optimizations },
      { type: 'model-call-start', runId, time: T0 + 1, callId: 'm1', step: 1, provider: 'openai', model: 'gpt-4.1', purpose: 'chat', stream: true, toolNames: [], messages: [] },
      { type: 'run-end', runId, time: T0 + 9, outcome: 'aborted', finalOutput: '', steps: 0, usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, requests: 0, costUsd: 0, byModel: {} }, error: { type: 'AbortError', message: 'aborted' } },
    ]);
    const chat = only('chat gpt-4.1');
    assert.ok(Math.abs(ms(chat.endTime) - (T0 + 9)) < 0.01);
    assert.equal(chat.attributes['error.type'], 'AbortError');
    assert.equal(only('invoke_agent a').attributes['hotpath.run.outcome'], 'aborted');
    assert.equal(spans.openRuns(), 0);
  });

  it('writes condensation, stuck detection and budget decisions as events on the run span', () => {
    const runId = 'run-events';
    feed([
      { type: 'run-start', runId, time: T0, agentName: 'a', provider: 'openai', model: 'gpt-4.1', input: 'x', instructions: '', optimizations },
      { type: 'history-condensed', runId, time: T0 + 1, step: 3, strategy: 'summarize', tokensBefore: 14000, tokensAfter: 3000, messagesBefore: 40, messagesAfter: 8 },
      { type: 'stuck-detected', runId, time: T0 + 2, step: 4, pattern: 'ping-pong', detail: 'a,b,a,b' },
      { type: 'budget-exhausted', runId, time: T0 + 3, step: 5, budget: 'tokens', limit: 20000, used: 20400 },
      { type: 'run-end', runId, time: T0 + 4, outcome: 'budget_exhausted', finalOutput: '', steps: 5, usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, requests: 0, costUsd: 0, byModel: {} } },
    ]);
    const run = only('invoke_agent a');
    assert.equal(run.attributes['hotpath.usage.cost_usd'], undefined, 'no model call had a price: the cost is unknown, not 0');
    assert.deepEqual(
      run.events.map((event) => [event.name, event.attributes]),
      [
        ['hotpath.history.condensed', { 'hotpath.history.strategy': 'summarize', 'hotpath.history.tokens_before': 14000, 'hotpath.history.tokens_after': 3000, 'hotpath.history.messages_before': 40, 'hotpath.history.messages_after': 8, 'hotpath.step': 3 }],
        ['hotpath.stuck_detected', { 'hotpath.stuck.pattern': 'ping-pong', 'hotpath.stuck.detail': 'a,b,a,b', 'hotpath.step': 4 }],
        ['hotpath.budget_exhausted', { 'hotpath.budget.kind': 'tokens', 'hotpath.budget.limit': 20000, 'hotpath.budget.used': 20400, 'hotpath.step': 5 }],
      ],
    );
    assert.ok(Math.abs(ms(run.events[1]!.time) - (T0 + 2)) < 0.01);
    assert.equal(run.status.code, SpanStatusCode.UNSET, 'a budget stop is an outcome, not an error');
  });

  it('nests a sub-agent run under the tool call of the parent run that started it', () => {
    const parent = toolRun('parent');
    const toolEnd = parent.findIndex((event) => event.type === 'tool-call-end');
    const child: RunEvent[] = [
      { type: 'run-start', runId: 'child', time: T0 + 61, agentName: 'researcher', provider: 'openai', model: 'gpt-4.1', input: 'order 42', instructions: '', optimizations, parentRunId: 'parent', parentToolCallId: 'call_1' },
      { type: 'run-end', runId: 'child', time: T0 + 70, outcome: 'completed', finalOutput: 'shipped', steps: 1, usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, requests: 0, costUsd: 0, byModel: {} } },
    ];
    feed([...parent.slice(0, toolEnd), ...child, ...parent.slice(toolEnd)]);
    assert.equal(parentOf(only('invoke_agent researcher')), idOf(only('execute_tool lookup_order')));
    assert.equal(only('invoke_agent researcher').spanContext().traceId, only('invoke_agent support').spanContext().traceId);
  });

  it('keeps concurrent runs apart and forgets every run at its end (no state kept across thousands of runs)', () => {
    const spans = createRunSpanListener({ tracer, captureContent: false });
    const a = toolRun('a');
    const b = toolRun('b', T0 + 5);
    for (let i = 0; i < a.length; i++) {
      spans.listener(a[i]!);
      spans.listener(b[i]!);
    }
    const runs = tracing.spansNamed('invoke_agent support');
    assert.equal(runs.length, 2);
    assert.notEqual(runs[0]!.spanContext().traceId, runs[1]!.spanContext().traceId);
    for (const run of runs) {
      const children = tracing.spans().filter((span) => parentOf(span) === idOf(run));
      assert.equal(children.length, 3);
    }
    for (let i = 0; i < 3000; i++) {
      for (const event of toolRun(`many-${i}`)) spans.listener(event);
      if (i % 500 === 0) tracing.reset();
    }
    assert.equal(spans.openRuns(), 0);
  });

  it('ignores events of runs it never saw start', () => {
    const spans = feed(toolRun().slice(1));
    assert.equal(tracing.spans().length, 0);
    assert.equal(spans.openRuns(), 0);
  });

  it('never throws into the runner, even when the tracer does', () => {
    const broken = { startSpan: () => { throw new Error('exporter exploded'); } } as unknown as Tracer;
    assert.doesNotThrow(() => feed(toolRun(), { tracer: broken }));
  });

  it('ends open spans on close()', () => {
    const spans = feed(toolRun().slice(0, 5));
    assert.equal(spans.openRuns(), 1);
    spans.close();
    assert.equal(spans.openRuns(), 0);
    assert.deepEqual(tracing.spans().map((span) => span.name).sort(), ['chat sim-large', 'execute_tool lookup_order', 'invoke_agent support']);
  });
});
