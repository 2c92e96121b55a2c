import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import { OpenAIInstrumentation } from '@traceloop/instrumentation-openai';
import OpenAI from 'openai';
import { costOf, defaultPricing } from '../pricing.ts';
import { runDeskAgent } from './desk-agent.test-support.ts';
import { createSpanRecorder } from './record-spans.test-support.ts';

describe('OpenLLMetry / Traceloop spans (recorded from @traceloop/instrumentation-openai)', async () => {
  let server: SimulatedServer;
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0 });
  });
  after(() => server.close());

  it('are stored with their model, tokens and cost, each call counted once', async () => {
    const recorder = createSpanRecorder();
    const instrumentation = new OpenAIInstrumentation();
    instrumentation.setTracerProvider(recorder.tracerProvider);
    // Its manual hook takes the module's default export (it patches OpenAI.Chat.Completions.prototype).
    instrumentation.manuallyInstrument(OpenAI as never);
    const [toolStep] = await runDeskAgent(new OpenAI({ baseURL: server.baseURL, apiKey: 'sk-test' }), server, recorder.tracerProvider);
    instrumentation.disable();

    const { detail, modelCalls } = await recorder.ingestRecorded();
    const chats = detail.spans.filter((span) => span.name === 'chat sim-small');
    assert.equal(chats.length, 2);
    for (const span of chats) {
      assert.equal(span.operation, 'chat');
      assert.equal(span.provider, 'openai');
      assert.equal(span.model, 'sim-small');
    }
    const counted = chats.find((span) => span.inputTokens !== null)!;
    assert.equal(counted.inputTokens, toolStep!.inputTokens);
    assert.equal(counted.outputTokens, toolStep!.outputTokens);
    const cost = costOf(defaultPricing['sim-small']!, {
      inputTokens: toolStep!.inputTokens,
      outputTokens: toolStep!.outputTokens,
      cachedInputTokens: counted.cachedInputTokens ?? 0,
      cacheCreationInputTokens: 0,
    });
    assert.equal(counted.costUsd, cost);
    assert.equal(modelCalls, 2);
    assert.deepEqual(detail.trace.models, ['sim-small']);
    assert.equal(detail.trace.inputTokens, toolStep!.inputTokens);
    assert.equal(detail.trace.outputTokens, toolStep!.outputTokens);
  });
});
