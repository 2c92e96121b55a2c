import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import type { DraftSettings } from '../routing/model-router.ts';
import { cascade } from '../routing/cascade.ts';
import { router } from '../routing/router.ts';
import { instrument } from '../telemetry/instrument.ts';
import { createTestTracing } from '../testing/in-memory-span-exporter.ts';
import { scriptedModel, type Script, type ScriptedResponse } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import type { OptimizationsOption } from './optimizations.ts';
import { AbortError } from './run-errors.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

const executions: string[] = [];
const signals: AbortSignal[] = [];
const getOrder = tool({
  name: 'get_order',
  description: 'Look up an order',
  parameters: z.object({ orderId: z.string() }),
  readOnly: true,
  execute: async ({ orderId }, { signal }) => {
    executions.push(`get_order ${orderId}`);
    signals.push(signal);
    await sleep(20, undefined, { signal });
    return { id: orderId, status: 'shipped' };
  },
});
const refund = tool({
  name: 'refund',
  description: 'Refund an order (a write)',
  parameters: z.object({ orderId: z.string() }),
  execute: ({ orderId }) => {
    executions.push(`refund ${orderId}`);
    return { refunded: orderId };
  },
});

const agentWith = (race: DraftSettings['race'] = 'on-text') =>
  new Agent({ name: 'desk', instructions: 'i', tools: [getOrder, refund], model: cascade({ draft: 'small', answer: 'large', race }) });

const lookup = (orderId: string, extra: Partial<ScriptedResponse> = {}): ScriptedResponse => ({ toolCalls: [{ name: 'get_order', arguments: { orderId } }], ...extra });
const hasToolResult = (request: { messages: { role: string }[] }) => request.messages.at(-1)!.role === 'tool';

async function run(script: Script, options: { race?: DraftSettings['race']; optimizations?: OptimizationsOption; signal?: AbortSignal; agent?: Agent } = {}) {
  executions.length = 0;
  signals.length = 0;
  const model = scriptedModel(script);
  const runner = new Runner({ provider: model, ...(options.optimizations && { optimizations: options.optimizations }) });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  const result = await runner.run(options.agent ?? agentWith(options.race), 'Where is O-1?', options.signal ? { signal: options.signal } : {}).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
  const ends = events.flatMap((event) => (event.type === 'model-call-end' ? [event] : []));
  return { result, model, events, ends, models: model.calls.map((call) => call.request.model) };
}

describe('draft cascade', () => {
  it('keeps a draft that calls tools, and has the answer model write the answer', async () => {
    const { result, models, ends } = await run((request) =>
      request.model === 'small' ? (hasToolResult(request) ? { text: 'O-1 shipped (small)' } : lookup('O-1')) : { text: 'O-1 has shipped.' },
      { race: 'never' },
    );
    assert.ok(!(result instanceof Error));
    assert.deepEqual(models, ['small', 'small', 'large']);
    assert.equal(result.finalOutput, 'O-1 has shipped.');
    assert.deepEqual(result.steps.map((step) => [step.model, step.routing?.rule]), [['small', 'draft-tool-step'], ['large', 'answer-escalation']]);
    assert.match(result.steps[1]!.routing!.reason, /small wrote a final answer; answers are written by large/);
    assert.deepEqual(ends.map((end) => [end.model, end.routing?.rule ?? null, end.discarded ?? null]), [
      ['small', 'draft-tool-step', null],
      ['small', null, 'answer-escalation: small wrote a final answer'],
      ['large', 'answer-escalation', null],
    ]);
    assert.equal(result.history.filter((message) => message.role === 'assistant').length, 2, 'the discarded draft is not in the history');
    assert.equal(result.usage.byModel.small!.requests, 2, 'the discarded draft is still paid for');
  });

  it('starts the answer model as soon as the draft writes text, and cancels it when the draft ends in tool calls after all', async () => {
    const { result, models, ends } = await run((request) => {
      if (request.model === 'large') return { text: 'O-1 has shipped.', delayMs: 150 };
      if (hasToolResult(request)) return { text: 'It has shipped.', chunkSize: 4, chunkDelayMs: 5 };
      return lookup('O-1', { text: 'Let me look. ', chunkSize: 4, chunkDelayMs: 5 });
    });
    assert.ok(!(result instanceof Error));
    assert.deepEqual(models, ['small', 'large', 'small', 'large']);
    const [firstDraft, raced, secondDraft, answer] = ends;
    assert.equal(firstDraft!.routing?.rule, 'draft-tool-step', 'text then tool calls: kept');
    assert.equal(raced!.discarded, "draft-tool-step: small's tool calls were kept");
    assert.equal(raced!.error, undefined, 'a cancelled race call is not an error');
    assert.equal(secondDraft!.discarded, 'answer-escalation: small wrote a final answer');
    assert.equal(answer!.routing?.rule, 'answer-escalation');
    assert.equal(result.finalOutput, 'O-1 has shipped.');
  });

  it('races both models from the start with race "always", and takes the answer model when it finishes first', async () => {
    const { result, ends } = await run(
      (request) => (request.model === 'large' ? { text: 'Answered by large.' } : lookup('O-1', { delayMs: 60 })),
      { race: 'always' },
    );
    assert.ok(!(result instanceof Error));
    assert.equal(result.finalOutput, 'Answered by large.');
    assert.equal(result.steps.length, 1);
    assert.match(result.steps[0]!.routing!.reason, /large finished before the draft/);
    const draft = ends.find((end) => end.model === 'small')!;
    assert.equal(draft.discarded, 'large answered before the draft finished');
  });

  it('escalates an invalid draft call, and hands its valid read-only calls to the answer model if it asks for them', async () => {
    const { result, models, events } = await run((request) => {
      if (request.model === 'large') return hasToolResult(request) ? { text: 'Done.' } : lookup('O-1');
      if (hasToolResult(request)) return { text: 'x' };
      return { toolCalls: [{ name: 'get_order', arguments: { orderId: 'O-1' } }, { name: 'get_everything', arguments: {} }], chunkSize: 64 };
    }, { race: 'never' });
    assert.ok(!(result instanceof Error));
    assert.deepEqual(models, ['small', 'large', 'small', 'large']);
    assert.match(result.steps[0]!.routing!.reason, /small called an unknown tool "get_everything"/);
    assert.deepEqual(executions, ['get_order O-1'], 'the draft’s lookup ran once and the answer model got it');
    const start = events.find((event) => event.type === 'tool-call-start');
    assert.ok(start?.type === 'tool-call-start' && start.prefetched && start.speculation?.source === 'draft' && start.speculation.used);
    assert.deepEqual(result.speculation.bySource.draft, { started: 1, used: 1, wasted: 0 });
  });

  it('escalates arguments that fail the schema, and cancels a speculated call the answer model does not ask for', async () => {
    const { result, models } = await run((request) => {
      if (request.model === 'large') return hasToolResult(request) ? { text: 'Done.' } : lookup('O-2');
      if (hasToolResult(request)) return { text: 'x' };
      return { toolCalls: [{ name: 'get_order', arguments: { orderId: 'O-1' } }, { name: 'get_order', arguments: { orderId: 7 } }], chunkSize: 64 };
    }, { race: 'never' });
    assert.ok(!(result instanceof Error));
    assert.deepEqual(models.slice(0, 2), ['small', 'large']);
    assert.match(result.steps[0]!.routing!.reason, /arguments for "get_order" are invalid \(invalid_arguments\)/);
    assert.deepEqual(result.speculation.bySource.draft, { started: 1, used: 0, wasted: 1 });
    assert.equal(signals[0]!.aborted, true, 'the unclaimed speculation was cancelled');
  });

  it('leaves side effects to the answer model: a draft asking for a write is escalated', async () => {
    const { result, models } = await run((request) => {
      if (hasToolResult(request)) return { text: 'Refunded.' };
      return { toolCalls: [{ name: 'refund', arguments: { orderId: 'O-1' } }] };
    }, { race: 'never' });
    assert.ok(!(result instanceof Error));
    assert.deepEqual(models.slice(0, 2), ['small', 'large']);
    assert.match(result.steps[0]!.routing!.reason, /asked for "refund", which is not readOnly: large decides side effects/);
    assert.deepEqual(executions, ['refund O-1'], 'the write ran once, as the answer model asked');
  });

  it('asks the answer model as soon as the draft names a tool it cannot call, without waiting for the rest of the draft', async () => {
    const { result, ends, model } = await run((request) => {
      if (hasToolResult(request)) return { text: 'Refunded.' };
      if (request.model === 'large') return { toolCalls: [{ name: 'refund', arguments: { orderId: 'O-1' } }] };
      return { toolCalls: [{ name: 'refund', arguments: { orderId: 'O-1', note: 'a long note '.repeat(20) } }], chunkSize: 4, chunkDelayMs: 20 };
    }, { race: 'never' });
    assert.ok(!(result instanceof Error));
    const [draft, answer] = [model.calls[0]!, model.calls[1]!];
    assert.ok(answer.startedAt - draft.startedAt < 100, 'the answer model started with the first piece of the write, not after the whole draft');
    assert.equal(ends.find((end) => end.model === 'small')!.discarded, 'answer-escalation: small asked for "refund", which is not readOnly: large decides side effects');
  });

  it('hands the rest of the run to the answer model when the draft keeps calling one tool', async () => {
    const page = (n: number): ScriptedResponse => ({ toolCalls: [{ name: 'get_order', arguments: { orderId: `page-${n}` } }] });
    const { result, models } = await run((request, index) => {
      if (request.model === 'large') return { text: 'The answer from the pages seen.' };
      return page(index);
    }, { race: 'never' });
    assert.ok(!(result instanceof Error));
    assert.deepEqual(models, ['small', 'small', 'small', 'large']);
    assert.equal(result.steps[3]!.routing?.rule, 'answer-escalation');
    assert.match(result.steps[3]!.routing!.reason, /^small called get_order 3 steps in a row; large serves the rest of the run/);
  });

  it('races from the start, with race "auto", on the steps where the answer model has mostly been needed', async () => {
    const model = scriptedModel((request) =>
      request.model === 'small' ? (hasToolResult(request) ? { text: 'x', delayMs: 30 } : lookup('O-1')) : { text: 'O-1 has shipped.' },
    );
    const runner = new Runner({ provider: model });
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    for (let run = 0; run < 4; run++) await runner.run(agentWith('auto'), 'Where is O-1?');
    const answerStarts = events.flatMap((event) => (event.type === 'model-call-start' && event.model === 'large' ? [event] : []));
    assert.deepEqual(answerStarts.map((event) => event.routing?.rule), ['answer-race', 'answer-race', 'answer-race', 'answer-race']);
    assert.match(answerStarts[3]!.routing!.reason, /^started together with the draft: at step 2 of a run large was needed 3 of 3 times/);
    assert.match(answerStarts[2]!.routing!.reason, /began writing text/, 'until three drafts were seen, the answer model waits for text');
    const firstSteps = events.filter((event) => event.type === 'model-call-start' && event.model === 'small' && event.messages.at(-1)?.role === 'user');
    assert.equal(firstSteps.length, 4, 'the first steps, which end in tool calls, never start the answer model');
    assert.equal(model.calls.filter((call) => call.request.model === 'large').length, 4);
  });

  it('aborts both calls of a race and the tools they started when the caller aborts mid-race', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    const { result, ends, events } = await run(
      (request) => (request.model === 'large' ? { text: 'late', delayMs: 500 } : lookup('O-1', { chunkDelayMs: 10, chunkSize: 4 })),
      { race: 'always', signal: controller.signal },
    );
    assert.ok(result instanceof AbortError, String(result));
    assert.deepEqual(ends.map((end) => end.model).sort(), ['large', 'small'], 'both calls reported their end');
    assert.ok(ends.every((end) => end.finishReason === 'error' && end.discarded === undefined));
    assert.ok(signals.every((signal) => signal.aborted), 'every tool the draft started was cancelled');
    assert.equal(events.at(-1)!.type, 'run-end');
  });

  it('serves every step with the answer model when draftCascade is off, and the default model in baseline', async () => {
    const script: Script = (request) => (hasToolResult(request) ? { text: 'done' } : lookup('O-1'));
    assert.deepEqual((await run(script, { optimizations: { draftCascade: false } })).models, ['large', 'large']);
    assert.deepEqual((await run(script, { optimizations: 'baseline' })).models, ['large', 'large']);
  });

  it('drafts only the steps a rule router sends to a stronger model', async () => {
    const agent = new Agent({
      name: 'desk',
      instructions: 'i',
      tools: [getOrder],
      model: router({ models: ['small', 'medium', 'large'], draft: { model: 'small', race: 'never' }, rules: [{ stepKind: 'after-tools', model: 'medium' }] }),
    });
    const { models, result } = await run((request) => (hasToolResult(request) ? { text: `answer by ${request.model}` } : lookup('O-1')), { agent });
    assert.deepEqual(models, ['small', 'small', 'medium']);
    assert.ok(!(result instanceof Error) && result.finalOutput === 'answer by medium');
  });

  it('shows the draft decisions on the chat spans, the discarded draft included', async () => {
    const tracing = createTestTracing();
    const model = scriptedModel((request) => (request.model === 'small' ? (hasToolResult(request) ? { text: 'x' } : lookup('O-1')) : { text: 'y' }));
    const runner = instrument(new Runner({ provider: model }), { tracerProvider: tracing.tracerProvider });
    await runner.run(agentWith('never'), 'Where is O-1?');
    const chats = tracing.spansNamed('chat small').concat(tracing.spansNamed('chat large')).sort((a, b) => (a.startTime[1] - b.startTime[1]) + (a.startTime[0] - b.startTime[0]) * 1e9);
    assert.deepEqual(chats.map((span) => [span.name, span.attributes['hotpath.route.rule'], span.attributes['hotpath.route.discarded'] ?? false]), [
      ['chat small', 'draft-tool-step', false],
      ['chat small', 'draft', true],
      ['chat large', 'answer-escalation', false],
    ]);
    assert.equal(chats[1]!.attributes['hotpath.route.discard_reason'], 'answer-escalation: small wrote a final answer');
    await tracing.shutdown();
  });
});
