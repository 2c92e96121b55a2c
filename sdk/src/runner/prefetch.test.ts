import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import { scriptedModel } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import type { OptimizationsOption } from './optimizations.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

function setup(optimizations: OptimizationsOption, askFor: Record<string, unknown>) {
  let executions = 0;
  const profile = tool({
    name: 'get_profile',
    description: 'the user profile',
    parameters: z.object({ userId: z.string() }),
    readOnly: true,
    execute: async ({ userId }) => {
      executions += 1;
      await sleep(10);
      return { userId, plan: 'pro' };
    },
  });
  const agent = new Agent({
    name: 'a',
    instructions: '',
    model: 'm',
    tools: [profile],
    prefetch: (input) => [{ tool: 'get_profile', arguments: { userId: input } }],
  });
  const model = scriptedModel([{ toolCalls: [{ name: 'get_profile', arguments: askFor }], delayMs: 5 }, { text: 'done' }]);
  const runner = new Runner({ provider: model, optimizations });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  return { agent, runner, events, executions: () => executions };
}

describe('prefetch', () => {
  it('starts declared calls at run start and hands the result over when the model asks for the same call', async () => {
    const { agent, runner, events, executions } = setup('optimized', { userId: 'u1' });
    const result = await runner.run(agent, 'u1');
    assert.equal(executions(), 1);
    const start = events.find((e) => e.type === 'tool-call-start');
    const firstModelCall = events.find((e) => e.type === 'model-call-start')!;
    assert.ok(start?.type === 'tool-call-start' && start.prefetched && !start.eager);
    assert.ok(start.time <= firstModelCall.time, 'the prefetch began before the first model call');
    assert.equal(start.toolCall.id, result.steps[0]!.toolCalls[0]!.toolCall.id, 'reported under the model’s call id');
    assert.equal(result.steps[0]!.toolCalls[0]!.prefetched, true);
    assert.equal(result.steps[0]!.toolCalls[0]!.result, '{"userId":"u1","plan":"pro"}');
  });

  it('runs the call normally when the model asks for different arguments, and reports the unused prefetch', async () => {
    const { agent, runner, events, executions } = setup('optimized', { userId: 'someone-else' });
    await runner.run(agent, 'u1');
    assert.equal(executions(), 2);
    const starts = events.flatMap((e) => (e.type === 'tool-call-start' ? [e] : []));
    assert.deepEqual(starts.map((s) => [s.toolCall.id.startsWith('prefetch:'), s.prefetched]).sort(), [[false, false], [true, true]]);
    assert.equal(events.at(-1)!.type, 'run-end', 'the unused prefetch is reported before run-end');
  });

  it('leaves no listener on a caller’s signal that outlives its runs, and still stops a prefetch when it aborts', async () => {
    const shutdown = new AbortController();
    for (let run = 0; run < 5; run++) {
      const { agent, runner, executions } = setup('optimized', { userId: 'u1' });
      await runner.run(agent, 'u1', { signal: shutdown.signal });
      assert.equal(executions(), 1, 'the prefetched call was used');
    }
    assert.equal(getEventListeners(shutdown.signal, 'abort').length, 0);

    let toolSignal: AbortSignal | undefined;
    const slow = tool({
      name: 'get_profile',
      description: 'the user profile',
      parameters: z.object({ userId: z.string() }),
      readOnly: true,
      execute: async (_args, { signal }) => {
        toolSignal = signal;
        await sleep(1_000, undefined, { signal });
        return {};
      },
    });
    const agent = new Agent({ name: 'a', instructions: '', model: 'm', tools: [slow], prefetch: (input) => [{ tool: 'get_profile', arguments: { userId: input } }] });
    const runner = new Runner({ provider: scriptedModel([{ text: 'late', delayMs: 1_000 }]) });
    const caller = new AbortController();
    const running = runner.run(agent, 'u1', { signal: caller.signal });
    await sleep(20);
    caller.abort();
    await assert.rejects(running, { name: 'AbortError' });
    assert.equal(toolSignal?.aborted, true, 'the prefetched tool saw the abort');
  });

  it('does nothing ahead of time in baseline', async () => {
    const { agent, runner, events, executions } = setup('baseline', { userId: 'u1' });
    await runner.run(agent, 'u1');
    assert.equal(executions(), 1);
    const start = events.find((e) => e.type === 'tool-call-start');
    assert.ok(start?.type === 'tool-call-start' && !start.prefetched);
  });
});

describe('follow-up prefetch', () => {
  function chain(follow: (order: { shipmentId: string }) => { tool: string; arguments: Record<string, unknown> }[]) {
    const executions: string[] = [];
    const getOrder = tool({
      name: 'get_order',
      description: 'an order',
      parameters: z.object({ orderId: z.string() }),
      readOnly: true,
      execute: async ({ orderId }) => {
        executions.push(`order:${orderId}`);
        await sleep(5);
        return { id: orderId, shipmentId: `S-${orderId}` };
      },
    });
    const getShipment = tool({
      name: 'get_shipment',
      description: 'a shipment',
      parameters: z.object({ shipmentId: z.string() }),
      readOnly: true,
      execute: async ({ shipmentId }) => {
        executions.push(`shipment:${shipmentId}`);
        await sleep(30);
        return { id: shipmentId, status: 'in transit' };
      },
    });
    const agent = new Agent({
      name: 'a',
      instructions: '',
      model: 'm',
      tools: [getOrder, getShipment],
      prefetch: { after: { get_order: (order) => follow(order as { shipmentId: string }) } },
    });
    return { agent, executions };
  }
  const toShipment = (order: { shipmentId: string }) => [{ tool: 'get_shipment', arguments: { shipmentId: order.shipmentId } }];

  it('starts the next call of a chain when the result arrives and hands it over when the model asks', async () => {
    const { agent, executions } = chain(toShipment);
    const model = scriptedModel([
      { toolCalls: [{ name: 'get_order', arguments: { orderId: 'O1' } }] },
      { toolCalls: [{ name: 'get_shipment', arguments: { shipmentId: 'S-O1' } }], delayMs: 20 },
      { text: 'in transit' },
    ]);
    const runner = new Runner({ provider: model });
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    const result = await runner.run(agent, 'where is O1?');
    assert.deepEqual(executions, ['order:O1', 'shipment:S-O1'], 'the shipment ran once, speculatively');
    const starts = events.flatMap((e) => (e.type === 'tool-call-start' ? [e] : []));
    const shipmentStart = starts.find((s) => s.toolCall.name === 'get_shipment')!;
    const secondModelCall = events.filter((e) => e.type === 'model-call-start')[1]!;
    assert.ok(shipmentStart.prefetched && shipmentStart.prefetchTrigger === 'get_order');
    assert.ok(shipmentStart.time < secondModelCall.time, 'it started before the model asked for it');
    assert.equal(result.steps[1]!.toolCalls[0]!.result, '{"id":"S-O1","status":"in transit"}');
    // What the model saw is exactly what the same run sees without speculation.
    const plainModel = scriptedModel([
      { toolCalls: [{ name: 'get_order', arguments: { orderId: 'O1' } }] },
      { toolCalls: [{ name: 'get_shipment', arguments: { shipmentId: 'S-O1' } }] },
      { text: 'in transit' },
    ]);
    await new Runner({ provider: plainModel, optimizations: { followUpPrefetch: false } }).run(chain(toShipment).agent, 'where is O1?');
    assert.deepEqual(model.calls.map((c) => c.request.messages), plainModel.calls.map((c) => c.request.messages));
  });

  it('drops a speculative result the model never asks for, reporting it as a cancelled follow-up', async () => {
    const { agent, executions } = chain(toShipment);
    const model = scriptedModel([{ toolCalls: [{ name: 'get_order', arguments: { orderId: 'O1' } }] }, { text: 'order O1' }]);
    const runner = new Runner({ provider: model });
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    const result = await runner.run(agent, 'what is O1?');
    assert.equal(result.outcome, 'completed');
    assert.deepEqual(executions, ['order:O1', 'shipment:S-O1']);
    const unused = events.find((e) => e.type === 'tool-call-start' && e.toolCall.name === 'get_shipment');
    assert.ok(unused?.type === 'tool-call-start' && unused.toolCall.id.startsWith('prefetch:') && unused.prefetchTrigger === 'get_order');
    const end = events.find((e) => e.type === 'tool-call-end' && e.toolCall.name === 'get_shipment');
    assert.ok(end?.type === 'tool-call-end' && end.error?.type === 'aborted', 'cancelled at run end');
    assert.ok(!JSON.stringify(model.calls.map((c) => c.request.messages)).includes('S-O1"'), 'the model never saw it');
  });

  it('starts nothing with the switch off, and skips follow-ups that throw or name a write tool', async () => {
    const off = chain(toShipment);
    const model = () => scriptedModel([{ toolCalls: [{ name: 'get_order', arguments: { orderId: 'O1' } }] }, { text: 'ok' }]);
    await new Runner({ provider: model(), optimizations: { followUpPrefetch: false } }).run(off.agent, 'O1');
    assert.deepEqual(off.executions, ['order:O1']);
    const throwing = chain(() => {
      throw new Error('no shipment id');
    });
    assert.equal((await new Runner({ provider: model() }).run(throwing.agent, 'O1')).outcome, 'completed');
    assert.deepEqual(throwing.executions, ['order:O1']);
    const unknown = chain(() => [{ tool: 'cancel_order', arguments: {} }]);
    assert.equal((await new Runner({ provider: model() }).run(unknown.agent, 'O1')).outcome, 'completed');
    assert.deepEqual(unknown.executions, ['order:O1']);
  });

  it('chains from a call prefetched at run start, before the model asked for anything', async () => {
    const { agent: base, executions } = chain(toShipment);
    const agent = new Agent({
      name: 'a',
      instructions: '',
      model: 'm',
      tools: [...base.tools],
      prefetch: { atStart: [{ tool: 'get_order', arguments: { orderId: 'O1' } }], after: { get_order: (order) => toShipment(order as { shipmentId: string }) } },
    });
    const model = scriptedModel([{ text: 'thinking', delayMs: 60 }]);
    const runner = new Runner({ provider: model });
    const events: RunEvent[] = [];
    runner.subscribe((event) => events.push(event));
    await runner.run(agent, 'O1');
    assert.deepEqual(executions, ['order:O1', 'shipment:S-O1']);
    const firstCallEnd = events.findIndex((e) => e.type === 'model-call-end');
    const shipment = events.find((e) => e.type === 'tool-call-start' && e.toolCall.name === 'get_shipment');
    assert.ok(shipment?.type === 'tool-call-start' && shipment.time < events[firstCallEnd]!.time, 'the shipment started under the first model call');
  });

  it('refuses a plan whose trigger is not one of the agent\'s tools', () => {
    assert.throws(
      () => new Agent({ name: 'a', instructions: '', model: 'm', tools: [], prefetch: { after: { get_order: () => [] } } }),
      /prefetch.after names unknown tool "get_order"/,
    );
  });
});
