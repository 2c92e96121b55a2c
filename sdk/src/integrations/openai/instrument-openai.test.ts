import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSupportDeskTools, startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import OpenAI7 from 'openai';
import OpenAI6 from 'openai6';
import { z } from 'zod';
import { instrument } from '../../telemetry/instrument.ts';
import { createTestTracing } from '../../testing/in-memory-span-exporter.ts';
import { instrumentOpenAI } from './instrument-openai.ts';
import { startResponsesTestServer, type ResponsesTestServer } from './responses-server.test-support.ts';

const QUESTION = 'Which orders has customer C-1001 placed, and do they have open tickets?';
const deskTools = createSupportDeskTools({ latencyScale: 0 }).filter((tool) => tool.name === 'list_orders' || tool.name === 'list_tickets');
const toolSchemas = deskTools.map((tool) => ({
  type: 'function' as const,
  function: { name: tool.name, description: tool.description, parameters: z.toJSONSchema(tool.parameters) as Record<string, unknown> },
}));

type Client = InstanceType<typeof OpenAI7>;

/**
 * A hand-written agent loop on the openai client: one streamed call that asks for tools, the tools run in parallel,
 * then a streamed answer.
 */
async function deskAgent(client: Client, question: string): Promise<string> {
  const messages: any[] = [{ role: 'user', content: question }];
  for (let step = 0; step < 4; step++) {
    const stream = await client.chat.completions.create({
      model: 'sim-small',
      messages,
      tools: toolSchemas,
      stream: true,
      stream_options: { include_usage: true },
    });
    let text = '';
    const calls: { id: string; name: string; arguments: string }[] = [];
    for await (const chunk of stream) {
      const delta = chunk.choices[0]?.delta;
      text += delta?.content ?? '';
      for (const call of delta?.tool_calls ?? []) {
        const target = (calls[call.index] ??= { id: '', name: '', arguments: '' });
        target.id ||= call.id ?? '';
        target.name += call.function?.name ?? '';
        target.arguments += call.function?.arguments ?? '';
      }
    }
    if (calls.length === 0) return text;
    messages.push({ role: 'assistant', content: null, tool_calls: calls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })) });
    const results = await Promise.all(
      calls.map((call) => deskTools.find((tool) => tool.name === call.name)!.execute(JSON.parse(call.arguments) as never, {})),
    );
    calls.forEach((call, index) => messages.push({ role: 'tool', tool_call_id: call.id, content: JSON.stringify(results[index]) }));
  }
  throw new Error('no answer after 4 steps');
}

describe('instrument(openai client)', () => {
  let server: SimulatedServer;
  let responsesServer: ResponsesTestServer;
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0.01 });
    responsesServer = await startResponsesTestServer();
  });
  after(async () => {
    await server.close();
    await responsesServer.close();
  });

  for (const [label, OpenAI] of [['openai 7', OpenAI7], ['openai 6', OpenAI6 as unknown as typeof OpenAI7]] as const) {
    it(`records an agent's streamed calls (two parallel tool calls, then the answer) as chat spans with the server's token counts (${label})`, async () => {
      const tracing = createTestTracing();
      const before = server.stats().byModel['sim-small'] ?? { requests: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 };
      const client = instrument(new OpenAI({ baseURL: server.baseURL, apiKey: 'sk-test' }), { tracerProvider: tracing.tracerProvider });
      const agent = instrument((question: string) => deskAgent(client, question), { name: 'desk', tracerProvider: tracing.tracerProvider });
      const answer = await agent(QUESTION);
      assert.match(answer, /O-5001/);

      const spans = tracing.spans();
      const chats = spans.filter((span) => span.name === 'chat sim-small');
      const root = spans.find((span) => span.name === 'invoke_agent desk')!;
      assert.equal(chats.length, 2, tracing.tree());
      for (const chat of chats) {
        assert.equal(chat.kind, SpanKind.CLIENT);
        assert.equal(chat.parentSpanContext?.spanId, root.spanContext().spanId);
        assert.equal(chat.attributes['gen_ai.operation.name'], 'chat');
        assert.equal(chat.attributes['gen_ai.provider.name'], 'openai');
        assert.equal(chat.attributes['gen_ai.request.stream'], true);
        assert.equal(chat.attributes['gen_ai.response.model'], 'sim-small');
        assert.equal(chat.attributes['server.address'], '127.0.0.1');
        assert.equal(chat.attributes['hotpath.simulated'], true);
        assert.equal(typeof chat.attributes['gen_ai.response.time_to_first_chunk'], 'number');
        assert.equal(chat.attributes['gen_ai.input.messages'], undefined, 'content capture is off by default');
      }
      assert.deepEqual(chats.map((chat) => chat.attributes['gen_ai.response.finish_reasons']), [['tool_calls'], ['stop']]);
      const after = server.stats().byModel['sim-small']!;
      const sum = (key: string) => chats.reduce((total, chat) => total + (chat.attributes[key] as number), 0);
      assert.equal(sum('gen_ai.usage.input_tokens'), after.inputTokens - before.inputTokens);
      assert.equal(sum('gen_ai.usage.output_tokens'), after.outputTokens - before.outputTokens);
      assert.equal(sum('gen_ai.usage.cache_read.input_tokens'), after.cachedInputTokens - before.cachedInputTokens);
    });
  }

  it('records a non-streamed call with its content when capture is on, and keeps withResponse() working', async () => {
    const tracing = createTestTracing();
    const client = instrument(new OpenAI7({ baseURL: server.baseURL, apiKey: 'sk-test' }), { tracerProvider: tracing.tracerProvider, captureContent: true });
    const { data, response } = await client.chat.completions
      .create({ model: 'sim-large', max_tokens: 200, messages: [{ role: 'system', content: 'You are a support desk.' }, { role: 'user', content: QUESTION }], tools: toolSchemas })
      .withResponse();
    assert.equal(response.headers.get('x-hotpath-simulated'), 'true');
    const [span] = tracing.spans();
    assert.equal(span!.name, 'chat sim-large');
    assert.equal(span!.attributes['gen_ai.request.max_tokens'], 200);
    assert.equal(span!.attributes['gen_ai.request.stream'], undefined);
    assert.equal(span!.attributes['gen_ai.response.id'], data.id);
    assert.equal(span!.attributes['gen_ai.usage.input_tokens'], data.usage!.prompt_tokens);
    assert.equal(span!.attributes['gen_ai.usage.output_tokens'], data.usage!.completion_tokens);
    assert.deepEqual(JSON.parse(span!.attributes['gen_ai.system_instructions'] as string), [{ type: 'text', content: 'You are a support desk.' }]);
    assert.deepEqual(JSON.parse(span!.attributes['gen_ai.input.messages'] as string), [{ role: 'user', parts: [{ type: 'text', content: QUESTION }] }]);
    const output = JSON.parse(span!.attributes['gen_ai.output.messages'] as string);
    assert.deepEqual(output[0].parts.map((part: { name: string }) => part.name), ['list_orders', 'list_tickets']);
    assert.equal(output[0].finish_reason, 'tool_call');
    assert.deepEqual(JSON.parse(span!.attributes['gen_ai.tool.definitions'] as string), [
      { type: 'function', name: 'list_orders' },
      { type: 'function', name: 'list_tickets' },
    ]);
  });

  it('still counts a streamed call without usage as a model call of its model, with no token counts', async () => {
    const tracing = createTestTracing();
    const client = instrument(new OpenAI7({ baseURL: server.baseURL, apiKey: 'sk-test' }), { tracerProvider: tracing.tracerProvider });
    const stream = await client.chat.completions.create({ model: 'sim-small', stream: true, messages: [{ role: 'user', content: 'What is the refund policy?' }] });
    for await (const chunk of stream) void chunk;
    const [span] = tracing.spans();
    assert.equal(span!.attributes['gen_ai.request.model'], 'sim-small');
    assert.equal(span!.attributes['gen_ai.usage.input_tokens'], undefined);
    assert.deepEqual(span!.attributes['gen_ai.response.finish_reasons'], ['stop']);
  });

  it('records a failed call as an error span and hands the caller the same error', async () => {
    const tracing = createTestTracing();
    const client = instrument(new OpenAI7({ baseURL: server.baseURL, apiKey: 'sk-test', maxRetries: 0 }), { tracerProvider: tracing.tracerProvider });
    await assert.rejects(client.chat.completions.create({ model: 'no-such-model', messages: [{ role: 'user', content: 'hi' }] }), (error: Error & { status?: number }) => error.status === 404);
    await new Promise((resolve) => setImmediate(resolve));
    const [span] = tracing.spans();
    assert.equal(span!.name, 'chat no-such-model');
    assert.equal(span!.status.code, SpanStatusCode.ERROR);
    assert.equal(span!.attributes['error.type'], '404');
  });

  it('ends the span of a stream the caller stops reading early', async () => {
    const tracing = createTestTracing();
    const client = instrument(new OpenAI7({ baseURL: server.baseURL, apiKey: 'sk-test' }), { tracerProvider: tracing.tracerProvider });
    const stream = await client.chat.completions.create({ model: 'sim-small', stream: true, messages: [{ role: 'user', content: 'What is the refund policy?' }] });
    for await (const chunk of stream) if (chunk.choices[0]?.delta.content) break;
    assert.equal(tracing.spans().length, 1);
    assert.equal(tracing.spans()[0]!.attributes['gen_ai.response.finish_reasons'], undefined, 'it never finished');
  });

  it('records responses.create, streamed and not, with the usage the server reported', async () => {
    const tracing = createTestTracing();
    const client = instrumentOpenAI(new OpenAI7({ baseURL: responsesServer.baseURL, apiKey: 'sk-test' }), { tracerProvider: tracing.tracerProvider, captureContent: true });
    const whole = await client.responses.create({ model: 'sim-small', instructions: 'Be brief.', input: 'Where is order O-5002?' });
    const stream = await client.responses.create({ model: 'sim-small', input: [{ role: 'user', content: 'And O-5003?' }], stream: true });
    let streamed = '';
    for await (const event of stream) if (event.type === 'response.output_text.delta') streamed += event.delta;
    assert.equal(streamed, 'You said: And O-5003?');
    const [first, second] = tracing.spans();
    assert.equal(first!.name, 'chat sim-small');
    assert.equal(first!.attributes['gen_ai.response.model'], 'sim-small-2026-01-01');
    assert.equal(first!.attributes['gen_ai.response.id'], whole.id);
    assert.deepEqual(first!.attributes['gen_ai.response.finish_reasons'], ['stop']);
    assert.equal(first!.attributes['gen_ai.usage.input_tokens'], responsesServer.usages[0]!.input_tokens);
    assert.equal(first!.attributes['gen_ai.usage.output_tokens'], responsesServer.usages[0]!.output_tokens);
    assert.deepEqual(JSON.parse(first!.attributes['gen_ai.system_instructions'] as string), [{ type: 'text', content: 'Be brief.' }]);
    assert.deepEqual(JSON.parse(first!.attributes['gen_ai.output.messages'] as string)[0].parts, [{ type: 'text', content: 'You said: Where is order O-5002?' }]);
    assert.equal(second!.attributes['gen_ai.request.stream'], true);
    assert.equal(typeof second!.attributes['hotpath.time_to_first_chunk_ms'], 'number');
    assert.equal(second!.attributes['gen_ai.usage.output_tokens'], responsesServer.usages[1]!.output_tokens);
  });

  it('returns an instrumented client unchanged when instrumented again, and leaves other members alone', async () => {
    const tracing = createTestTracing();
    const client = instrument(new OpenAI7({ baseURL: server.baseURL, apiKey: 'sk-test' }), { tracerProvider: tracing.tracerProvider });
    assert.equal(instrument(client, { tracerProvider: tracing.tracerProvider }), client);
    assert.equal(client.baseURL, server.baseURL);
    const models = await client.models.list();
    assert.deepEqual(models.data.map((model) => model.id).sort(), ['sim-large', 'sim-small']);
    assert.equal(tracing.spans().length, 0);
  });

});
