import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import type { Guardrail } from '../agent/guardrail.ts';
import { scriptedModel, type Script } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import { GuardrailTrippedError, RunError } from './run-errors.ts';
import type { RunEvent } from './run-events.ts';
import { Runner, type RunnerOptions } from './runner.ts';

const search = tool({ name: 'search', description: '', parameters: z.object({ q: z.string() }), execute: ({ q }) => `results for ${q}` });
const broken = tool({ name: 'broken', description: '', parameters: z.object({ q: z.string() }), execute: () => { throw new Error('always'); } });
const agent = new Agent({ name: 'a', instructions: 'i', model: 'm', tools: [search, broken] });

async function run(script: Script, options: Omit<RunnerOptions, 'provider'> = {}, runAgent = agent) {
  const model = scriptedModel(script);
  const runner = new Runner({ provider: model, ...options });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  const result = await runner.run(runAgent, 'task');
  return { result, events, model };
}

const searchFor = (q: string) => ({ toolCalls: [{ name: 'search', arguments: { q } }] });
/** A model that keeps calling tools until it is asked for no tool calls, then answers. */
const looping = (next: (index: number) => { toolCalls: { name: string; arguments: Record<string, unknown> }[] }): Script =>
  (request, index) => (request.toolChoice === 'none' ? { text: 'best answer so far' } : next(index));

describe('stuck detection', () => {
  it('stops when the same action repeats, asks for a final answer without tools, and records why', async () => {
    const { result, events, model } = await run(looping(() => searchFor('same')));
    assert.equal(result.outcome, 'stuck');
    assert.equal(result.finalOutput, 'best answer so far');
    assert.match(result.stopReason!, /same tool calls 3 steps in a row/);
    const stuck = events.find((e) => e.type === 'stuck-detected');
    assert.ok(stuck?.type === 'stuck-detected' && stuck.pattern === 'repeat' && stuck.step === 2);
    const last = model.calls.at(-1)!.request;
    assert.equal(last.toolChoice, 'none');
    assert.equal(last.tools.length, 2, 'tool schemas stay in the request so the prompt prefix still matches');
    assert.ok(result.history.every((m) => m.role !== 'user' || m.content === 'task'), 'the nudge is not kept in the history');
  });

  it('stops an A/B ping-pong', async () => {
    const { result, events } = await run(looping((i) => searchFor(i % 2 ? 'b' : 'a')));
    assert.equal(result.outcome, 'stuck');
    assert.ok(events.some((e) => e.type === 'stuck-detected' && e.pattern === 'ping-pong'));
  });

  it('stops when the same error repeats', async () => {
    const { result, events } = await run(looping((i) => ({ toolCalls: [{ name: 'broken', arguments: { q: `attempt ${i}` } }] })));
    assert.equal(result.outcome, 'stuck');
    assert.ok(events.some((e) => e.type === 'stuck-detected' && e.pattern === 'repeated-error'));
  });

  it('lets progress go on: different actions are not a loop', async () => {
    const script = [searchFor('a'), searchFor('b'), searchFor('c'), searchFor('d'), { text: 'done' }];
    assert.equal((await run(script)).result.outcome, 'completed');
  });

  it('ends at max steps with a final answer and outcome max_steps', async () => {
    const { result, events } = await run(looping((i) => searchFor(`q${i}`)), { maxSteps: 4 });
    assert.equal(result.outcome, 'max_steps');
    assert.equal(result.finalOutput, 'best answer so far');
    assert.ok(events.some((e) => e.type === 'stuck-detected' && e.pattern === 'max-steps'));
    assert.equal(result.steps.length, 5);
  });

  it('nudges the final call with the default text unless told otherwise', async () => {
    const { model } = await run(looping(() => searchFor('same')));
    const nudge = model.calls.at(-1)!.request.messages.at(-1)!;
    assert.equal(nudge.role, 'user');
    assert.match(String(nudge.content), /^Tool use is over for this task \(stuck: the same tool calls 3 steps in a row: search\(\{"q":"same"\}\)\)\. Answer now/);
  });

  it('takes a final nudge of your own, as text or as a function of the reason', async () => {
    const text = await run(looping(() => searchFor('same')), { optimizations: { stuckDetection: { finalNudge: 'Answer in one line.' } } });
    assert.deepEqual(text.model.calls.at(-1)!.request.messages.at(-1), { role: 'user', content: 'Answer in one line.' });
    const made = await run(looping((i) => searchFor(`q${i}`)), { maxSteps: 2, optimizations: { stuckDetection: { finalNudge: (reason) => `Stop: ${reason}.` } } });
    assert.deepEqual(made.model.calls.at(-1)!.request.messages.at(-1), { role: 'user', content: 'Stop: reached the limit of 2 steps.' });
  });

  it('sends no nudge at all with finalNudge false: tool_choice none alone ends the run', async () => {
    const { result, model } = await run(looping(() => searchFor('same')), { optimizations: { stuckDetection: { finalNudge: false } } });
    const last = model.calls.at(-1)!.request;
    assert.equal(last.toolChoice, 'none');
    assert.equal(last.messages.at(-1)!.role, 'tool', 'the request ends with the last tool result');
    assert.equal(result.finalOutput, 'best answer so far');
  });

  it('refuses a final nudge that is neither text, a function nor false', () => {
    assert.throws(
      () => new Runner({ provider: scriptedModel([]), optimizations: { stuckDetection: { finalNudge: 42 as never } } }),
      /finalNudge must be a string, a function \(reason\) => string, or false/,
    );
  });

  it('does not look for loops in baseline, only the step cap holds', async () => {
    const { result, events } = await run(looping(() => searchFor('same')), { maxSteps: 5, optimizations: 'baseline' });
    assert.equal(result.outcome, 'max_steps');
    assert.equal(result.steps.length, 5);
    assert.ok(!events.some((e) => e.type === 'stuck-detected'));
  });
});

describe('budgets', () => {
  it('caps the output tokens of every call', async () => {
    const capped = new Agent({ name: 'a', instructions: '', model: 'm', modelSettings: { maxOutputTokens: 500 } });
    const { model } = await run([{ text: 'x' }], { budgets: { maxOutputTokensPerCall: 100 } }, capped);
    assert.equal(model.calls[0]!.request.maxOutputTokens, 100);
  });

  it('ends gracefully with outcome budget_exhausted when the token budget runs out', async () => {
    const usage = { inputTokens: 600, cachedInputTokens: 0, outputTokens: 10 };
    const script: Script = (request, index) =>
      request.toolChoice === 'none' ? { text: 'partial answer' } : { ...searchFor(`q${index}`), usage };
    const { result, events } = await run(script, { budgets: { maxTokens: 1000 } });
    assert.equal(result.outcome, 'budget_exhausted');
    assert.equal(result.finalOutput, 'partial answer');
    const exhausted = events.find((e) => e.type === 'budget-exhausted');
    assert.ok(exhausted?.type === 'budget-exhausted' && exhausted.budget === 'tokens' && exhausted.limit === 1000 && exhausted.used === 1220);
    assert.equal(events.at(-1)!.type === 'run-end' && (events.at(-1) as { outcome: string }).outcome, 'budget_exhausted');
  });

  it('ends on the cost budget using the price table', async () => {
    const script: Script = (request, index) => (request.toolChoice === 'none' ? { text: 'cheap answer' } : searchFor(`q${index}`));
    const { result, events } = await run(script, {
      budgets: { maxCostUsd: 0.0000001 },
      pricing: { m: { input: 1, cachedInput: 1, output: 1 } },
    });
    assert.equal(result.outcome, 'budget_exhausted');
    assert.ok(events.some((e) => e.type === 'budget-exhausted' && e.budget === 'cost'));
  });

  it('stops a slow step when the wall-time budget runs out and answers with the text it has', async () => {
    const slow = tool({ name: 'slow', description: '', parameters: z.object({}), execute: (_a, { signal }) => sleep(60_000, 'late', { signal }) });
    const slowAgent = new Agent({ name: 'a', instructions: '', model: 'm', tools: [slow] });
    const script = [{ text: 'Working on it: likely yes.', toolCalls: [{ name: 'slow', arguments: {} }] }];
    const { result, events } = await run(script, { budgets: { maxWallTimeMs: 50 } }, slowAgent);
    assert.equal(result.outcome, 'budget_exhausted');
    assert.ok(events.some((e) => e.type === 'budget-exhausted' && e.budget === 'time'));
    assert.equal(result.finalOutput, 'Working on it: likely yes.', 'no final call is made when out of time');
    assert.equal(result.steps[0]!.toolCalls[0]!.isError, true, 'the slow tool was cancelled');
  });

  it('drops a model call the wall-time budget interrupts, keeping the history valid', async () => {
    const script = [{ text: 'too late', delayMs: 10_000 }, { text: 'quick answer' }];
    const { result, events } = await run(script, { budgets: { maxWallTimeMs: 20 } });
    assert.equal(result.outcome, 'budget_exhausted');
    assert.equal(result.finalOutput, 'quick answer', 'with no text yet, one final tool-less call gives the answer');
    assert.ok(events.some((e) => e.type === 'budget-exhausted' && e.budget === 'time'));
    assert.deepEqual(result.history.map((m) => m.role), ['user', 'assistant'], 'one final answer after the input');
  });

  it('ignores budgets in baseline', async () => {
    const { result } = await run([searchFor('a'), { text: 'done' }], { optimizations: 'baseline', budgets: { maxTokens: 1 } });
    assert.equal(result.outcome, 'completed');
  });
});

describe('guardrails (parallel model work)', () => {
  const classifier = (verdict: boolean, order: string[]): Guardrail => ({
    name: 'topic',
    async check(input, context) {
      order.push('guardrail-start');
      const text = await context.callModel({ model: 'guard-model', messages: [{ role: 'user', content: input }] });
      order.push('guardrail-end');
      return { tripwire: verdict, reason: text };
    },
  });

  const script: Script = (request) =>
    request.model === 'guard-model' ? { text: 'off topic', delayMs: 20 } : { text: 'main answer', delayMs: 5 };

  it('runs guardrail calls alongside the first model call', async () => {
    const order: string[] = [];
    const guarded = new Agent({ name: 'a', instructions: '', model: 'm', guardrails: [classifier(false, order)] });
    const { result, events } = await run(script, {}, guarded);
    assert.equal(result.finalOutput, 'main answer');
    const starts = events.flatMap((e) => (e.type === 'model-call-start' ? [e.purpose] : []));
    assert.deepEqual(starts.sort(), ['chat', 'guardrail']);
    const mainStart = events.findIndex((e) => e.type === 'model-call-start' && e.purpose === 'chat');
    const guardEnd = events.findIndex((e) => e.type === 'model-call-end' && e.model === 'guard-model');
    assert.ok(mainStart < guardEnd, 'the main call started before the guardrail call ended');
  });

  it('awaits guardrails before the first model call when switched off', async () => {
    const order: string[] = [];
    const guarded = new Agent({ name: 'a', instructions: '', model: 'm', guardrails: [classifier(false, order)] });
    const { events } = await run(script, { optimizations: { parallelModelWork: false } }, guarded);
    const mainStart = events.findIndex((e) => e.type === 'model-call-start' && e.purpose === 'chat');
    const guardEnd = events.findIndex((e) => e.type === 'model-call-end' && e.model === 'guard-model');
    assert.ok(guardEnd < mainStart);
  });

  it('refuses the input with a GuardrailTrippedError, cancelling the main call', async () => {
    const order: string[] = [];
    const guarded = new Agent({ name: 'a', instructions: '', model: 'm', guardrails: [classifier(true, order)] });
    const slowMain: Script = (request) =>
      request.model === 'guard-model' ? { text: 'off topic' } : { text: 'never', delayMs: 10_000 };
    const model = scriptedModel(slowMain);
    const runner = new Runner({ provider: model });
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    const error = await runner.run(guarded, 'task').catch((e: unknown) => e);
    assert.ok(error instanceof GuardrailTrippedError);
    assert.equal(error.reason, 'off topic');
    const end = events.at(-1)!;
    assert.ok(end.type === 'run-end' && end.outcome === 'error' && end.error?.type === 'GuardrailTrippedError');
  });

  it('ends with a RunError when a guardrail itself fails', async () => {
    const failing: Guardrail = {
      name: 'flaky',
      check: () => {
        throw new Error('classifier unavailable');
      },
    };
    const guarded = new Agent({ name: 'a', instructions: '', model: 'm', guardrails: [failing] });
    const error = await new Runner({ provider: scriptedModel([{ text: 'x' }]) }).run(guarded, 'task').catch((e: unknown) => e);
    assert.ok(error instanceof RunError);
    assert.equal((error.cause as Error).message, 'classifier unavailable');
  });
});
