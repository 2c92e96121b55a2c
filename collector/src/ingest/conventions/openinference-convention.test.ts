import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { OpenAIInstrumentation } from '@arizeai/openinference-instrumentation-openai';
import { startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import * as openaiModule from 'openai';
import OpenAI from 'openai';
import { costOf, defaultPricing } from '../pricing.ts';
import { runDeskAgent } from './desk-agent.test-support.ts';
import { createSpanRecorder } from './record-spans.test-support.ts';

describe('OpenInference spans (recorded from @arizeai/openinference-instrumentation-openai)', async () => {
  let server: SimulatedServer;
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0 });
  });
  after(() => server.close());

  it('are stored with their model, tokens and cost, and a streamed call without token counts still counts as a model call', async () => {
    const recorder = createSpanRecorder();
    const instrumentation = new OpenAIInstrumentation({ tracerProvider: recorder.tracerProvider });
    instrumentation.manuallyInstrument(openaiModule as never);
    const [toolStep] = await runDeskAgent(new OpenAI({ baseURL: server.baseURL, apiKey: 'sk-test' }), server, recorder.tracerProvider);
    instrumentation.disable();

    const { detail, modelCalls } = await recorder.ingestRecorded();
    const llmSpans = detail.spans.filter((span) => span.attributes?.['openinference.span.kind'] === 'LLM');
    assert.equal(llmSpans.length, 2);
    for (const span of llmSpans) {
      assert.equal(span.operation, 'chat');
      assert.equal(span.model, 'sim-small');
      assert.equal(span.provider, 'openai');
    }
    const counted = llmSpans.find((span) => span.inputTokens !== null)!;
    assert.equal(counted.inputTokens, toolStep!.inputTokens);
    assert.equal(counted.outputTokens, toolStep!.outputTokens);
    assert.equal(counted.cachedInputTokens, toolStep!.cachedInputTokens);
    const cost = costOf(defaultPricing['sim-small']!, {
      inputTokens: toolStep!.inputTokens,
      outputTokens: toolStep!.outputTokens,
      cachedInputTokens: toolStep!.cachedInputTokens,
      cacheCreationInputTokens: 0,
    });
    assert.equal(counted.costUsd, cost);
    assert.equal(modelCalls, 2, 'the streamed call OpenInference recorded without tokens is still a model call');
    assert.deepEqual(detail.trace.models, ['sim-small']);
    assert.equal(detail.trace.inputTokens, toolStep!.inputTokens);
    assert.equal(detail.trace.costUsd, cost);
  });
});
