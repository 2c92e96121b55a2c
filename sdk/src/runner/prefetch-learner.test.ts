import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import { scriptedModel } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import { parsePrefetchPlan, PrefetchLearner } from './prefetch-learner.ts';
import type { RunEvent } from './run-events.ts';
import { RunInputError } from './run-errors.ts';
import { Runner } from './runner.ts';

const order = (id: string) => ({ id, status: 'shipped', shipmentId: `S-${id.slice(2)}`, lines: [{ sku: 'AB-100', qty: 1 }] });

describe('prefetch learner', () => {
  it('learns that a call takes its argument from an earlier result, once the pattern has held twice', () => {
    const learner = new PrefetchLearner();
    for (const id of ['O-1', 'O-2']) {
      assert.deepEqual(learner.suggest('desk', 'get_order', { orderId: id }, order(id)), [], 'not yet held twice');
      const session = learner.session('desk');
      session.result('get_order', { orderId: id }, order(id));
      session.call('get_shipment', { shipmentId: `S-${id.slice(2)}`, carrier: 'ups' });
    }
    const [suggestion, ...rest] = learner.suggest('desk', 'get_order', { orderId: 'O-7' }, order('O-7'));
    assert.deepEqual(rest, []);
    assert.deepEqual(suggestion!.call, { tool: 'get_shipment', arguments: { shipmentId: 'S-7', carrier: 'ups' } });
    assert.deepEqual(learner.suggest('other-agent', 'get_order', { orderId: 'O-7' }, order('O-7')), [], 'patterns are per agent');
    assert.deepEqual(learner.suggest('desk', 'get_order', { orderId: 'O-8' }, { id: 'O-8' }), [], 'no shipment id in this result');
  });

  it('learns from a call’s own arguments too, and from results earlier turns left in the history', () => {
    const learner = new PrefetchLearner({ minSupport: 1 });
    const session = learner.session('desk', [
      { role: 'user', content: 'who is C-1?' },
      { role: 'assistant', content: null, toolCalls: [{ id: 'c1', name: 'get_customer', arguments: '{"customerId":"C-1001"}' }] },
      { role: 'tool', toolCallId: 'c1', toolName: 'get_customer', content: '{"name":"Ada","tier":"gold"}' },
    ]);
    session.call('list_orders', { customerId: 'C-1001' });
    assert.deepEqual(learner.plan().patterns.map((p) => [p.trigger, p.tool, p.arguments]), [['get_customer', 'list_orders', { customerId: { from: ['args', 'customerId'] } }]]);
  });

  it('learns calls whose id-like arguments come straight from the input, by the shape of the id', () => {
    const learner = new PrefetchLearner();
    for (const id of ['O-1001', 'O-1002']) learner.session('desk', [], `Where is order ${id} now?`).call('get_order', { orderId: id, verbose: false });
    learner.session('desk', [], 'Is Ada (C-1001) a gold member?').call('find_customer', { name: 'Ada' });
    const calls = learner.suggestAtStart('desk', 'Compare O-7001, O-7002 and the old order 42; also C-9').map((suggestion) => suggestion.call);
    assert.deepEqual(calls, [
      { tool: 'get_order', arguments: { orderId: 'O-7001', verbose: false } },
      { tool: 'get_order', arguments: { orderId: 'O-7002', verbose: false } },
    ]);
    assert.deepEqual(learner.suggestAtStart('desk', 'Where is my order?'), [], 'no id of that shape, no call');
    const session = learner.session('desk', [], 'Order O-1003, and O-1003 again');
    session.call('get_order', { orderId: 'O-1003', verbose: false });
    session.call('get_order', { orderId: 'O-1003', verbose: false });
    assert.equal(learner.plan().patterns.find((pattern) => pattern.trigger === '$input')!.support, 3, 'one confirmation per run');
  });

  it('stops speculating a pattern whose speculations mostly go unused', () => {
    const learner = new PrefetchLearner({ minSupport: 1, minPrecision: 0.5 });
    const session = learner.session('desk');
    session.result('get_order', { orderId: 'O-1' }, order('O-1'));
    session.call('get_shipment', { shipmentId: 'S-1' });
    learner.suggest('desk', 'get_order', { orderId: 'O-2' }, order('O-2'))[0]!.settled(false);
    assert.equal(learner.suggest('desk', 'get_order', { orderId: 'O-3' }, order('O-3')).length, 1, '1 used of 2: still at 0.5');
    learner.suggest('desk', 'get_order', { orderId: 'O-3' }, order('O-3'))[0]!.settled(false);
    assert.deepEqual(learner.suggest('desk', 'get_order', { orderId: 'O-4' }, order('O-4')), []);
  });

  it('keeps its memory bounded: at most maxPatterns patterns, the least recently confirmed dropped first', () => {
    const learner = new PrefetchLearner({ maxPatterns: 10 });
    const session = learner.session('desk');
    for (let index = 0; index < 200; index++) {
      session.result(`tool_${index}`, { key: `value-${index}` }, { next: `next-${index}` });
      session.call(`follow_${index}`, { id: `next-${index}` });
    }
    assert.equal(learner.size, 10);
    assert.deepEqual(learner.plan().patterns.map((p) => p.trigger).sort(), Array.from({ length: 10 }, (_, i) => `tool_${190 + i}`).sort());
    // A session remembers only its last 8 results: an old result is no longer a source.
    session.call('late_follow', { id: 'next-100' });
    assert.equal(learner.plan().patterns.some((p) => p.tool === 'late_follow'), false);
  });

  it('exports a plan another learner starts from, and refuses a malformed one with a clear error', () => {
    const learner = new PrefetchLearner();
    for (let run = 0; run < 2; run++) {
      const session = learner.session('desk');
      session.result('get_order', { orderId: 'O-1' }, order('O-1'));
      session.call('get_shipment', { shipmentId: 'S-1' });
    }
    const plan = JSON.parse(JSON.stringify(learner.plan()));
    assert.equal(new PrefetchLearner({ plan }).suggest('desk', 'get_order', { orderId: 'O-5' }, order('O-5'))[0]!.call.arguments.shipmentId, 'S-5');
    assert.throws(() => parsePrefetchPlan({ version: 2, patterns: [] }), (error: unknown) => error instanceof RunInputError && /Not a prefetch plan/.test(error.message));
    assert.throws(() => new PrefetchLearner({ plan: { version: 1, patterns: [{ agent: 'a', trigger: 't', tool: 'u', arguments: { x: { from: [] } }, support: 1, wasted: 0 }] } }), /Not a prefetch plan/);
    assert.throws(() => new PrefetchLearner({ minSupport: 0 }), /minSupport must be a whole number ≥ 1/);
  });
});

describe('learned prefetch in runs', () => {
  function desk(options: { shipmentReadOnly?: boolean } = {}) {
    const executions: string[] = [];
    const signals: AbortSignal[] = [];
    const getOrder = tool({
      name: 'get_order',
      description: 'an order',
      parameters: z.object({ orderId: z.string() }),
      readOnly: true,
      execute: async ({ orderId }) => {
        executions.push(`order ${orderId}`);
        return order(orderId);
      },
    });
    const getShipment = tool({
      name: 'get_shipment',
      description: 'a shipment',
      parameters: z.object({ shipmentId: z.string() }),
      readOnly: options.shipmentReadOnly ?? true,
      execute: async ({ shipmentId }, { signal }) => {
        executions.push(`shipment ${shipmentId}`);
        signals.push(signal);
        await sleep(30, undefined, { signal });
        return { id: shipmentId, eta: '2026-12-01' };
      },
    });
    const agent = new Agent({ name: 'desk', instructions: 'i', model: 'm', tools: [getOrder, getShipment] });
    return { agent, executions, signals };
  }
  /** A model that tracks an order: order first, then its shipment (unless told not to), then an answer. */
  const tracker = (followShipment: boolean) =>
    scriptedModel((request) => {
      const last = request.messages.at(-1)!;
      if (last.role === 'user') return { toolCalls: [{ name: 'get_order', arguments: { orderId: last.content } }], delayMs: 5 };
      if (last.role === 'tool' && last.toolName === 'get_order' && followShipment) {
        const shipmentId = (JSON.parse(last.content) as { shipmentId: string }).shipmentId;
        return { toolCalls: [{ name: 'get_shipment', arguments: { shipmentId } }], delayMs: 20 };
      }
      return { text: 'done' };
    });

  it('starts the learned follow-up when the triggering result arrives, and the model gets that execution', async () => {
    const { agent, executions } = desk();
    const learner = new PrefetchLearner();
    const runner = new Runner({ provider: tracker(true), prefetchLearner: learner });
    await runner.run(agent, 'O-1');
    await runner.run(agent, 'O-2');
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    executions.length = 0;
    const result = await runner.run(agent, 'O-3');
    assert.deepEqual(executions, ['order O-3', 'shipment S-3'], 'the shipment ran once');
    const shipment = events.find((event) => event.type === 'tool-call-start' && event.toolCall.name === 'get_shipment');
    assert.ok(shipment?.type === 'tool-call-start' && shipment.prefetched && shipment.prefetchTrigger === 'get_order');
    assert.deepEqual(shipment.speculation, { source: 'learned', used: true });
    const askedAt = events.find((event) => event.type === 'model-call-end' && event.output?.role === 'assistant' && event.output.toolCalls?.[0]?.name === 'get_shipment')!.time;
    assert.ok(shipment.time < askedAt, 'it started before the model asked');
    // The order itself was started from the input (O-3 has the shape of the ids the model looked up before).
    assert.deepEqual(result.speculation, { started: 2, used: 2, wasted: 0, bySource: { learned: { started: 2, used: 2, wasted: 0 } } });
  });

  it('cancels and reports a learned speculation the model does not use', async () => {
    const { agent, signals } = desk();
    const learner = new PrefetchLearner();
    const learning = new Runner({ provider: tracker(true), prefetchLearner: learner });
    await learning.run(agent, 'O-1');
    await learning.run(agent, 'O-2');
    const runner = new Runner({ provider: tracker(false), prefetchLearner: learner });
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    signals.length = 0;
    const result = await runner.run(agent, 'O-3');
    assert.deepEqual(result.speculation.bySource.learned, { started: 2, used: 1, wasted: 1 }, 'the order from the input was used, the shipment not');
    assert.equal(signals[0]!.aborted, true);
    const wasted = events.find((event) => event.type === 'tool-call-start' && event.toolCall.id.startsWith('prefetch:'));
    assert.ok(wasted?.type === 'tool-call-start' && wasted.speculation?.used === false);
    assert.equal(learner.plan().patterns.find((pattern) => pattern.tool === 'get_shipment')!.wasted, 1);
  });

  it('never speculates a tool that is not read-only, though it sees the pattern', async () => {
    const { agent, executions } = desk({ shipmentReadOnly: false });
    const learner = new PrefetchLearner();
    const runner = new Runner({ provider: tracker(true), prefetchLearner: learner });
    for (const id of ['O-1', 'O-2', 'O-3']) await runner.run(agent, id);
    assert.equal(learner.plan().patterns.find((pattern) => pattern.tool === 'get_shipment')?.support, 3);
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    executions.length = 0;
    await runner.run(agent, 'O-4');
    assert.ok(!events.some((event) => event.type === 'tool-call-start' && event.toolCall.name === 'get_shipment' && event.prefetched));
    assert.deepEqual(executions, ['order O-4', 'shipment S-4']);
  });

  it('starts a call learned from inputs at run start, beside the first model call', async () => {
    const { agent, executions } = desk();
    const runner = new Runner({ provider: tracker(false), prefetchLearner: new PrefetchLearner() });
    await runner.run(agent, 'O-1');
    await runner.run(agent, 'O-2');
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    executions.length = 0;
    const result = await runner.run(agent, 'O-3');
    assert.deepEqual(executions, ['order O-3']);
    const start = events.find((event) => event.type === 'tool-call-start');
    const firstModelCall = events.find((event) => event.type === 'model-call-start')!;
    assert.ok(start?.type === 'tool-call-start' && start.prefetchTrigger === 'input' && start.speculation?.source === 'learned');
    assert.ok(start.time <= firstModelCall.time);
    assert.equal(result.speculation.used, 1);
  });

  it('learns nothing and speculates nothing with learnedPrefetch off', async () => {
    const { agent } = desk();
    const learner = new PrefetchLearner();
    const runner = new Runner({ provider: tracker(true), prefetchLearner: learner, optimizations: { learnedPrefetch: false } });
    for (const id of ['O-1', 'O-2', 'O-3']) await runner.run(agent, id);
    assert.equal(learner.size, 0);
  });
});
