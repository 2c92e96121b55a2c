import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { anthropic } from './anthropic.ts';
import { anthropicWireFormat } from './conformance/anthropic-wire-format.ts';
import { collect, describeProviderConformance, finishOf, rejection, textOf } from './conformance/provider-conformance.ts';
import type { ScriptedHttpServer } from './conformance/scripted-http-server.ts';
import { useScriptedProvider } from './conformance/scripted-provider-hooks.ts';
import type { ModelProvider, ModelRequest } from './model-provider.ts';
import { ProviderConfigurationError, ProviderResponseError } from './provider-errors.ts';

describeProviderConformance('anthropic', {
  wire: anthropicWireFormat,
  createProvider: (baseURL) => anthropic({ baseURL, apiKey: 'sk-ant-test' }),
});

const sse = (type: string, data: Record<string, unknown>): string =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

const conversation: ModelRequest = {
  model: 'claude-sonnet-4-5',
  messages: [
    { role: 'system', content: 'You are a support agent.' },
    { role: 'user', content: 'Where are orders 7 and 8?' },
    {
      role: 'assistant',
      content: 'Looking them up.',
      toolCalls: [
        { id: 'toolu_1', name: 'lookup', arguments: '{"id":7}' },
        { id: 'toolu_2', name: 'lookup', arguments: '{"id":8' },
      ],
    },
    { role: 'tool', toolCallId: 'toolu_1', toolName: 'lookup', content: '{"status":"shipped"}' },
    { role: 'tool', toolCallId: 'toolu_2', toolName: 'lookup', content: 'Invalid JSON arguments', isError: true },
  ],
  tools: [{ name: 'lookup', description: 'Finds an order', parameters: { type: 'object' } }],
  parallelToolCalls: false,
  maxOutputTokens: 512,
  stream: true,
};

describe('anthropic', () => {
  let server: ScriptedHttpServer;
  let provider: ModelProvider;
  useScriptedProvider((baseURL) => anthropic({ baseURL, apiKey: 'sk-ant-1' }), (s, p) => ((server = s), (provider = p)));
  const done = () =>
    server.reply({
      headers: anthropicWireFormat.streamHeaders,
      chunks: [sse('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 1 } }), sse('message_stop', {})],
    });

  it('sends the conversation in Messages API shape, with cache breakpoints on the prefix and the newest turn', async () => {
    done();
    await collect(provider, conversation);
    const [received] = server.requests;
    assert.equal(received?.path, '/v1/messages');
    assert.equal(received?.headers['x-api-key'], 'sk-ant-1');
    assert.equal(received?.headers['anthropic-version'], '2023-06-01');
    assert.deepEqual(received?.body, {
      model: 'claude-sonnet-4-5',
      max_tokens: 512,
      stream: true,
      system: [{ type: 'text', text: 'You are a support agent.', cache_control: { type: 'ephemeral' } }],
      tools: [{ name: 'lookup', description: 'Finds an order', input_schema: { type: 'object' } }],
      tool_choice: { type: 'auto', disable_parallel_tool_use: true },
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Where are orders 7 and 8?' }] },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Looking them up.' },
            { type: 'tool_use', id: 'toolu_1', name: 'lookup', input: { id: 7 } },
            { type: 'tool_use', id: 'toolu_2', name: 'lookup', input: {} },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '{"status":"shipped"}' },
            {
              type: 'tool_result',
              tool_use_id: 'toolu_2',
              content: 'Invalid JSON arguments',
              is_error: true,
              cache_control: { type: 'ephemeral' },
            },
          ],
        },
      ],
    });
  });

  it('puts the prefix breakpoint on the last tool when there is no system prompt, and none when switched off', async () => {
    done();
    await collect(provider, { ...conversation, messages: conversation.messages.slice(1, 2) });
    const body = server.requests[0]?.body as { tools: Array<Record<string, unknown>>; system?: unknown };
    assert.equal(body.system, undefined);
    assert.deepEqual(body.tools.at(-1)?.cache_control, { type: 'ephemeral' });

    provider = anthropic({ baseURL: server.baseURL, apiKey: 'k', cacheBreakpoints: 'none' });
    done();
    await collect(provider, conversation);
    assert.equal(JSON.stringify(server.requests[1]?.body).includes('cache_control'), false);
  });

  it('counts cache reads and writes inside input tokens', async () => {
    server.reply({
      headers: anthropicWireFormat.streamHeaders,
      chunks: [
        sse('message_start', {
          message: {
            id: 'msg_1',
            model: 'claude-sonnet-4-5',
            usage: { input_tokens: 20, cache_read_input_tokens: 3000, cache_creation_input_tokens: 500, output_tokens: 1 },
          },
        }),
        sse('content_block_start', { index: 0, content_block: { type: 'thinking', thinking: '' } }),
        sse('content_block_delta', { index: 0, delta: { type: 'thinking_delta', thinking: 'hmm' } }),
        sse('content_block_stop', { index: 0 }),
        sse('content_block_start', { index: 1, content_block: { type: 'text', text: '' } }),
        sse('content_block_delta', { index: 1, delta: { type: 'text_delta', text: 'Shipped.' } }),
        sse('content_block_stop', { index: 1 }),
        sse('message_delta', { delta: { stop_reason: 'end_turn' }, usage: { output_tokens: 42 } }),
        sse('message_stop', {}),
      ],
    });
    const events = await collect(provider, conversation);
    assert.equal(textOf(events), 'Shipped.', 'thinking is not part of the answer');
    assert.deepEqual(finishOf(events).usage, {
      inputTokens: 3520,
      outputTokens: 42,
      cachedInputTokens: 3000,
      cacheWriteInputTokens: 500,
    });
  });

  it('retries an overloaded_error that arrives before any output, but not an invalid request', async () => {
    server.reply(
      {
        headers: anthropicWireFormat.streamHeaders,
        chunks: [sse('error', { error: { type: 'overloaded_error', message: 'Overloaded' } })],
      },
      {
        headers: anthropicWireFormat.streamHeaders,
        chunks: anthropicWireFormat.streamEvents({ id: 'm', model: 'c', text: ['ok'], finishReason: 'stop' }),
      },
    );
    const events = await collect(provider, conversation);
    assert.equal(events.filter((event) => event.type === 'retry').length, 1);
    assert.equal(textOf(events), 'ok');

    server.reply({
      headers: anthropicWireFormat.streamHeaders,
      chunks: [sse('error', { error: { type: 'invalid_request_error', message: 'bad' } })],
    });
    const error = await rejection(() => collect(provider, conversation));
    assert.ok(ProviderResponseError.isInstance(error));
    assert.equal(error.retryable, false);
  });

  it('needs an API key and a usable max_tokens default', () => {
    assert.throws(() => anthropic({ apiKey: '' }), ProviderConfigurationError.isInstance);
    assert.throws(() => anthropic({ apiKey: 'k', defaultMaxTokens: 0 }), ProviderConfigurationError.isInstance);
    assert.equal(anthropic({ apiKey: 'k' }).provider, 'anthropic');
  });
});
