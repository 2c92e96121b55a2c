// The Vercel AI SDK needs no adapter: its `experimental_telemetry` writes OpenTelemetry spans itself (ai.* attributes,
// plus gen_ai.* on model calls), to the global tracer provider that setup() registers or to the tracer it is given.
// This pins the set-up the telemetry README documents, against the real `ai` package and the simulated server.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createSupportDeskTools, startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import { stepCountIs, streamText, tool } from 'ai';
import { createTestTracing } from '../../testing/in-memory-span-exporter.ts';

describe('Vercel AI SDK telemetry', () => {
  let server: SimulatedServer;
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0.01 });
  });
  after(() => server.close());

  it('gives a streamed agent run with two parallel tool calls one trace: the call, a doStream span per model call, a toolCall span per tool', async () => {
    const tracing = createTestTracing();
    const simulated = createOpenAICompatible({ name: 'sim', baseURL: server.baseURL, apiKey: 'sk-test', includeUsage: true });
    const tools = Object.fromEntries(
      createSupportDeskTools({ latencyScale: 0.01 })
        .filter((neutral) => neutral.name === 'list_orders' || neutral.name === 'list_tickets')
        .map((neutral) => [neutral.name, tool({ description: neutral.description, inputSchema: neutral.parameters as never, execute: (args: unknown) => neutral.execute(args as never, {}) })]),
    );
    const before = server.stats().byModel['sim-small'] ?? { requests: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 };
    const result = streamText({
      model: simulated('sim-small'),
      prompt: 'Which orders has customer C-1001 placed, and do they have open tickets?',
      tools,
      stopWhen: stepCountIs(4),
      // The documented one line (with setup() registering the global provider, `tracer` is not needed).
      experimental_telemetry: { isEnabled: true, functionId: 'desk', tracer: tracing.tracerProvider.getTracer('ai') },
    });
    let answer = '';
    for await (const delta of result.textStream) answer += delta;
    assert.match(answer, /O-5001/);

    const spans = tracing.spans();
    const root = spans.find((span) => span.name === 'ai.streamText')!;
    const calls = spans.filter((span) => span.name === 'ai.streamText.doStream');
    const toolCalls = spans.filter((span) => span.name === 'ai.toolCall');
    assert.ok(root, tracing.tree());
    assert.equal(root.parentSpanContext, undefined);
    assert.equal(calls.length, 2, tracing.tree());
    assert.deepEqual(toolCalls.map((span) => span.attributes['ai.toolCall.name']).sort(), ['list_orders', 'list_tickets']);
    for (const span of [...calls, ...toolCalls]) assert.equal(span.parentSpanContext?.spanId, root.spanContext().spanId);
    const after = server.stats().byModel['sim-small']!;
    const sum = (key: string) => calls.reduce((total, span) => total + (span.attributes[key] as number), 0);
    assert.equal(sum('gen_ai.usage.input_tokens'), after.inputTokens - before.inputTokens);
    assert.equal(sum('gen_ai.usage.output_tokens'), after.outputTokens - before.outputTokens);
    assert.equal(root.attributes['ai.usage.inputTokens'], after.inputTokens - before.inputTokens, 'the wrapper repeats the totals (the collector counts them once)');
  });
});
