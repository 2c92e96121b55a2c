import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { Agent } from '../agent/agent.ts';
import { scriptedModel, type ScriptedResponse } from '../testing/scripted-model.ts';
import { tool, type Tool } from '../tools/tool.ts';
import { ToolCache } from '../tools/tool-cache.ts';
import type { OptimizationsOption } from './optimizations.ts';
import type { RunEvent } from './run-events.ts';
import { Runner } from './runner.ts';

async function run(tools: Tool[], script: ScriptedResponse[], optimizations: OptimizationsOption = 'optimized', toolCache?: ToolCache) {
  const model = scriptedModel(script);
  const runner = new Runner({ provider: model, optimizations, ...(toolCache ? { toolCache } : {}) });
  const events: RunEvent[] = [];
  runner.subscribe((event) => events.push(event));
  try {
    const result = await runner.run(new Agent({ name: 'a', instructions: '', model: 'm', tools }), 'go');
    const ends = events.flatMap((e) => (e.type === 'tool-call-end' ? [e] : []));
    return { result, ends, model };
  } finally {
    await runner.close();
  }
}

const call = (name: string, args: Record<string, unknown> = {}) => ({ toolCalls: [{ name, arguments: args }] });

describe('tool timeouts and fallbacks', () => {
  let signalSeen: AbortSignal | undefined;
  const hang = (options: { fallback?: unknown }) =>
    tool({
      name: 'hang',
      description: 'never answers',
      parameters: z.object({}),
      timeoutMs: 20,
      ...options,
      execute: async (_args, { signal }) => {
        signalSeen = signal;
        await sleep(60_000, undefined, { ref: false });
      },
    });

  it('turns a timed-out tool into a result saying so, aborts its signal, and goes on', async () => {
    const { result, ends } = await run([hang({})], [call('hang'), { text: 'answered without it' }]);
    assert.equal(result.finalOutput, 'answered without it');
    assert.match(ends[0]!.result, /timed out after 20 ms/);
    assert.equal(ends[0]!.timedOut, true);
    assert.equal(ends[0]!.isError, true);
    assert.equal(ends[0]!.error?.type, 'timeout');
    assert.equal(signalSeen?.aborted, true);
  });

  it('uses the fallback value instead, marked as used', async () => {
    const { ends } = await run([hang({ fallback: { eta: 'unknown' } })], [call('hang'), { text: 'ok' }]);
    assert.equal(ends[0]!.result, '{"eta":"unknown"}');
    assert.deepEqual([ends[0]!.timedOut, ends[0]!.fallbackUsed, ends[0]!.isError], [true, true, false]);
  });

  it('computes the fallback from the error, also when the tool fails', async () => {
    const failing = tool({
      name: 'failing',
      description: '',
      parameters: z.object({}),
      fallback: (error: Error) => `fallback because ${error.message}`,
      execute: () => {
        throw new Error('backend down');
      },
    });
    const { ends } = await run([failing], [call('failing'), { text: 'ok' }]);
    assert.equal(ends[0]!.result, 'fallback because Tool "failing" failed: backend down');
    assert.equal(ends[0]!.fallbackUsed, true);
  });

  it('waits for the tool and ignores fallbacks in baseline', async () => {
    const slow = tool({
      name: 'slow',
      description: '',
      parameters: z.object({}),
      timeoutMs: 1,
      fallback: 'fallback',
      execute: async () => {
        await sleep(20);
        return 'real';
      },
    });
    const { ends } = await run([slow], [call('slow'), { text: 'ok' }], 'baseline');
    assert.equal(ends[0]!.result, 'real');
    assert.equal(ends[0]!.timedOut, false);
  });

  it('applies the default timeout to tools without their own', async () => {
    const slow = tool({ name: 'slow', description: '', parameters: z.object({}), execute: () => sleep(60_000, 'late', { ref: false }) });
    const { ends } = await run([slow], [call('slow'), { text: 'ok' }], { toolTimeouts: { defaultTimeoutMs: 10 } });
    assert.equal(ends[0]!.timedOut, true);
  });
});

describe('tool-result cache', () => {
  const counted = () => {
    let executions = 0;
    const weather = tool({
      name: 'weather',
      description: '',
      parameters: z.object({ city: z.string(), unit: z.string() }),
      cache: { ttlMs: 60_000 },
      execute: async ({ city }) => {
        executions += 1;
        await sleep(5);
        return `sunny in ${city}`;
      },
    });
    return { weather, executions: () => executions };
  };

  it('answers a repeated call from the cache, with the saved time', async () => {
    const { weather, executions } = counted();
    const { ends } = await run(
      [weather],
      [call('weather', { city: 'Oslo', unit: 'C' }), call('weather', { unit: 'C', city: 'Oslo' }), { text: 'ok' }],
    );
    assert.equal(executions(), 1);
    assert.deepEqual(ends.map((e) => e.cache), ['miss', 'hit']);
    assert.ok((ends[1]!.savedMs ?? 0) > 0);
    assert.equal(ends[1]!.result, 'sunny in Oslo');
  });

  it('shares one execution between identical calls running at the same time', async () => {
    const { weather, executions } = counted();
    const twice = { toolCalls: [1, 2].map(() => ({ name: 'weather', arguments: { city: 'Rome', unit: 'C' } })) };
    const { ends } = await run([weather], [twice, { text: 'ok' }]);
    assert.equal(executions(), 1);
    assert.deepEqual(ends.map((e) => e.cache).sort(), ['miss', 'shared']);
  });

  it('is shared across runs and runners through one ToolCache', async () => {
    const { weather, executions } = counted();
    const shared = new ToolCache();
    await run([weather], [call('weather', { city: 'Lima', unit: 'C' }), { text: 'ok' }], 'optimized', shared);
    const { ends } = await run([weather], [call('weather', { city: 'Lima', unit: 'C' }), { text: 'ok' }], 'optimized', shared);
    assert.equal(executions(), 1);
    assert.equal(ends[0]!.cache, 'hit');
  });

  it('never caches tools that did not opt in, nor errors', async () => {
    let executions = 0;
    const flaky = tool({
      name: 'flaky',
      description: '',
      parameters: z.object({}),
      cache: true,
      execute: () => {
        executions += 1;
        if (executions === 1) throw new Error('first time fails');
        return 'fine';
      },
    });
    const plain = tool({ name: 'plain', description: '', parameters: z.object({}), execute: () => 'p' });
    const { ends } = await run([flaky, plain], [call('flaky'), call('flaky'), call('plain'), call('plain'), { text: 'ok' }]);
    assert.deepEqual(ends.map((e) => e.cache), ['miss', 'miss', 'off', 'off']);
    assert.equal(ends[1]!.result, 'fine');
  });

  it('is off in baseline', async () => {
    const { weather, executions } = counted();
    const args = { city: 'Oslo', unit: 'C' };
    const { ends } = await run([weather], [call('weather', args), call('weather', args), { text: 'ok' }], 'baseline');
    assert.equal(executions(), 2);
    assert.deepEqual(ends.map((e) => e.cache), ['off', 'off']);
  });
});

describe('CPU-heavy tools on the worker pool', () => {
  const heavy = tool({
    name: 'heavy',
    description: 'sum of squares',
    parameters: z.object({ n: z.number() }),
    worker: new URL('../tools/fixtures/sum-of-squares.worker.ts', import.meta.url),
  });

  it('runs the tool module on a worker thread and marks the call', async () => {
    const { ends } = await run([heavy], [call('heavy', { n: 1000 }), { text: 'ok' }]);
    assert.equal(ends[0]!.worker, true);
    assert.equal(ends[0]!.isError, false);
    assert.equal(ends[0]!.result, '332833500');
  });

  it('runs the same module inline when switched off', async () => {
    const { ends } = await run([heavy], [call('heavy', { n: 1000 }), { text: 'ok' }], { workerTools: false });
    assert.equal(ends[0]!.worker, false);
    assert.equal(ends[0]!.result, '332833500');
  });

  it('lets other tools and timers progress while a heavy tool computes', async () => {
    let ticks = 0;
    const ticker = tool({
      name: 'ticker',
      description: '',
      parameters: z.object({}),
      execute: async () => {
        for (let i = 0; i < 5; i++) {
          await sleep(1);
          ticks += 1;
        }
        return ticks;
      },
    });
    const both = { toolCalls: [{ name: 'heavy', arguments: { n: 40_000_000 } }, { name: 'ticker', arguments: {} }] };
    const { ends } = await run([heavy, ticker], [both, { text: 'ok' }]);
    const order = ends.map((e) => e.toolCall.name);
    assert.deepEqual(order, ['ticker', 'heavy'], 'the light tool finished while the heavy one was still computing');
  });
});

describe('tool-result cache shared between runs', () => {
  /** An agent with one cached tool that takes `ms` (or until its signal aborts), counting its executions. */
  const slowCached = (ms: number) => {
    let executions = 0;
    const slow = tool({
      name: 'slow',
      description: '',
      parameters: z.object({}),
      cache: true,
      execute: async (_args, { signal }) => {
        executions += 1;
        await sleep(ms, undefined, { signal });
        return 'value';
      },
    });
    return { agent: new Agent({ name: 'a', instructions: '', model: 'm', tools: [slow] }), executions: () => executions };
  };

  it('runs the tool again for a caller whose shared execution was cancelled by another run', async () => {
    const { agent, executions } = slowCached(30);
    const toolCache = new ToolCache();
    const cancelled = new AbortController();
    const runnerA = new Runner({ provider: scriptedModel([call('slow')]), toolCache });
    const runnerB = new Runner({ provider: scriptedModel([{ ...call('slow'), delayMs: 5 }, { text: 'B done' }]), toolCache });
    const events: RunEvent[] = [];
    runnerB.subscribe((event) => {
      events.push(event);
      // B has joined A's execution (it lasts 30 ms) when its call starts: now A's caller gives up.
      if (event.type === 'tool-call-start') setImmediate(() => cancelled.abort());
    });
    const [a, b] = await Promise.allSettled([runnerA.run(agent, 'go', { signal: cancelled.signal }), runnerB.run(agent, 'go')]);
    assert.equal(a.status, 'rejected');
    assert.ok(b.status === 'fulfilled' && b.value.finalOutput === 'B done');
    const end = events.find((e) => e.type === 'tool-call-end');
    assert.ok(end?.type === 'tool-call-end' && end.result === 'value' && !end.isError && end.cache === 'miss');
    assert.equal(executions(), 2);
  });

  it('lets a caller that joined an execution give up when its own run is cancelled, while the owner gets the result', async () => {
    const { agent, executions } = slowCached(400);
    const toolCache = new ToolCache();
    const cancelled = new AbortController();
    const owner = new Runner({ provider: scriptedModel([call('slow'), { text: 'A done' }]), toolCache });
    const joiner = new Runner({ provider: scriptedModel([{ ...call('slow'), delayMs: 5 }, { text: 'B done' }]), toolCache });
    joiner.subscribe((event) => {
      if (event.type === 'tool-call-start') setTimeout(() => cancelled.abort(), 20);
    });
    const started = performance.now();
    let joinerSettledMs = Number.POSITIVE_INFINITY;
    const joined = joiner.run(agent, 'go', { signal: cancelled.signal }).finally(() => {
      joinerSettledMs = performance.now() - started;
    });
    const [a, b] = await Promise.allSettled([owner.run(agent, 'go'), joined]);
    assert.equal(b.status, 'rejected');
    assert.ok(joinerSettledMs < 300, `the cancelled joiner stopped waiting (${joinerSettledMs.toFixed(0)} ms), not when the tool ended`);
    assert.ok(a.status === 'fulfilled' && a.value.finalOutput === 'A done');
    assert.equal(a.status === 'fulfilled' && a.value.steps[0]!.toolCalls[0]!.result, 'value');
    assert.equal(executions(), 1);
  });
});

describe('tool result views', () => {
  const getOrder = tool({
    name: 'get_order',
    description: 'an order',
    parameters: z.object({}),
    modelView: (order) => {
      const { id, status, shipmentId } = order as { id: string; status: string; shipmentId: string };
      return { id, status, shipmentId };
    },
    fallback: { available: false, audit: null },
    execute: () => ({ id: 'O-1', status: 'shipped', shipmentId: 'S-1', giftNote: null, audit: { createdBy: 'api', history: ['a', 'b', 'c'] } }),
  });

  it('shows the model the view, compacted, and records the tokens it saved', async () => {
    const { ends, model } = await run([getOrder], [call('get_order'), { text: 'ok' }]);
    assert.equal(ends[0]!.result, '{"id":"O-1","status":"shipped","shipmentId":"S-1"}');
    assert.ok(ends[0]!.resultTokensSaved! > 0);
    assert.equal(model.calls[1]!.request.messages.at(-1)!.content, '{"id":"O-1","status":"shipped","shipmentId":"S-1"}');
  });

  it('sends the raw payload with the switch off (and in baseline)', async () => {
    for (const optimizations of [{ toolResultViews: false }, 'baseline'] as const) {
      const { ends } = await run([getOrder], [call('get_order'), { text: 'ok' }], optimizations);
      assert.match(ends[0]!.result, /"giftNote":null/);
      assert.equal(ends[0]!.resultTokensSaved, undefined);
    }
  });

  it('leaves fallbacks as declared', async () => {
    const failing = tool({ ...getOrder, execute: () => { throw new Error('down'); } });
    const { ends } = await run([failing], [call('get_order'), { text: 'ok' }]);
    assert.equal(ends[0]!.result, '{"available":false,"audit":null}');
  });
});
