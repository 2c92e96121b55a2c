import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import type { RouteContext, ModelRouter } from '../routing/model-router.ts';
import { scriptedModel } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import type { OptimizationsOption } from './optimizations.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

const read = tool({ name: 'read', description: 'read-only', parameters: z.object({ id: z.number() }), readOnly: true, execute: ({ id }) => `read ${id}` });
const write = tool({ name: 'write', description: 'has effects', parameters: z.object({ id: z.number() }), execute: ({ id }) => `wrote ${id}` });

async function streamTwoCalls(optimizations: OptimizationsOption) {
  const model = scriptedModel([
    {
      toolCalls: [
        { name: 'read', arguments: { id: 1 } },
        { name: 'write', arguments: { id: 2 } },
      ],
      chunkSize: 2,
      chunkDelayMs: 2,
    },
    { text: 'done' },
  ]);
  const runner = new Runner({ provider: model, optimizations });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  const result = await runner.run(new Agent({ name: 'a', instructions: '', model: 'm', tools: [read, write] }), 'go');
  // Started executions are reported when claimed, with the time they really started.
  const firstCallEnd = events.find((e) => e.type === 'model-call-end')!.time;
  const starts = events.flatMap((e) => (e.type === 'tool-call-start' ? [{ name: e.toolCall.name, eager: e.eager, index: e.time }] : []));
  return { result, firstCallEnd, starts };
}

describe('eager tool start while streaming', () => {
  it('starts a read-only tool as soon as its arguments are complete, before the response ends', async () => {
    const { result, firstCallEnd, starts } = await streamTwoCalls('optimized');
    const readStart = starts.find((s) => s.name === 'read')!;
    const writeStart = starts.find((s) => s.name === 'write')!;
    assert.ok(readStart.eager && readStart.index < firstCallEnd, 'read started while the model was streaming');
    assert.ok(!writeStart.eager && writeStart.index > firstCallEnd, 'write waited for the whole response');
    assert.deepEqual(result.steps[0]!.toolCalls.map((c) => [c.result, c.eager]), [['read 1', true], ['wrote 2', false]]);
  });

  it('waits for the whole response when switched off', async () => {
    const { firstCallEnd, starts } = await streamTwoCalls({ eagerTools: false });
    assert.ok(starts.every((s) => !s.eager && s.index > firstCallEnd));
  });
});

describe('model routing and cascades', () => {
  const router = (escalateWhen: (text: string) => boolean): ModelRouter & { contexts: RouteContext[] } => {
    const contexts: RouteContext[] = [];
    return {
      kind: 'router',
      models: ['small', 'large'],
      defaultModel: 'large',
      contexts,
      route(context) {
        contexts.push(context);
        return { model: 'small', candidates: ['small', 'large'], rule: 'cheapest-first', reason: 'try small' };
      },
      escalate(output, _context, decision) {
        if (decision.model === 'small' && escalateWhen(output.content ?? '')) {
          return { model: 'large', candidates: ['small', 'large'], rule: 'cascade:escalate', reason: 'answer failed the check' };
        }
        return null;
      },
    };
  };

  it('asks the router for each step and records its decision', async () => {
    const r = router(() => false);
    const model = scriptedModel([{ toolCalls: [{ name: 'read', arguments: { id: 1 } }] }, { text: 'fine' }]);
    const runner = new Runner({ provider: model });
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    const result = await runner.run(new Agent({ name: 'a', instructions: '', model: r, tools: [read] }), 'go');
    assert.deepEqual(model.calls.map((c) => c.request.model), ['small', 'small']);
    assert.deepEqual(r.contexts.map((c) => c.stepKind), ['first', 'after-tools']);
    assert.ok(r.contexts[0]!.estimatedInputTokens > 0);
    const starts = events.filter((e) => e.type === 'model-call-start');
    assert.ok(starts.every((e) => e.type === 'model-call-start' && e.routing?.rule === 'cheapest-first'));
    assert.equal(result.steps[0]!.routing?.model, 'small');
    assert.deepEqual(Object.keys(result.usage.byModel), ['small']);
  });

  it('discards a response that fails the check and repeats the step with the escalated model', async () => {
    const r = router((text) => text.includes('unsure'));
    const model = scriptedModel([{ text: 'unsure, maybe?' }, { text: 'A confident answer.' }]);
    const runner = new Runner({ provider: model });
    const result = await runner.run(new Agent({ name: 'a', instructions: '', model: r }), 'hard question');
    assert.equal(result.finalOutput, 'A confident answer.');
    assert.deepEqual(model.calls.map((c) => c.request.model), ['small', 'large']);
    assert.equal(result.history.filter((m) => m.role === 'assistant').length, 1, 'the discarded answer is not in the history');
    assert.equal(result.steps[0]!.routing?.rule, 'cascade:escalate');
    assert.equal(result.usage.byModel.small!.requests, 1, 'the discarded call is still paid for');
  });

  it('cancels the eager tools of a discarded response and runs the escalated response’s own calls', async () => {
    const signals: AbortSignal[] = [];
    const lookup = tool({
      name: 'lookup',
      description: '',
      parameters: z.object({ id: z.number() }),
      readOnly: true,
      execute: async ({ id }, { signal }) => {
        signals.push(signal);
        await new Promise((resolve) => setTimeout(resolve, id === 1 ? 200 : 1));
        return `looked up ${id}`;
      },
    });
    const r = router((text) => text.includes('hmm'));
    const model = scriptedModel((request) =>
      request.messages.at(-1)!.role === 'tool'
        ? { text: 'final' }
        : request.model === 'small'
          ? { text: 'hmm ', toolCalls: [{ name: 'lookup', arguments: { id: 1 } }], chunkSize: 4, chunkDelayMs: 2 }
          : { toolCalls: [{ name: 'lookup', arguments: { id: 2 } }] },
    );
    const result = await new Runner({ provider: model }).run(new Agent({ name: 'a', instructions: '', model: r, tools: [lookup] }), 'go');
    assert.equal(signals.length, 2);
    assert.equal(signals[0]!.aborted, true, 'the discarded response’s eager call was cancelled');
    assert.deepEqual(result.steps[0]!.toolCalls.map((c) => c.result), ['looked up 2']);
    assert.equal(result.finalOutput, 'final');
  });

  it('uses the router default model when routing is off', async () => {
    const r = router(() => true);
    const model = scriptedModel([{ text: 'x' }]);
    await new Runner({ provider: model, optimizations: { routing: false } }).run(new Agent({ name: 'a', instructions: '', model: r }), 'go');
    assert.deepEqual(model.calls.map((c) => c.request.model), ['large']);
    assert.equal(r.contexts.length, 0);
  });
});
