import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { ModelRequest, ModelStreamEvent } from '../provider/model-provider.ts';
import { ProviderHttpError, StreamInterruptedError } from '../provider/provider-errors.ts';
import { scriptedModel, ScriptExhaustedError } from './scripted-model.ts';

const request = (overrides: Partial<ModelRequest> = {}): ModelRequest => ({
  model: 'm',
  messages: [{ role: 'user', content: 'hi' }],
  tools: [],
  stream: true,
  ...overrides,
});

async function collect(events: AsyncIterable<ModelStreamEvent>): Promise<ModelStreamEvent[]> {
  const all: ModelStreamEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
}

describe('scripted model', () => {
  it('streams text in chunks and finishes with usage', async () => {
    const model = scriptedModel([{ text: 'Hello there', chunkSize: 4 }]);
    const events = await collect(model.stream(request()));
    assert.deepEqual(
      events.filter((e) => e.type === 'text-delta').map((e) => (e as { delta: string }).delta),
      ['Hell', 'o th', 'ere'],
    );
    const finish = events.at(-1)!;
    assert.equal(finish.type, 'finish');
    assert.ok(finish.type === 'finish' && finish.finishReason === 'stop' && finish.usage.outputTokens > 0);
    assert.equal(events[0]!.type, 'response-start');
  });

  it('sends the whole text at once when the request does not stream', async () => {
    const model = scriptedModel([{ text: 'Hello there', chunkSize: 4 }]);
    const deltas = (await collect(model.stream(request({ stream: false })))).filter((e) => e.type === 'text-delta');
    assert.equal(deltas.length, 1);
  });

  it('streams each tool call in pieces and reports it complete before the response ends', async () => {
    const model = scriptedModel([
      { toolCalls: [{ name: 'a', arguments: { x: 1 } }, { id: 'mine', name: 'b', arguments: '{"y":2}' }], chunkSize: 3 },
    ]);
    const events = await collect(model.stream(request()));
    const types = events.map((e) => e.type);
    const firstComplete = types.indexOf('tool-call');
    assert.ok(firstComplete < types.lastIndexOf('tool-call-delta'), 'the first call completes before the second streams');
    const complete = events.filter((e) => e.type === 'tool-call').map((e) => (e as { toolCall: unknown }).toolCall);
    assert.deepEqual(complete, [
      { id: 'call_1', name: 'a', arguments: '{"x":1}' },
      { id: 'mine', name: 'b', arguments: '{"y":2}' },
    ]);
    const finish = events.at(-1)!;
    assert.ok(finish.type === 'finish' && finish.finishReason === 'tool_calls');
  });

  it('throws scripted HTTP errors as ProviderHttpError', async () => {
    const model = scriptedModel([{ error: { status: 400, message: 'bad request' } }]);
    await assert.rejects(collect(model.stream(request())), (error: unknown) => ProviderHttpError.isInstance(error) && error.status === 400);
  });

  it('retries retryable errors when the call options allow, reporting each retry', async () => {
    const model = scriptedModel([{ error: { status: 503 } }, { text: 'ok' }]);
    const events = await collect(model.stream(request(), { retry: { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 1 } }));
    assert.equal(events[0]!.type, 'retry');
    const finish = events.at(-1)!;
    assert.ok(finish.type === 'finish' && finish.transport.retries === 1);
  });

  it('does not retry when retries are off', async () => {
    const model = scriptedModel([{ error: { status: 503 } }, { text: 'ok' }]);
    await assert.rejects(collect(model.stream(request(), { retry: false })), ProviderHttpError);
  });

  it('cuts a stream off mid-way with a StreamInterruptedError', async () => {
    const model = scriptedModel([{ text: 'a long answer', chunkSize: 2, cutOffAfterChunks: 2 }]);
    const seen: ModelStreamEvent[] = [];
    await assert.rejects(
      (async () => {
        for await (const event of model.stream(request())) seen.push(event);
      })(),
      (error: unknown) => StreamInterruptedError.isInstance(error) && error.outputReceived,
    );
    assert.equal(seen.filter((e) => e.type === 'text-delta').length, 2);
  });

  it('says when the script has no response left', async () => {
    const model = scriptedModel([]);
    await assert.rejects(collect(model.stream(request())), ScriptExhaustedError);
  });

  it('reports a new connection first, then reused ones, and always new when asked for a fresh one', async () => {
    const model = scriptedModel(() => ({ text: 'x' }));
    const connection = async (fresh: boolean) => {
      const events = await collect(model.stream(request(), { freshConnection: fresh }));
      return events[0]!.type === 'response-start' ? events[0]!.transport.connection : undefined;
    };
    assert.deepEqual([await connection(false), await connection(false), await connection(true), await connection(true)], ['new', 'reused', 'new', 'new']);
  });

  it('counts the prefix shared with an earlier request as cached input', async () => {
    const model = scriptedModel(() => ({ text: 'x' }));
    const system = { role: 'system' as const, content: 'You are a careful assistant. '.repeat(20) };
    const first = (await collect(model.stream(request({ messages: [system, { role: 'user', content: 'a' }] })))).at(-1)!;
    const second = (await collect(model.stream(request({ messages: [system, { role: 'user', content: 'b' }] })))).at(-1)!;
    assert.ok(first.type === 'finish' && first.usage.cachedInputTokens === 0);
    assert.ok(second.type === 'finish' && second.usage.cachedInputTokens > 100);
  });

  it('chooses responses with a function and records every call', async () => {
    const model = scriptedModel((req, index) => ({ text: `${req.model}#${index}` }));
    const events = await collect(model.stream(request({ model: 'small' }), { freshConnection: true }));
    assert.deepEqual(events.filter((e) => e.type === 'text-delta').map((e) => (e as { delta: string }).delta).join(''), 'small#0');
    assert.equal(model.calls.length, 1);
    assert.equal(model.calls[0]!.options.freshConnection, true);
    assert.equal(model.remaining, Infinity);
  });

  it('honours the abort signal during a delay', async () => {
    const model = scriptedModel([{ text: 'late', delayMs: 10_000 }]);
    const controller = new AbortController();
    const pending = collect(model.stream(request(), { signal: controller.signal }));
    controller.abort();
    await assert.rejects(pending, { name: 'AbortError' });
  });
});
