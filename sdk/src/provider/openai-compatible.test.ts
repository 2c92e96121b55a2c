import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Agent } from 'undici';
import { collect, describeProviderConformance, finishOf, rejection, textOf } from './conformance/provider-conformance.ts';
import { openaiWireFormat } from './conformance/openai-wire-format.ts';
import type { ScriptedHttpServer } from './conformance/scripted-http-server.ts';
import { useScriptedProvider } from './conformance/scripted-provider-hooks.ts';
import type { ModelProvider, ModelRequest, ModelStreamEvent } from './model-provider.ts';
import { openaiCompatible } from './openai-compatible.ts';
import {
  ProviderConfigurationError,
  ProviderConnectionError,
  ProviderHttpError,
  ProviderResponseError,
  StreamInterruptedError,
} from './provider-errors.ts';

describeProviderConformance('openaiCompatible', {
  wire: openaiWireFormat,
  createProvider: (baseURL) => openaiCompatible({ baseURL, apiKey: 'sk-test' }),
});

const sse = (...chunks: unknown[]): string[] =>
  chunks.map((chunk) => `data: ${typeof chunk === 'string' ? chunk : JSON.stringify(chunk)}\n\n`);
const choice = (delta: Record<string, unknown>, finish: string | null = null, extra: Record<string, unknown> = {}) => ({
  id: 'c1',
  model: 'qwen3',
  choices: [{ index: 0, delta, finish_reason: finish }],
  ...extra,
});
const toolCalls = (events: ModelStreamEvent[]) => events.flatMap((event) => (event.type === 'tool-call' ? [event.toolCall] : []));

describe('openaiCompatible', () => {
  let server: ScriptedHttpServer;
  let provider: ModelProvider;
  useScriptedProvider((baseURL) => openaiCompatible({ baseURL }), (s, p) => ((server = s), (provider = p)));
  const streamReply = (chunks: string[]) => server.reply({ headers: { 'content-type': 'text/event-stream' }, chunks });
  const jsonReply = (body: unknown) =>
    server.reply({ headers: { 'content-type': 'application/json' }, chunks: [JSON.stringify(body)] });
  const ask = (extra: Partial<ModelRequest> = {}): ModelRequest => ({
    model: 'qwen3',
    messages: [{ role: 'user', content: 'hi' }],
    tools: [],
    stream: true,
    ...extra,
  });

  describe('requests', () => {
    it('maps the conversation, tools and settings onto a Chat Completions body', async () => {
      provider = openaiCompatible({ baseURL: server.baseURL + '/', apiKey: 'sk-1', headers: { 'x-team': 'desk' } });
      streamReply(sse(choice({ content: 'ok' }, 'stop'), '[DONE]'));
      await collect(provider, {
        model: 'gpt-4.1',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Order 7?' },
          { role: 'assistant', content: null, toolCalls: [{ id: 'call_1', name: 'lookup', arguments: '{"id":7}' }] },
          { role: 'tool', toolCallId: 'call_1', toolName: 'lookup', content: '{"status":"shipped"}' },
          { role: 'assistant', content: 'Shipped.' },
        ],
        tools: [{ name: 'lookup', description: 'Finds an order', parameters: { type: 'object' } }],
        parallelToolCalls: false,
        toolChoice: 'auto',
        maxOutputTokens: 256,
        temperature: 0.2,
        stream: true,
        providerOptions: { seed: 7, user: 'u-1' },
      });
      const [received] = server.requests;
      assert.equal(received?.path, '/v1/chat/completions');
      assert.equal(received?.headers.authorization, 'Bearer sk-1');
      assert.equal(received?.headers['x-team'], 'desk');
      assert.deepEqual(received?.body, {
        model: 'gpt-4.1',
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Order 7?' },
          {
            role: 'assistant',
            content: null,
            tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"id":7}' } }],
          },
          { role: 'tool', tool_call_id: 'call_1', content: '{"status":"shipped"}' },
          { role: 'assistant', content: 'Shipped.' },
        ],
        stream: true,
        stream_options: { include_usage: true },
        tools: [{ type: 'function', function: { name: 'lookup', description: 'Finds an order', parameters: { type: 'object' } } }],
        parallel_tool_calls: false,
        tool_choice: 'auto',
        max_tokens: 256,
        temperature: 0.2,
        seed: 7,
        user: 'u-1',
      });
    });

    it('leaves out stream options, tools, tool_choice and parallel_tool_calls when they do not apply', async () => {
      provider = openaiCompatible({ baseURL: server.baseURL, maxTokensField: 'max_completion_tokens' });
      jsonReply({ id: 'c', model: 'm', choices: [{ index: 0, message: { content: 'ok' }, finish_reason: 'stop' }] });
      await collect(provider, ask({ stream: false, parallelToolCalls: true, toolChoice: 'none', maxOutputTokens: 10 }));
      const body = server.requests[0]?.body as Record<string, unknown>;
      assert.equal(body.stream, false);
      assert.equal('stream_options' in body, false);
      assert.equal('tools' in body, false);
      assert.equal('parallel_tool_calls' in body, false, 'OpenAI rejects it without tools');
      assert.equal('tool_choice' in body, false, 'OpenAI rejects it without tools');
      assert.equal(body.max_completion_tokens, 10);
      assert.equal(server.requests[0]?.headers.authorization, undefined);
    });

    it('omits stream_options for servers that reject it', async () => {
      provider = openaiCompatible({ baseURL: server.baseURL, includeStreamUsage: false });
      streamReply(sse(choice({ content: 'ok' }, 'stop'), '[DONE]'));
      await collect(provider, ask());
      assert.equal('stream_options' in (server.requests[0]?.body as object), false);
    });

    it('is named openai unless told otherwise', () => {
      assert.equal(openaiCompatible({ baseURL: server.baseURL }).provider, 'openai');
      assert.equal(openaiCompatible({ baseURL: server.baseURL, name: 'vllm' }).provider, 'vllm');
      assert.equal(openaiCompatible({ baseURL: server.baseURL }).specificationVersion, 'v1');
    });

    it('rejects options it cannot work with', () => {
      for (const bad of [{ baseURL: 'not a url' }, { baseURL: 'ftp://x/v1' }, { baseURL: server.baseURL, maxConnections: 0 }]) {
        assert.throws(() => openaiCompatible(bad), ProviderConfigurationError.isInstance);
      }
      assert.throws(
        () => openaiCompatible({ baseURL: server.baseURL, retry: { maxRetries: -1, initialDelayMs: 1, maxDelayMs: 1 } }),
        ProviderConfigurationError.isInstance,
      );
    });
  });

  describe('transport', () => {
    it('treats a server that sends no headers in time as a retryable connection error', async () => {
      provider = openaiCompatible({ baseURL: server.baseURL, headersTimeoutMs: 50 });
      // undici checks its parser timeouts about once a second, so this takes that long whatever the limit.
      server.reply({ headers: {}, chunks: ['{}'], headersDelayMs: 3000 });
      const error = await rejection(() => collect(provider, ask(), { retry: false }));
      assert.ok(ProviderConnectionError.isInstance(error), String(error));
      assert.equal(error.code, 'UND_ERR_HEADERS_TIMEOUT');
      assert.equal(error.retryable, true);
    });

    it('breaks off a stream that goes silent for longer than the body timeout', async () => {
      provider = openaiCompatible({ baseURL: server.baseURL, bodyTimeoutMs: 50 });
      server.reply({ headers: { 'content-type': 'text/event-stream' }, chunks: sse(choice({ content: 'Hel' })), hang: true });
      const error = await rejection(() => collect(provider, ask()));
      assert.ok(StreamInterruptedError.isInstance(error), String(error));
      assert.equal(error.outputReceived, true);
    });

    it('uses a dispatcher you pass, still measures its connections, and leaves it open', async () => {
      const agent = new Agent();
      provider = openaiCompatible({ baseURL: server.baseURL, dispatcher: agent });
      const kinds: string[] = [];
      for (const freshConnection of [false, false, true]) {
        streamReply(sse(choice({ content: 'a' }, 'stop'), '[DONE]'));
        kinds.push(finishOf(await collect(provider, ask(), { freshConnection })).transport.connection);
      }
      assert.deepEqual(kinds, ['new', 'reused', 'reused'], 'a fresh call through your dispatcher reuses its connection…');
      assert.equal(server.requests[2]?.headers.connection, 'close', '…but asks the server to close it');
      await provider.close?.();
      assert.equal(agent.closed, false);
      await agent.close();
    });

    it('quotes the error message from each server’s error body shape', async () => {
      const bodies = [
        ['{"error":{"message":"Invalid model","type":"invalid_request_error"}}', 'Invalid model'], // OpenAI
        ['{"object":"error","message":"max_tokens is too large","type":"BadRequestError","code":400}', 'max_tokens is too large'], // vLLM
        ['{"error":"model \\"qwen9\\" not found, try pulling it first"}', 'model "qwen9" not found, try pulling it first'], // Ollama
        ['<html>Bad Gateway</html>', '<html>Bad Gateway</html>'], // a proxy
      ] as const;
      for (const [body, message] of bodies) {
        server.reply({ status: 404, headers: { 'content-type': 'application/json' }, chunks: [body] });
        const error = await rejection(() => collect(provider, ask()));
        assert.ok(ProviderHttpError.isInstance(error));
        assert.equal(error.message, `HTTP 404: ${message}`);
        assert.equal(error.bodyExcerpt, body);
      }
    });

    it('does not retry when the server says x-should-retry: false', async () => {
      server.reply({ status: 503, headers: { 'x-should-retry': 'false' }, chunks: ['{"error":{"message":"no"}}'] });
      const error = await rejection(() => collect(provider, ask()));
      assert.ok(ProviderHttpError.isInstance(error));
      assert.equal(error.retryable, false);
      assert.equal(server.requests.length, 1);
    });
  });

  describe('server quirks', () => {
    it('accepts tool calls without ids and with finish_reason "stop" (Ollama, llama.cpp)', async () => {
      streamReply(
        sse(
          choice({
            role: 'assistant',
            tool_calls: [
              { index: 0, function: { name: 'lookup', arguments: '{"id":1}' } },
              { index: 1, function: { name: 'lookup', arguments: '{"id":2}' } },
            ],
          }),
          choice({}, 'stop', { usage: { prompt_tokens: 50, completion_tokens: 12 } }),
          '[DONE]',
        ),
      );
      const events = await collect(provider, ask());
      const calls = toolCalls(events);
      assert.deepEqual(calls.map((call) => call.arguments), ['{"id":1}', '{"id":2}']);
      assert.match(calls[0]!.id, /^call_[0-9a-f]{24}$/);
      assert.notEqual(calls[0]!.id, calls[1]!.id);
      const finish = finishOf(events);
      assert.equal(finish.finishReason, 'tool_calls');
      assert.deepEqual(finish.usage, { inputTokens: 50, outputTokens: 12, cachedInputTokens: 0 });
    });

    it('accepts arguments sent as an object instead of a JSON string', async () => {
      jsonReply({
        id: 'c',
        model: 'm',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: '', tool_calls: [{ id: 't1', function: { name: 'lookup', arguments: { id: 7 } } }] },
            finish_reason: 'tool_calls',
          },
        ],
      });
      const events = await collect(provider, ask({ stream: false }));
      assert.deepEqual(toolCalls(events), [{ id: 't1', name: 'lookup', arguments: '{"id":7}' }]);
    });

    it('tells calls apart by id when the server sends no index', async () => {
      streamReply(
        sse(
          choice({ tool_calls: [{ id: 'a', function: { name: 'one', arguments: '{"x":' } }] }),
          choice({ tool_calls: [{ function: { arguments: '1}' } }] }),
          choice({ tool_calls: [{ id: 'b', function: { name: 'two', arguments: '' } }] }),
          choice({}, 'tool_calls'),
          '[DONE]',
        ),
      );
      const events = await collect(provider, ask());
      assert.deepEqual(toolCalls(events), [
        { id: 'a', name: 'one', arguments: '{"x":1}' },
        { id: 'b', name: 'two', arguments: '{}' },
      ]);
    });

    it('reports zero usage when the server sends none, and reasoning tokens when it does', async () => {
      streamReply(sse(choice({ content: 'a' }, 'stop'), '[DONE]'));
      assert.deepEqual(finishOf(await collect(provider, ask())).usage, { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0 });
      streamReply(
        sse(
          choice({ reasoning_content: 'thinking…' }),
          choice({ content: 'b' }, 'stop'),
          {
            id: 'c1',
            choices: [],
            usage: {
              prompt_tokens: 10,
              completion_tokens: 30,
              prompt_tokens_details: { cached_tokens: 8 },
              completion_tokens_details: { reasoning_tokens: 20 },
            },
          },
          '[DONE]',
        ),
      );
      const events = await collect(provider, ask());
      assert.equal(textOf(events), 'b', 'reasoning is not part of the answer');
      assert.deepEqual(finishOf(events).usage, {
        inputTokens: 10,
        outputTokens: 30,
        cachedInputTokens: 8,
        reasoningOutputTokens: 20,
      });
    });

    it('reads cached tokens from the timings of older llama.cpp servers', async () => {
      streamReply(
        sse(
          choice({ content: 'a' }, 'stop', {
            usage: { prompt_tokens: 900, completion_tokens: 5 },
            timings: { cache_n: 850, prompt_n: 50 },
          }),
          '[DONE]',
        ),
      );
      assert.deepEqual(finishOf(await collect(provider, ask())).usage, { inputTokens: 900, outputTokens: 5, cachedInputTokens: 850 });
    });

    it('reads a JSON answer from a server that ignored stream: true', async () => {
      jsonReply({ id: 'c', model: 'm', choices: [{ index: 0, message: { content: 'whole' }, finish_reason: 'stop' }] });
      const events = await collect(provider, ask({ stream: true }));
      assert.equal(textOf(events), 'whole');
    });

    it('finishes a stream that stops after its finish_reason without [DONE]', async () => {
      streamReply(sse(choice({ content: 'done' }, 'stop')));
      assert.equal(finishOf(await collect(provider, ask())).finishReason, 'stop');
    });

    it('turns an error object in the stream into a typed error', async () => {
      streamReply(sse(choice({ content: 'par' }), { error: { message: 'model overloaded', type: 'server_error' } }));
      const error = await rejection(() => collect(provider, ask()));
      assert.ok(ProviderResponseError.isInstance(error));
      assert.match(error.message, /model overloaded/);
    });

    it('maps length and content_filter finish reasons', async () => {
      streamReply(sse(choice({ content: 'cut' }, 'length'), '[DONE]'));
      assert.equal(finishOf(await collect(provider, ask())).finishReason, 'length');
      streamReply(sse(choice({}, 'content_filter'), '[DONE]'));
      assert.equal(finishOf(await collect(provider, ask())).finishReason, 'content_filter');
    });
  });
});
