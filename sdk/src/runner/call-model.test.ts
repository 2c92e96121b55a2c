import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from '../agent/agent.ts';
import { scriptedModel, type ScriptedResponse } from '../testing/scripted-model.ts';
import { DEFAULT_RETRY_POLICY, type OptimizationsOption } from './optimizations.ts';
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

  it('does not stream when streaming is off, and the text still arrives', async () => {
    const { model, result, events } = await oneCall({ streaming: false });
    assert.equal(model.calls[0]!.request.stream, false);
    assert.equal(result.finalOutput, 'hello world');
    assert.equal(events.filter((e) => e.type === 'text-delta').length, 1);
  });
});
