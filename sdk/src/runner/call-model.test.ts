import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import { tool } from '../tools/tool.ts';
import { scriptedModel, type ScriptedResponse } from '../testing/scripted-model.ts';
import type { OptimizationsOption } from './optimizations.ts';
import { DEFAULT_RETRY_POLICY } from '../provider/retry-policy.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

const agent = new Agent({ name: 'a', instructions: 'i', model: 'm', modelSettings: { temperature: 0.2, maxOutputTokens: 300 } });

async function oneCall(optimizations: OptimizationsOption, script: ScriptedResponse[] = [{ text: 'hello world', chunkSize: 3 }]) {
  const model = scriptedModel(script);
  const runner = new Runner({ provider: model, optimizations });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  const result = await runner.run(agent, 'hi');
  return { model, events, result };
}

describe('model calls', () => {
  it('records the request, first chunk, text deltas and the response in events', async () => {
    const { events } = await oneCall('optimized');
    const start = events.find((e) => e.type === 'model-call-start');
    assert.ok(start?.type === 'model-call-start');
    assert.deepEqual(
      [start.purpose, start.model, start.provider, start.temperature, start.maxOutputTokens, start.stream, start.step],
      ['chat', 'm', 'hotpath.scripted', 0.2, 300, true, 0],
    );
    assert.equal(start.messages[0]!.role, 'system');
    const deltas = events.flatMap((e) => (e.type === 'text-delta' ? [e.delta] : []));
    assert.deepEqual(deltas, ['hel', 'lo ', 'wor', 'ld']);
    const firstChunk = events.findIndex((e) => e.type === 'model-call-first-chunk');
    assert.ok(firstChunk < events.findIndex((e) => e.type === 'text-delta'));
    const end = events.find((e) => e.type === 'model-call-end');
    assert.ok(end?.type === 'model-call-end' && end.callId === start.callId);
    assert.equal(end.finishReason, 'stop');
    assert.equal(end.responseModel, 'm');
    assert.equal(end.output?.role === 'assistant' && end.output.content, 'hello world');
    assert.equal(end.transport?.connection, 'new');
  });

  it('keeps the connection pooled and passes the retry policy when optimized', async () => {
    const { model } = await oneCall('optimized');
    assert.equal(model.calls[0]!.options.freshConnection, false);
    assert.deepEqual(model.calls[0]!.options.retry, DEFAULT_RETRY_POLICY);
    assert.ok(model.calls[0]!.options.signal instanceof AbortSignal);
  });

  it('asks for a fresh connection and no retries in baseline', async () => {
    const { model } = await oneCall('baseline');
    assert.equal(model.calls[0]!.options.freshConnection, true);
    assert.equal(model.calls[0]!.options.retry, false);
  });

  it('takes a tuned retry policy', async () => {
    const retries = { maxRetries: 5, initialDelayMs: 1, maxDelayMs: 2 };
    const { model, events } = await oneCall({ retries }, [{ error: { status: 429 } }, { text: 'ok' }]);
    assert.deepEqual(model.calls[0]!.options.retry, retries);
    const end = events.find((e) => e.type === 'model-call-end');
    assert.ok(end?.type === 'model-call-end' && end.transport?.retries === 1 && !end.error);
  });

  it('passes the agent model settings through to the request', async () => {
    const echo = tool({ name: 'echo', description: '', parameters: z.object({}), execute: () => 'e' });
    const tuned = new Agent({
      name: 'a',
      instructions: '',
      model: 'm',
      tools: [echo],
      modelSettings: { temperature: 0, maxOutputTokens: 50, parallelToolCalls: false, toolChoice: 'required' },
    });
    const model = scriptedModel([{ text: 'ok' }]);
    await new Runner({ provider: model }).run(tuned, 'hi');
    const request = model.calls[0]!.request;
    assert.deepEqual(
      [request.temperature, request.maxOutputTokens, request.parallelToolCalls, request.toolChoice],
      [0, 50, false, 'required'],
    );
  });

  it('does not stream when streaming is off, and the text still arrives', async () => {
    const { model, result, events } = await oneCall({ streaming: false });
    assert.equal(model.calls[0]!.request.stream, false);
    assert.equal(result.finalOutput, 'hello world');
    assert.equal(events.filter((e) => e.type === 'text-delta').length, 1);
  });
});

describe('model calls with imperfect providers', () => {
  it('gives a tool call without an id one, so its result can be matched to it', async () => {
    const provider = {
      specificationVersion: 'v1' as const,
      provider: 'idless',
      calls: 0,
      async *stream(request: { messages: { role: string }[] }) {
        const transport = { connection: 'unknown' as const, retries: 0 };
        const usage = { inputTokens: 1, outputTokens: 1, cachedInputTokens: 0 };
        if (request.messages.at(-1)!.role === 'user') {
          yield { type: 'tool-call-delta' as const, index: 0, name: 'echo', argumentsDelta: '{}' };
          yield { type: 'finish' as const, finishReason: 'tool_calls' as const, usage, transport };
        } else {
          yield { type: 'text-delta' as const, delta: 'ok' };
          yield { type: 'finish' as const, finishReason: 'stop' as const, usage, transport };
        }
      },
    };
    const echo = tool({ name: 'echo', description: '', parameters: z.object({}), execute: () => 'echoed' });
    const result = await new Runner({ provider }).run(new Agent({ name: 'a', instructions: '', model: 'm', tools: [echo] }), 'go');
    const call = result.history[1]!;
    const answer = result.history[2]!;
    assert.ok(call.role === 'assistant' && call.toolCalls?.[0]?.id);
    assert.ok(answer.role === 'tool' && answer.toolCallId === call.toolCalls[0].id && answer.content === 'echoed');
  });
});
