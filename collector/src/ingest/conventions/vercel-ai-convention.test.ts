import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { createSupportDeskTools, startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import { stepCountIs, streamText, tool } from 'ai';
import { costOf, defaultPricing } from '../pricing.ts';
import { createSpanRecorder } from './record-spans.test-support.ts';

describe('Vercel AI SDK spans (recorded from the ai package’s experimental_telemetry)', async () => {
  let server: SimulatedServer;
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0 });
  });
  after(() => server.close());

  it('count each doStream call once, never the streamText wrapper around them, with tool calls and the functionId as agent', async () => {
    const recorder = createSpanRecorder();
    const simulated = createOpenAICompatible({ name: 'sim', baseURL: server.baseURL, apiKey: 'sk-test', includeUsage: true });
    const tools = Object.fromEntries(
      createSupportDeskTools({ latencyScale: 0 })
        .filter((neutral) => neutral.name === 'list_orders' || neutral.name === 'list_tickets')
        .map((neutral) => [neutral.name, tool({ description: neutral.description, inputSchema: neutral.parameters as never, execute: (args: unknown) => neutral.execute(args as never, {}) })]),
    );
    const before = server.stats().requests;
    const result = streamText({
      model: simulated('sim-small'),
      prompt: 'Which orders has customer C-1001 placed, and do they have open tickets?',
      tools,
      stopWhen: stepCountIs(4),
      experimental_telemetry: { isEnabled: true, functionId: 'desk', tracer: recorder.tracerProvider.getTracer('ai') },
    });
    for await (const delta of result.textStream) void delta;
    const calls = server.stats().recent.filter((record) => record.requestNumber > before);
    assert.equal(calls.length, 2);

    const { detail, modelCalls, toolCalls } = await recorder.ingestRecorded();
    const wrapper = detail.spans.find((span) => span.name === 'ai.streamText')!;
    assert.equal(wrapper.agent, 'desk');
    assert.equal(wrapper.operation, 'invoke_agent');
    assert.equal(wrapper.inputTokens, calls[0]!.inputTokens + calls[1]!.inputTokens, 'the wrapper keeps its totals (lossless)…');
    assert.equal(modelCalls, 2, '…but only the two doStream spans count');
    const doStreams = detail.spans.filter((span) => span.name === 'ai.streamText.doStream');
    for (const span of doStreams) {
      assert.equal(span.operation, 'chat');
      assert.equal(span.model, 'sim-small');
      assert.equal(span.provider, 'sim');
    }
    assert.deepEqual(detail.spans.filter((span) => span.operation === 'execute_tool').map((span) => span.toolName).sort(), ['list_orders', 'list_tickets']);
    assert.equal(toolCalls, 2);
    const sum = (key: 'inputTokens' | 'outputTokens' | 'cachedInputTokens') => calls.reduce((total, call) => total + call[key], 0);
    assert.equal(detail.trace.inputTokens, sum('inputTokens'));
    assert.equal(detail.trace.outputTokens, sum('outputTokens'));
    assert.equal(detail.trace.cachedInputTokens, sum('cachedInputTokens'));
    const cost = calls.reduce(
      (total, call) =>
        total +
        costOf(defaultPricing['sim-small']!, { inputTokens: call.inputTokens, outputTokens: call.outputTokens, cachedInputTokens: call.cachedInputTokens, cacheCreationInputTokens: 0 }),
      0,
    );
    assert.ok(Math.abs(detail.trace.costUsd - cost) < 1e-12);
    assert.equal(detail.trace.agent, 'desk');
    assert.deepEqual(detail.trace.models, ['sim-small']);
  });
});
