import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSupportDeskTools, startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { RunnableConfig } from '@langchain/core/runnables';
import { RunnableLambda } from '@langchain/core/runnables';
import { tool } from '@langchain/core/tools';
import { AIMessageChunk, HumanMessage, type BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';
import { createTestTracing } from '../../testing/in-memory-span-exporter.ts';
import { HotpathCallbackHandler } from './hotpath-callback-handler.ts';

const QUESTION = 'Which orders has customer C-1001 placed, and do they have open tickets?';
const deskTools = createSupportDeskTools({ latencyScale: 0.01 })
  .filter((neutral) => neutral.name === 'list_orders' || neutral.name === 'list_tickets')
  .map((neutral) => tool(async (args) => JSON.stringify(await neutral.execute(args as never, {})), { name: neutral.name, description: neutral.description, schema: neutral.parameters as never }));

describe('LangChain.js callback handler', () => {
  let server: SimulatedServer;
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0.01 });
  });
  after(() => server.close());

  /** A tool-calling agent as a runnable: streamed model steps, the requested tools in parallel, until an answer. */
  function deskAgent(model: string) {
    const chat = new ChatOpenAI({ model, apiKey: 'sk-test', configuration: { baseURL: server.baseURL }, streaming: true, streamUsage: true }).bindTools(deskTools);
    return RunnableLambda.from(async (question: string, config?: RunnableConfig) => {
      const messages: BaseMessage[] = [new HumanMessage(question)];
      for (let step = 0; step < 4; step++) {
        let reply: AIMessageChunk | undefined;
        for await (const chunk of await chat.stream(messages, config)) reply = reply ? reply.concat(chunk) : chunk;
        messages.push(reply!);
        if (!reply!.tool_calls?.length) return reply!.content as string;
        const results = await Promise.all(reply!.tool_calls.map((call) => deskTools.find((candidate) => candidate.name === call.name)!.invoke(call, config)));
        messages.push(...results);
      }
      throw new Error('no answer after 4 steps');
    }).withConfig({ runName: 'desk' });
  }

  it('turns an agent run with two parallel tool calls and a streamed answer into invoke_agent, chat and execute_tool spans with the server’s token counts', async () => {
    const tracing = createTestTracing();
    const before = server.stats().byModel['sim-small'] ?? { requests: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 };
    const answer = await deskAgent('sim-small').invoke(QUESTION, { callbacks: [new HotpathCallbackHandler({ tracerProvider: tracing.tracerProvider })] });
    assert.match(answer, /O-5001/);

    const spans = tracing.spans();
    const root = spans.find((span) => span.name === 'invoke_agent desk')!;
    const chats = spans.filter((span) => span.name === 'chat sim-small');
    const tools = spans.filter((span) => span.name.startsWith('execute_tool '));
    assert.ok(root, tracing.tree());
    assert.equal(spans.length, 5, tracing.tree());
    assert.equal(chats.length, 2);
    assert.deepEqual(tools.map((span) => span.name).sort(), ['execute_tool list_orders', 'execute_tool list_tickets']);
    for (const span of [...chats, ...tools]) assert.equal(span.parentSpanContext?.spanId, root.spanContext().spanId, tracing.tree());
    for (const chat of chats) {
      assert.equal(chat.kind, SpanKind.CLIENT);
      assert.equal(chat.attributes['gen_ai.provider.name'], 'openai');
      assert.equal(chat.attributes['gen_ai.request.stream'], true);
      assert.equal(typeof chat.attributes['gen_ai.response.time_to_first_chunk'], 'number');
    }
    for (const span of tools) assert.match(String(span.attributes['gen_ai.tool.call.id']), /^call_/);
    const after = server.stats().byModel['sim-small']!;
    const sum = (key: string) => chats.reduce((total, chat) => total + (chat.attributes[key] as number), 0);
    assert.equal(sum('gen_ai.usage.input_tokens'), after.inputTokens - before.inputTokens);
    assert.equal(sum('gen_ai.usage.output_tokens'), after.outputTokens - before.outputTokens);
    assert.equal(sum('gen_ai.usage.cache_read.input_tokens'), after.cachedInputTokens - before.cachedInputTokens);
  });

  it('records a failed model call as an error span under its agent', async () => {
    const tracing = createTestTracing();
    await assert.rejects(deskAgent('no-such-model').invoke(QUESTION, { callbacks: [new HotpathCallbackHandler({ tracerProvider: tracing.tracerProvider })] }));
    const chat = tracing.spans().find((span) => span.name === 'chat no-such-model')!;
    assert.equal(chat.status.code, SpanStatusCode.ERROR, tracing.tree());
    assert.equal(tracing.spans().find((span) => span.name === 'invoke_agent desk')!.status.code, SpanStatusCode.ERROR);
  });
});
