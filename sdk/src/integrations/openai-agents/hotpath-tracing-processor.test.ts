import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createSupportDeskTools, startSimulatedServer, type SimulatedServer } from '@hotpath/simulator';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { ReadableSpan } from '@opentelemetry/sdk-trace-base';
import {
  Agent,
  OpenAIChatCompletionsModel,
  OpenAIResponsesModel,
  run,
  Runner,
  tool,
  withCustomSpan,
  withGuardrailSpan,
  withHandoffSpan,
  withTrace,
} from '@openai/agents';
import OpenAI from 'openai';
import { instrument } from '../../telemetry/instrument.ts';
import { createTestTracing, type TestTracing } from '../../testing/in-memory-span-exporter.ts';
import { startResponsesTestServer, type ResponsesTestServer } from '../openai/responses-server.test-support.ts';
import { instrumentOpenAIAgents } from './instrument-openai-agents.ts';

const QUESTION = 'Which orders has customer C-1001 placed, and do they have open tickets?';
const deskTools = createSupportDeskTools({ latencyScale: 0.01 })
  .filter((neutral) => neutral.name === 'list_orders' || neutral.name === 'list_tickets')
  .map((neutral) =>
    tool({ name: neutral.name, description: neutral.description, parameters: neutral.parameters, execute: (args) => neutral.execute(args as never, {}) }),
  );

const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const idOf = (span: ReadableSpan) => span.spanContext().spanId;

describe('@openai/agents tracing processor', () => {
  let server: SimulatedServer;
  let responsesServer: ResponsesTestServer;
  let client: OpenAI;
  before(async () => {
    server = await startSimulatedServer({ latencyScale: 0.01 });
    responsesServer = await startResponsesTestServer();
    client = new OpenAI({ baseURL: server.baseURL, apiKey: 'sk-test' });
  });
  after(async () => {
    await server.close();
    await responsesServer.close();
  });

  function traced(options: { captureContent?: boolean } = {}): TestTracing {
    const tracing = createTestTracing();
    instrumentOpenAIAgents({ tracerProvider: tracing.tracerProvider, exclusive: true, ...options });
    return tracing;
  }

  it('turns a streamed run with two parallel tool calls into invoke_agent, chat and execute_tool spans with the server’s token counts', async () => {
    const tracing = traced();
    const before = server.stats().byModel['sim-small'] ?? { requests: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 };
    const agent = new Agent({
      name: 'desk',
      instructions: 'You are a support desk.',
      model: new OpenAIChatCompletionsModel(client as never, 'sim-small'),
      tools: deskTools,
      inputGuardrails: [{ name: 'screen', execute: async () => ({ tripwireTriggered: false, outputInfo: {} }) }],
    });
    const result = await run(agent, QUESTION, { stream: true });
    let answer = '';
    for await (const text of result.toTextStream()) answer += text;
    await result.completed;
    assert.match(answer, /O-5001/);

    const spans = tracing.spans();
    const named = (name: string) => spans.filter((span) => span.name === name);
    const [workflow] = named('invoke_workflow Agent workflow');
    const [agentSpan] = named('invoke_agent desk');
    const chats = named('chat sim-small');
    const tools = spans.filter((span) => span.name.startsWith('execute_tool '));
    assert.ok(workflow && agentSpan, tracing.tree());
    assert.equal(parentOf(agentSpan), idOf(workflow));
    assert.equal(chats.length, 2, tracing.tree());
    assert.deepEqual(tools.map((span) => span.name).sort(), ['execute_tool list_orders', 'execute_tool list_tickets']);
    for (const span of [...chats, ...tools]) assert.equal(parentOf(span), idOf(agentSpan), `${span.name} nests under the agent\n${tracing.tree()}`);
    for (const chat of chats) {
      assert.equal(chat.kind, SpanKind.CLIENT);
      assert.equal(chat.attributes['gen_ai.operation.name'], 'chat');
      assert.equal(chat.attributes['gen_ai.request.model'], 'sim-small');
      assert.equal(chat.attributes['gen_ai.provider.name'], 'openai');
    }
    for (const span of tools) {
      assert.equal(span.kind, SpanKind.INTERNAL);
      assert.equal(span.attributes['gen_ai.tool.call.arguments'], undefined, 'content capture is off by default');
    }
    const toMs = (time: [number, number]) => time[0] * 1000 + time[1] / 1e6;
    const [first, second] = tools as [ReadableSpan, ReadableSpan];
    assert.ok(toMs(first.startTime) < toMs(second.endTime) && toMs(second.startTime) < toMs(first.endTime), 'the two tool calls overlap');
    assert.equal(named('guardrail screen').length, 1);
    assert.equal(named('guardrail screen')[0]!.attributes['openai_agents.guardrail.triggered'], false);

    const after = server.stats().byModel['sim-small']!;
    const sum = (key: string) => chats.reduce((total, chat) => total + (chat.attributes[key] as number), 0);
    assert.equal(sum('gen_ai.usage.input_tokens'), after.inputTokens - before.inputTokens);
    assert.equal(sum('gen_ai.usage.output_tokens'), after.outputTokens - before.outputTokens);
    assert.equal(sum('gen_ai.usage.cache_read.input_tokens'), after.cachedInputTokens - before.cachedInputTokens);
    assert.equal(agentSpan.attributes['gen_ai.usage.input_tokens'], after.inputTokens - before.inputTokens, 'the agent span carries the run totals');
  });

  it('takes a model call’s usage from its turn when the SDK leaves model data out of its spans', async () => {
    const tracing = traced();
    const before = server.stats().byModel['sim-large'] ?? { requests: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 };
    const agent = new Agent({ name: 'desk', instructions: 'You are a support desk.', model: new OpenAIChatCompletionsModel(client as never, 'sim-large'), tools: deskTools });
    await new Runner({ traceIncludeSensitiveData: false }).run(agent, QUESTION);
    const chats = tracing.spans().filter((span) => span.name === 'chat sim-large');
    const after = server.stats().byModel['sim-large']!;
    assert.equal(chats.length, 2, tracing.tree());
    assert.equal(chats.reduce((total, chat) => total + (chat.attributes['gen_ai.usage.input_tokens'] as number), 0), after.inputTokens - before.inputTokens);
    assert.equal(chats.reduce((total, chat) => total + (chat.attributes['gen_ai.usage.output_tokens'] as number), 0), after.outputTokens - before.outputTokens);
  });

  it('records the Responses model’s calls with model, usage and (capture on) content, nested under the caller’s span', async () => {
    const tracing = traced({ captureContent: true });
    const responsesClient = new OpenAI({ baseURL: responsesServer.baseURL, apiKey: 'sk-test' });
    const agent = new Agent({ name: 'echo', instructions: 'Repeat.', model: new OpenAIResponsesModel(responsesClient as never, 'sim-small') });
    const call = instrument(async (input: string) => (await run(agent, input)).finalOutput, { name: 'app', tracerProvider: tracing.tracerProvider });
    assert.equal(await call('Hello there'), 'You said: Hello there');
    const spans = tracing.spans();
    const app = spans.find((span) => span.name === 'invoke_agent app')!;
    const workflow = spans.find((span) => span.name === 'invoke_workflow Agent workflow')!;
    const chat = spans.find((span) => span.attributes['gen_ai.operation.name'] === 'chat')!;
    assert.equal(parentOf(workflow), idOf(app), tracing.tree());
    assert.equal(chat.name, 'chat sim-small-2026-01-01');
    assert.equal(chat.attributes['gen_ai.usage.input_tokens'], responsesServer.usages.at(-1)!.input_tokens);
    assert.equal(chat.attributes['gen_ai.usage.output_tokens'], responsesServer.usages.at(-1)!.output_tokens);
    assert.deepEqual(JSON.parse(chat.attributes['gen_ai.output.messages'] as string)[0].parts, [{ type: 'text', content: 'You said: Hello there' }]);
  });

  it('maps handoff, guardrail, custom and failed spans the SDK creates', async () => {
    const tracing = traced();
    await withTrace('support', async () => {
      await withHandoffSpan(async (span) => {
        span.spanData.to_agent = 'billing';
      }, { data: { from_agent: 'triage' } });
      await withGuardrailSpan(async (span) => {
        span.spanData.triggered = true;
      }, { data: { name: 'no-pii' } });
      await assert.rejects(withCustomSpan(async () => {
        throw new Error('lookup failed');
      }, { data: { name: 'lookup', data: {} } }));
    });
    const byName = new Map(tracing.spans().map((span) => [span.name, span]));
    assert.equal(byName.get('handoff billing')?.attributes['openai_agents.handoff.from_agent'], 'triage', tracing.tree());
    assert.equal(byName.get('guardrail no-pii')?.attributes['openai_agents.guardrail.triggered'], true);
    assert.equal(byName.get('lookup')?.status.code, SpanStatusCode.ERROR);
    for (const name of ['handoff billing', 'guardrail no-pii', 'lookup']) {
      assert.equal(parentOf(byName.get(name)!), idOf(byName.get('invoke_workflow support')!));
    }
  });

  it('is pointed to by instrument() when handed an @openai/agents Runner', () => {
    assert.throws(() => instrument(new Runner() as never), /instrumentOpenAIAgents\(\) from @hotpath\/sdk\/openai-agents/);
  });
});
