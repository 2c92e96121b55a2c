import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import { scriptedModel } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import { AbortError, RunError, RunInputError } from './run-errors.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

const getOrder = tool({
  name: 'get_order',
  description: 'Look up an order',
  parameters: z.object({ orderId: z.string() }),
  execute: ({ orderId }) => ({ orderId, status: 'shipped' }),
});
const agent = new Agent({ name: 'support', instructions: 'Answer with the tools.', model: 'sim-large', tools: [getOrder] });

function recorder(runner: Runner): RunEvent[] {
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  return events;
}

describe('Runner', () => {
  it('runs the loop: model asks for a tool, sees its result, answers', async () => {
    const model = scriptedModel([
      { toolCalls: [{ name: 'get_order', arguments: { orderId: 'A1' } }] },
      { text: 'Order A1 has shipped.' },
    ]);
    const runner = new Runner({ provider: model });
    const result = await runner.run(agent, 'Where is A1?');
    assert.equal(result.outcome, 'completed');
    assert.equal(result.finalOutput, 'Order A1 has shipped.');
    assert.deepEqual(result.history.map((m) => m.role), ['user', 'assistant', 'tool', 'assistant']);
    assert.equal(result.steps.length, 2);
    assert.equal(result.steps[0]!.toolCalls[0]!.result, '{"orderId":"A1","status":"shipped"}');
    const secondRequest = model.calls[1]!.request;
    assert.equal(secondRequest.messages[0]!.role, 'system');
    assert.equal(secondRequest.messages.at(-1)!.role, 'tool');
  });

  it('continues a conversation from a previous history', async () => {
    const model = scriptedModel([{ text: 'Hi Ada.' }, { text: 'Your name is Ada.' }]);
    const runner = new Runner({ provider: model });
    const first = await runner.run(agent, 'I am Ada.');
    const second = await runner.run(agent, 'What is my name?', { history: first.history });
    assert.deepEqual(
      model.calls[1]!.request.messages.map((m) => m.content),
      ['Answer with the tools.', 'I am Ada.', 'Hi Ada.', 'What is my name?'],
    );
    assert.equal(second.history.length, 4);
    assert.equal(first.history.length, 2, 'the first result is not changed by the second run');
  });

  it('adds usage up in total and per model, with cost from the price table', async () => {
    const model = scriptedModel([
      { toolCalls: [{ name: 'get_order', arguments: { orderId: 'A1' } }], usage: { inputTokens: 1000, cachedInputTokens: 0, outputTokens: 10 } },
      { text: 'done', usage: { inputTokens: 1200, cachedInputTokens: 1000, outputTokens: 5 } },
    ]);
    const runner = new Runner({
      provider: model,
      pricing: { 'sim-large': { input: 2, cachedInput: 0.5, output: 8 } },
    });
    const { usage } = await runner.run(agent, 'Where is A1?');
    assert.equal(usage.inputTokens, 2200);
    assert.equal(usage.cachedInputTokens, 1000);
    assert.equal(usage.outputTokens, 15);
    assert.equal(usage.requests, 2);
    const expected = (1000 * 2 + 10 * 8 + 200 * 2 + 1000 * 0.5 + 5 * 8) / 1e6;
    assert.ok(Math.abs(usage.costUsd - expected) < 1e-12);
    assert.deepEqual(Object.keys(usage.byModel), ['sim-large']);
    assert.equal(usage.byModel['sim-large']!.requests, 2);
  });

  it('emits run-start synchronously inside run(), and exactly one run-end', async () => {
    const runner = new Runner({ provider: scriptedModel([{ text: 'ok' }]) });
    const events = recorder(runner);
    const pending = runner.run(agent, 'hi', { conversationId: 'c-1', attributes: { 'hotpath.workload.task': 't1' } });
    assert.equal(events.length, 1);
    const start = events[0]!;
    assert.ok(start.type === 'run-start' && start.conversationId === 'c-1' && start.attributes?.['hotpath.workload.task'] === 't1');
    await pending;
    assert.deepEqual(
      events.map((e) => e.type),
      ['run-start', 'model-call-start', 'model-call-first-chunk', 'text-delta', 'model-call-end', 'step-end', 'run-end'],
    );
    assert.ok(events.every((e) => e.runId === start.runId));
    assert.ok(events.every((e, i) => i === 0 || e.time >= events[i - 1]!.time), 'times never go backwards');
  });

  it('streams text deltas, tool calls and step ends, then ends with the same result', async () => {
    const model = scriptedModel([
      { text: 'Let me check. ', toolCalls: [{ name: 'get_order', arguments: { orderId: 'A1' } }], chunkSize: 5 },
      { text: 'Shipped.', chunkSize: 3 },
    ]);
    const runner = new Runner({ provider: model });
    const stream = runner.stream(agent, 'Where is A1?');
    const types: string[] = [];
    let text = '';
    let last;
    for await (const event of stream) {
      types.push(event.type);
      if (event.type === 'text-delta') text += event.delta;
      last = event;
    }
    assert.equal(text, 'Let me check. Shipped.');
    assert.ok(types.includes('tool-call-start') && types.includes('tool-call-end'));
    assert.equal(types.filter((t) => t === 'step-end').length, 2);
    assert.ok(last?.type === 'run-result');
    assert.equal(last.result, await stream.result);
  });

  it('aborts the run when the stream reader stops early', async () => {
    const model = scriptedModel([{ text: 'a very long answer indeed', chunkSize: 2, chunkDelayMs: 5 }]);
    const runner = new Runner({ provider: model });
    const events = recorder(runner);
    const stream = runner.stream(agent, 'hi');
    for await (const event of stream) if (event.type === 'text-delta') break;
    await assert.rejects(stream.result, AbortError);
    const end = events.at(-1)!;
    assert.ok(end.type === 'run-end' && end.outcome === 'aborted');
  });

  it('rejects with an AbortError carrying the run state when the signal aborts mid-call', async () => {
    const model = scriptedModel([
      { toolCalls: [{ name: 'get_order', arguments: { orderId: 'A1' } }] },
      { text: 'never', delayMs: 10_000 },
    ]);
    const runner = new Runner({ provider: model });
    const events = recorder(runner);
    const controller = new AbortController();
    runner.subscribe((event) => event.type === 'model-call-start' && event.step === 1 && controller.abort());
    const error = await runner.run(agent, 'hi', { signal: controller.signal }).catch((e: unknown) => e);
    assert.ok(error instanceof AbortError);
    assert.equal(error.state.steps, 1);
    assert.equal(error.state.history.at(-1)!.role, 'tool');
    const end = events.at(-1)!;
    assert.ok(end.type === 'run-end' && end.outcome === 'aborted');
  });

  it('cancels a running tool when the run is aborted, without waiting for the tool', async () => {
    let toolSignal: AbortSignal | undefined;
    const stubborn = tool({
      name: 'stubborn',
      description: 'ignores nothing',
      parameters: z.object({}),
      execute: async (_args, { signal }) => {
        toolSignal = signal;
        await sleep(60_000, undefined, { ref: false });
      },
    });
    const runner = new Runner({ provider: scriptedModel([{ toolCalls: [{ name: 'stubborn', arguments: {} }] }]) });
    const controller = new AbortController();
    runner.subscribe((event) => event.type === 'tool-call-start' && setImmediate(() => controller.abort()));
    const withTool = new Agent({ name: 'a', instructions: '', model: 'm', tools: [stubborn] });
    await assert.rejects(runner.run(withTool, 'go', { signal: controller.signal }), AbortError);
    assert.equal(toolSignal?.aborted, true);
  });

  it('rejects at once with an AbortError when the signal is already aborted', async () => {
    const model = scriptedModel([{ text: 'x' }]);
    await assert.rejects(new Runner({ provider: model }).run(agent, 'hi', { signal: AbortSignal.abort() }), AbortError);
    assert.equal(model.calls.length, 0);
  });

  for (const status of [400, 401, 429, 500, 503]) {
    it(`ends with a RunError and an error run-end when the provider answers HTTP ${status}`, async () => {
      const runner = new Runner({ provider: scriptedModel([{ error: { status } }]), optimizations: { retries: false } });
      const events = recorder(runner);
      const error = await runner.run(agent, 'hi').catch((e: unknown) => e);
      assert.ok(RunError.isInstance(error) && error instanceof RunError && !(error instanceof AbortError));
      assert.equal((error.cause as { status: number }).status, status);
      assert.equal(error.state.usage.requests, 1);
      const callEnd = events.find((e) => e.type === 'model-call-end');
      assert.ok(callEnd?.type === 'model-call-end' && callEnd.error?.type === String(status));
      const end = events.at(-1)!;
      assert.ok(end.type === 'run-end' && end.outcome === 'error' && end.error?.type === String(status));
    });
  }

  it('ends with a RunError when the stream is cut off mid-way', async () => {
    const runner = new Runner({ provider: scriptedModel([{ text: 'partial answer', chunkSize: 2, cutOffAfterChunks: 3 }]) });
    const events = recorder(runner);
    const error = await runner.run(agent, 'hi').catch((e: unknown) => e);
    assert.ok(error instanceof RunError);
    assert.equal((error.cause as Error).name, 'StreamInterruptedError');
    const end = events.at(-1)!;
    assert.ok(end.type === 'run-end' && end.outcome === 'error' && end.error?.type === 'StreamInterruptedError');
  });

  it('ends with a RunError when a provider stream ends without finishing', async () => {
    const provider = {
      specificationVersion: 'v1' as const,
      provider: 'broken',
      async *stream() {
        yield { type: 'text-delta' as const, delta: 'half' };
      },
    };
    const error = await new Runner({ provider }).run(agent, 'hi').catch((e: unknown) => e);
    assert.ok(error instanceof RunError);
    assert.equal((error.cause as Error).name, 'ModelResponseError');
  });

  it('refuses bad run arguments with a RunInputError before anything runs', async () => {
    const model = scriptedModel([]);
    const runner = new Runner({ provider: model });
    const events = recorder(runner);
    await assert.rejects(runner.run(agent, 42 as never), RunInputError);
    await assert.rejects(runner.run({} as never, 'hi'), RunInputError);
    await assert.rejects(runner.run(agent, 'hi', { history: 'nope' as never }), RunInputError);
    await assert.rejects(
      runner.run(agent, 'hi', { history: [{ role: 'tool', toolCallId: 'x', toolName: 't', content: '' }] }),
      /answers a tool call "x"/,
    );
    assert.equal(events.length, 0);
    assert.throws(() => new Runner({} as never), RunInputError);
    assert.throws(() => new Runner({ provider: model, maxSteps: 0 }), RunInputError);
    assert.throws(() => new Runner({ provider: model, optimizations: { warpDrive: true } as never }), /Unknown optimization/);
  });

  it('keeps running when a listener throws', async () => {
    const runner = new Runner({ provider: scriptedModel([{ text: 'ok' }]) });
    runner.subscribe(() => {
      throw new Error('bad listener');
    });
    assert.equal((await runner.run(agent, 'hi')).finalOutput, 'ok');
  });

  it('stops delivering events to a listener after unsubscribe', async () => {
    const runner = new Runner({ provider: scriptedModel([{ text: 'a' }, { text: 'b' }]) });
    const events: RunEvent[] = [];
    const unsubscribe = runner.subscribe((event) => events.push(event));
    await runner.run(agent, 'one');
    const count = events.length;
    unsubscribe();
    await runner.run(agent, 'two');
    assert.equal(events.length, count);
  });

  it('makes the stream throw the run error after the events that came before it', async () => {
    const runner = new Runner({ provider: scriptedModel([{ text: 'partial', chunkSize: 2, cutOffAfterChunks: 2 }]) });
    const events = recorder(runner);
    const stream = runner.stream(agent, 'hi');
    assert.equal(events[0]?.type, 'run-start', 'run-start is emitted synchronously inside stream()');
    const seen: string[] = [];
    await assert.rejects(
      (async () => {
        for await (const event of stream) seen.push(event.type);
      })(),
      RunError,
    );
    assert.deepEqual(seen, ['text-delta', 'text-delta']);
    await assert.rejects(stream.result, RunError);
  });

  it('cancels the nested runs of sub-agents when the parent run is aborted', async () => {
    const child = new Agent({ name: 'child', instructions: '', model: 'slow-model' });
    const parent = new Agent({ name: 'parent', instructions: '', model: 'm', subAgents: [child] });
    const model = scriptedModel((request) =>
      request.model === 'slow-model' ? { text: 'late', delayMs: 10_000 } : { toolCalls: [{ name: 'child', arguments: { input: 'work' } }] },
    );
    const runner = new Runner({ provider: model });
    const events = recorder(runner);
    const controller = new AbortController();
    runner.subscribe((event) => event.type === 'model-call-start' && event.model === 'slow-model' && controller.abort());
    await assert.rejects(runner.run(parent, 'go', { signal: controller.signal }), AbortError);
    await sleep(5);
    const ends = events.filter((e) => e.type === 'run-end');
    assert.equal(ends.length, 2);
    assert.ok(ends.every((e) => e.type === 'run-end' && e.outcome === 'aborted'));
  });
});
