import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import { scriptedModel } from '../testing/scripted-model.ts';
import { tool } from '../tools/tool.ts';
import { mapWithConcurrency } from './execute-tools.ts';
import type { OptimizationsOption } from './optimizations.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

/**
 * A tool that records how many of its calls ran at once. A call waits `waitMs`, or, given `after`, until call `after`
 * has finished (5 s at most): a chain that finishes in a fixed order however slow the machine is, and only when every
 * call of it runs at the same time.
 */
function slowTool() {
  let running = 0;
  let peak = 0;
  const finished = new Map<number, { promise: Promise<void>; resolve: () => void }>();
  const finishOf = (id: number) => {
    if (!finished.has(id)) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      finished.set(id, { promise, resolve });
    }
    return finished.get(id)!;
  };
  const slow = tool({
    name: 'slow',
    description: 'waits',
    parameters: z.object({ id: z.number(), waitMs: z.number(), after: z.number().optional() }),
    execute: async ({ id, waitMs, after }) => {
      running += 1;
      peak = Math.max(peak, running);
      if (after === undefined) await sleep(waitMs);
      else {
        // The cap is cleared once the chain moves on: a pending 5 s timer would hold the test process open.
        let cap: NodeJS.Timeout | undefined;
        await Promise.race([finishOf(after).promise, new Promise((resolve) => (cap = setTimeout(resolve, 5_000)))]);
        clearTimeout(cap);
      }
      running -= 1;
      finishOf(id).resolve();
      return `result ${id}`;
    },
  });
  return { slow, peak: () => peak };
}

/** Four calls; `chained`: each waits for the next one, so they finish last to first. */
async function runFour(optimizations: OptimizationsOption, chained = false) {
  const { slow, peak } = slowTool();
  const calls = [30, 20, 10, 1].map((waitMs, id) => ({ name: 'slow', arguments: { id, waitMs, ...(chained && id < 3 && { after: id + 1 }) } }));
  const model = scriptedModel([{ toolCalls: calls }, { text: 'done' }]);
  const runner = new Runner({ provider: model, optimizations });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  await runner.run(new Agent({ name: 'a', instructions: '', model: 'm', tools: [slow] }), 'go');
  const toolMessages = model.calls[1]!.request.messages.filter((m) => m.role === 'tool').map((m) => m.content);
  return { peak: peak(), toolMessages, events };
}

describe('parallel tool execution', () => {
  it('runs all tool calls of a turn at once and returns results in the order asked', async () => {
    const { peak, toolMessages, events } = await runFour('optimized', true);
    assert.equal(peak, 4);
    assert.deepEqual(toolMessages, ['result 0', 'result 1', 'result 2', 'result 3']);
    const ends = events.filter((e) => e.type === 'tool-call-end').map((e) => (e.type === 'tool-call-end' ? e.result : ''));
    assert.deepEqual(ends, ['result 3', 'result 2', 'result 1', 'result 0'], 'they finished in the opposite order');
  });

  it('never runs more than maxConcurrency at once', async () => {
    const { peak, toolMessages } = await runFour({ parallelTools: { maxConcurrency: 2 } });
    assert.equal(peak, 2);
    assert.deepEqual(toolMessages, ['result 0', 'result 1', 'result 2', 'result 3']);
  });

  it('runs them one after another in baseline', async () => {
    const { peak, events } = await runFour('baseline');
    assert.equal(peak, 1);
    const order = events.filter((e) => e.type === 'tool-call-start' || e.type === 'tool-call-end').map((e) => e.type);
    assert.deepEqual(order, Array(4).fill(['tool-call-start', 'tool-call-end']).flat());
  });

  it('mapWithConcurrency keeps item order and handles an empty list', async () => {
    assert.deepEqual(await mapWithConcurrency([3, 1, 2], 2, async (n) => { await sleep(n); return n * 10; }), [30, 10, 20]);
    assert.deepEqual(await mapWithConcurrency([], 4, async () => 1), []);
  });
});
