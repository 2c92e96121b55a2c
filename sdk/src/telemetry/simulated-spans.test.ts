// Spans over real sockets: the Runner and openaiCompatible() against the simulated model server (a real HTTP server
// speaking Chat Completions), with the support-desk tools.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { SpanKind } from '@opentelemetry/api';
import { Agent } from '../agent/index.ts';
import { openaiCompatible } from '../provider/index.ts';
import { Runner } from '../runner/index.ts';
import { createSupportDeskTools, startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import { createTestTracing } from '../testing/index.ts';
import { tool, type Tool } from '../tools/index.ts';
import { instrument } from './instrument.ts';

const tracing = createTestTracing();
const tracerProvider = tracing.tracerProvider;
let server: SimulatedServer;
before(async () => {
  server = await startSimulatedServer({ latencyScale: 0.02 });
});
after(async () => {
  await server.close();
  await tracing.shutdown();
});
beforeEach(() => tracing.reset());

const tools = createSupportDeskTools({ latencyScale: 0.02 }).map(
  (desk) => tool({ name: desk.name, description: desk.description, parameters: desk.parameters, execute: desk.execute, readOnly: desk.readOnly, cache: desk.idempotent }) as unknown as Tool,
);
const agent = new Agent({ name: 'support', instructions: 'You answer support questions with the tools.', model: 'sim-large', tools });

describe('spans of runs against the simulated model server', () => {
  it('carry the server, the connection reuse and the simulation flag on every model call', async () => {
    const provider = openaiCompatible({ baseURL: server.baseURL, name: 'hotpath.simulated' });
    const runner = instrument(new Runner({ provider }), { tracerProvider });
    try {
      const result = await runner.run(agent, 'Give me an overview of customer C-1001: their tier, their orders and their open tickets.');
      assert.equal(result.outcome, 'completed');

      const [run] = tracing.spansNamed('invoke_agent support');
      assert.equal(run!.attributes['hotpath.simulated'], true);
      assert.equal(run!.attributes['gen_ai.provider.name'], 'hotpath.simulated');
      assert.equal(run!.attributes['hotpath.usage.requests'], result.usage.requests);

      const chats = tracing.spansNamed('chat sim-large').sort((a, b) => a.startTime[0] - b.startTime[0] || a.startTime[1] - b.startTime[1]);
      assert.equal(chats.length, result.usage.requests);
      assert.ok(chats.length >= 2, 'at least one tool round and an answer');
      for (const chat of chats) {
        assert.equal(chat.kind, SpanKind.CLIENT);
        assert.equal(chat.parentSpanContext?.spanId, run!.spanContext().spanId);
        assert.equal(chat.attributes['hotpath.simulated'], true);
        assert.equal(chat.attributes['server.address'], '127.0.0.1');
        assert.equal(chat.attributes['server.port'], server.port);
        assert.equal(typeof chat.attributes['gen_ai.response.model'], 'string');
        assert.ok((chat.attributes['gen_ai.usage.input_tokens'] as number) > 0);
        assert.ok((chat.attributes['hotpath.time_to_first_chunk_ms'] as number) > 0);
      }
      assert.equal(chats[0]!.attributes['hotpath.connection'], 'new');
      assert.equal(chats.at(-1)!.attributes['hotpath.connection'], 'reused');
      assert.deepEqual(
        chats.map((chat) => [chat.attributes['gen_ai.usage.input_tokens'], chat.attributes['gen_ai.usage.cache_read.input_tokens'], chat.attributes['gen_ai.usage.output_tokens']]),
        result.steps.map((step) => [step.usage?.inputTokens, step.usage?.cachedInputTokens, step.usage?.outputTokens]),
        'each chat span carries what the server reported for its step',
      );

      const toolSpans = tracing.spans().filter((span) => span.attributes['gen_ai.operation.name'] === 'execute_tool');
      const toolCalls = result.steps.flatMap((step) => step.toolCalls);
      assert.equal(toolSpans.length, toolCalls.length);
      assert.deepEqual(toolSpans.map((span) => span.attributes['gen_ai.tool.call.id']).sort(), toolCalls.map((call) => call.toolCall.id).sort());
    } finally {
      await runner.close();
    }
  });

  it('give an instrumented provider one chat span per request over HTTP', async () => {
    const provider = instrument(openaiCompatible({ baseURL: server.baseURL, name: 'hotpath.simulated' }), { tracerProvider, captureContent: true });
    try {
      let text = '';
      for await (const event of provider.stream({ model: 'sim-small', messages: [{ role: 'user', content: 'Hello there' }], tools: [], stream: true })) {
        if (event.type === 'text-delta') text += event.delta;
      }
      const [chat] = tracing.spansNamed('chat sim-small');
      assert.equal(chat!.attributes['hotpath.simulated'], true);
      assert.equal(chat!.attributes['server.port'], server.port);
      assert.deepEqual(chat!.attributes['gen_ai.response.finish_reasons'], ['stop']);
      assert.equal(JSON.parse(chat!.attributes['gen_ai.output.messages'] as string)[0].parts[0].content, text);
    } finally {
      await provider.close?.();
    }
  });
});
