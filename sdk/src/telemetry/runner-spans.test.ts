// Spans of real runs: the Runner with the scripted model, instrumented, checked through the in-memory exporter.
import assert from 'node:assert/strict';
import { after, beforeEach, describe, it } from 'node:test';
import { SpanKind, SpanStatusCode, type TracerProvider } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { z } from 'zod';
import { Agent } from '../agent/index.ts';
import { OPTIMIZATION_NAMES, Runner } from '../runner/index.ts';
import { cascade, router } from '../routing/index.ts';
import { createTestTracing, scriptedModel, type ScriptedResponse } from '../testing/index.ts';
import { tool } from '../tools/index.ts';
import { instrument, uninstrument } from './instrument.ts';
import { createRunSpanListener } from './run-span-listener.ts';

const tracing = createTestTracing();
const tracerProvider = tracing.tracerProvider;
after(() => tracing.shutdown());
beforeEach(() => tracing.reset());

const lookupOrder = tool({
  name: 'lookup_order',
  description: 'Looks an order up by id',
  parameters: z.object({ id: z.string() }),
  readOnly: true,
  execute: async ({ id }) => {
    await new Promise((resolve) => setTimeout(resolve, 15));
    return { id, status: 'shipped' };
  },
});
const brokenTool = tool({
  name: 'broken',
  description: 'Always fails',
  parameters: z.object({}),
  execute: async () => {
    throw new RangeError('no such carrier');
  },
});
const desk = new Agent({ name: 'desk', instructions: 'Answer order questions.', model: 'sim-large', tools: [lookupOrder, brokenTool] });

/** Two orders looked up at once while the response still streams, then an answer. */
const twoLookups = (): ScriptedResponse[] => [
  { toolCalls: [{ name: 'lookup_order', arguments: { id: 'A1' } }, { name: 'lookup_order', arguments: { id: 'B2' } }], chunkSize: 4, chunkDelayMs: 3 },
  { text: 'Both orders have shipped.' },
];

const ms = (time: readonly [number, number]) => time[0] * 1000 + time[1] / 1e6;
const byName = (name: string) => tracing.spansNamed(name);
const idOf = (span: ReadableSpan) => span.spanContext().spanId;
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;

describe('spans of real runs', () => {
  it('form one trace: invoke_agent, then chat and execute_tool children, eager tools overlapping their model call', async () => {
    const runner = instrument(new Runner({ provider: scriptedModel(twoLookups()) }), { tracerProvider });
    const result = await runner.run(desk, 'Where are A1 and B2?');

    const [run] = byName('invoke_agent desk');
    assert.ok(run);
    assert.equal(run.kind, SpanKind.INTERNAL);
    assert.equal(run.attributes['hotpath.run.id'], result.runId);
    assert.equal(run.attributes['hotpath.run.outcome'], 'completed');
    assert.equal(run.attributes['hotpath.run.steps'], 2);
    assert.equal(run.attributes['gen_ai.usage.input_tokens'], result.usage.inputTokens);
    assert.equal(run.attributes['gen_ai.usage.output_tokens'], result.usage.outputTokens);
    assert.equal(run.attributes['gen_ai.usage.cache_read.input_tokens'], result.usage.cachedInputTokens);
    assert.equal(run.attributes['hotpath.usage.requests'], 2);
    assert.equal(run.attributes['gen_ai.provider.name'], 'hotpath.scripted');
    assert.equal(run.attributes['gen_ai.request.model'], 'sim-large');
    assert.equal(run.attributes['hotpath.optimizations.preset'], 'optimized');

    const chats = byName('chat sim-large');
    const tools = byName('execute_tool lookup_order');
    assert.equal(chats.length, 2);
    assert.equal(tools.length, 2);
    for (const child of [...chats, ...tools]) {
      assert.equal(parentOf(child), idOf(run));
      assert.equal(child.spanContext().traceId, run.spanContext().traceId);
    }
    const firstChat = chats.sort((a, b) => ms(a.startTime) - ms(b.startTime))[0]!;
    assert.equal(firstChat.kind, SpanKind.CLIENT);
    assert.deepEqual(firstChat.attributes['gen_ai.response.finish_reasons'], ['tool_calls']);
    assert.equal(typeof firstChat.attributes['hotpath.time_to_first_chunk_ms'], 'number');
    for (const span of tools) {
      assert.equal(span.attributes['hotpath.tool.eager'], true);
      assert.ok(ms(span.startTime) < ms(firstChat.endTime), 'an eager tool starts before its model call ends');
      assert.ok(ms(span.startTime) >= ms(run.startTime) && ms(span.endTime) <= ms(run.endTime));
    }
    assert.deepEqual(tools.map((span) => span.attributes['gen_ai.tool.call.id']).sort(), result.steps[0]!.toolCalls.map((call) => call.toolCall.id).sort());
  });

  it('are the same for stream() as for run()', async () => {
    const runner = instrument(new Runner({ provider: scriptedModel(twoLookups()) }), { tracerProvider });
    const stream = runner.stream(desk, 'Where are A1 and B2?');
    let deltas = 0;
    for await (const event of stream) if (event.type === 'text-delta') deltas++;
    await stream.result;
    assert.ok(deltas > 0);
    assert.deepEqual(tracing.spans().map((span) => span.name).sort(), [
      'chat sim-large',
      'chat sim-large',
      'execute_tool lookup_order',
      'execute_tool lookup_order',
      'invoke_agent desk',
    ]);
  });

  it('record a tool that throws as an error on its span while the run completes', async () => {
    const model = scriptedModel([{ toolCalls: [{ name: 'broken', arguments: {} }] }, { text: 'Sorry, I could not check.' }]);
    const runner = instrument(new Runner({ provider: model }), { tracerProvider });
    await runner.run(desk, 'Which carrier?');
    const [span] = byName('execute_tool broken');
    assert.equal(span!.status.code, SpanStatusCode.ERROR);
    assert.equal(span!.attributes['error.type'], 'RangeError');
    assert.equal(byName('invoke_agent desk')[0]!.status.code, SpanStatusCode.UNSET);
  });

  it('record a provider failure on the chat span and the run span', async () => {
    const model = scriptedModel([{ error: { status: 400, message: 'bad request' } }]);
    const runner = instrument(new Runner({ provider: model }), { tracerProvider });
    await assert.rejects(runner.run(desk, 'hi'));
    const [chat] = byName('chat sim-large');
    assert.equal(chat!.attributes['error.type'], '400');
    assert.equal(chat!.status.code, SpanStatusCode.ERROR);
    const [run] = byName('invoke_agent desk');
    assert.equal(run!.attributes['hotpath.run.outcome'], 'error');
    assert.equal(run!.status.code, SpanStatusCode.ERROR);
  });

  it('end every span of an aborted run', async () => {
    const model = scriptedModel([{ text: 'a long answer that streams slowly', chunkSize: 2, chunkDelayMs: 20 }]);
    const runner = instrument(new Runner({ provider: model }), { tracerProvider });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await assert.rejects(runner.run(desk, 'hi', { signal: controller.signal }));
    assert.equal(byName('invoke_agent desk')[0]!.attributes['hotpath.run.outcome'], 'aborted');
    assert.equal(byName('chat sim-large')[0]!.status.code, SpanStatusCode.ERROR);
  });

  it('nest a sub-agent run under the execute_tool span of the parent that started it', async () => {
    const researcher = new Agent({ name: 'researcher', description: 'Finds facts', instructions: 'Research.', model: 'sim-small' });
    const lead = new Agent({ name: 'lead', instructions: 'Delegate.', model: 'sim-large', subAgents: [researcher] });
    const model = scriptedModel((request) =>
      request.model === 'sim-small'
        ? { text: 'A1 shipped on Monday.' }
        : request.messages.some((message) => message.role === 'tool')
          ? { text: 'It shipped Monday.' }
          : { toolCalls: [{ name: 'researcher', arguments: { input: 'When did A1 ship?' } }] },
    );
    const runner = instrument(new Runner({ provider: model }), { tracerProvider });
    await runner.run(lead, 'When did A1 ship?');
    const [sub] = byName('invoke_agent researcher');
    const [delegation] = byName('execute_tool researcher');
    assert.equal(parentOf(sub!), idOf(delegation!));
    assert.equal(sub!.attributes['gen_ai.agent.description'], 'Finds facts');
    assert.equal(parentOf(byName('chat sim-small')[0]!), idOf(sub!));
    assert.equal(new Set(tracing.spans().map((span) => span.spanContext().traceId)).size, 1);
  });

  it('show the wait for an async classifier and an async cascade check as route spans of the run, and no span for sync routing', async () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    const classified = new Agent({
      name: 'classified',
      instructions: 'Answer.',
      model: router({
        models: ['sim-small', 'sim-large'],
        classify: async () => {
          await sleep(30);
          return 'hard';
        },
        rules: [{ classifier: 'hard', model: 'sim-large' }],
      }),
    });
    const runner = instrument(new Runner({ provider: scriptedModel([{ text: 'Shipped.' }]) }), { tracerProvider });
    await runner.run(classified, 'Where is A1?');
    const [run] = byName('invoke_agent classified');
    const [route] = byName('route');
    const [chat] = byName('chat sim-large');
    assert.equal(parentOf(route!), idOf(run!));
    assert.deepEqual(
      { phase: route!.attributes['hotpath.routing.phase'], model: route!.attributes['hotpath.routing.model'], rule: route!.attributes['hotpath.routing.rule'] },
      { phase: 'choose', model: 'sim-large', rule: 'classifier' },
    );
    assert.equal(route!.attributes['hotpath.route.model'], undefined, 'not counted as a routed model call');
    assert.ok(ms(route!.endTime) - ms(route!.startTime) >= 25, 'the span covers the classifier wait');
    assert.ok(ms(chat!.startTime) >= ms(route!.endTime) - 1, 'the model call starts once the decision is made');

    tracing.reset();
    const checked = new Agent({
      name: 'checked',
      instructions: 'Answer.',
      model: cascade({
        models: ['sim-small', 'sim-large'],
        check: async (output) => {
          await sleep(20);
          return /A-\d{4}/.test(output.content ?? '');
        },
      }),
    });
    const cascading = scriptedModel((request) => ({ text: request.model === 'sim-small' ? 'It shipped.' : 'A-1234 shipped.' }));
    await instrument(new Runner({ provider: cascading }), { tracerProvider }).run(checked, 'Where is my order?');
    const checks = byName('route check');
    assert.equal(checks.length, 1, "only the cheap model's answer is checked; the strongest model's is kept");
    assert.equal(checks[0]!.attributes['hotpath.routing.model'], 'sim-large');
    assert.equal(checks[0]!.attributes['hotpath.routing.rule'], 'cascade:escalate');
    assert.ok(ms(checks[0]!.endTime) - ms(checks[0]!.startTime) >= 15);
    assert.equal(byName('route').length, 0, "the cascade's first choice is synchronous: no span");
  });

  it('nest runs under an instrumented agent function, as one trace per call', async () => {
    const runner = instrument(new Runner({ provider: scriptedModel(() => ({ text: 'ok' })) }), { tracerProvider });
    const answer = instrument(async (question: string) => (await runner.run(desk, question)).finalOutput, { tracerProvider, name: 'support' });
    await Promise.all([answer('one'), answer('two')]);
    const outer = byName('invoke_agent support');
    const runs = byName('invoke_agent desk');
    assert.equal(outer.length, 2);
    assert.deepEqual(runs.map(parentOf).sort(), outer.map(idOf).sort());
  });

  it('carry the baseline preset and the switched-off techniques', async () => {
    const runner = instrument(new Runner({ provider: scriptedModel([{ text: 'ok' }]), optimizations: 'baseline' }), { tracerProvider });
    await runner.run(desk, 'hi', { attributes: { 'hotpath.workload.variant': 'baseline' } });
    const [run] = byName('invoke_agent desk');
    assert.equal(run!.attributes['hotpath.optimizations.preset'], 'baseline');
    assert.deepEqual(run!.attributes['hotpath.optimizations.disabled'], [...OPTIMIZATION_NAMES]);
    assert.equal(run!.attributes['hotpath.workload.variant'], 'baseline');
    assert.equal(byName('chat sim-large')[0]!.attributes['gen_ai.request.stream'], undefined, 'baseline does not stream');
  });

  it('leave no per-run state behind after many runs', async () => {
    const runner = new Runner({ provider: scriptedModel(() => ({ text: 'ok' })) });
    const spans = createRunSpanListener({ tracer: tracerProvider.getTracer('t'), captureContent: true });
    runner.subscribe(spans.listener);
    for (let batch = 0; batch < 10; batch++) {
      await Promise.all(Array.from({ length: 50 }, (_, i) => runner.run(desk, `q${batch}-${i}`)));
      tracing.reset();
    }
    assert.equal(spans.openRuns(), 0);
  });

  it('cost nothing once uninstrumented: no tracer is asked for a span', async () => {
    let spansStarted = 0;
    const counting: TracerProvider = {
      getTracer: (name) => {
        const tracer = tracerProvider.getTracer(name);
        return { ...tracer, startSpan: (...args: Parameters<typeof tracer.startSpan>) => (spansStarted++, tracer.startSpan(...args)) } as typeof tracer;
      },
    };
    const runner = instrument(new Runner({ provider: scriptedModel(() => ({ text: 'ok' })) }), { tracerProvider: counting });
    await runner.run(desk, 'with telemetry');
    assert.equal(spansStarted, 2);
    uninstrument(runner);
    await runner.run(desk, 'without telemetry');
    assert.equal(spansStarted, 2);
  });
});
