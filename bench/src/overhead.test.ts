import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { measureOverhead, timedProvider } from './overhead.ts';
import { scriptedModel } from './sdk.ts';

describe('the overhead benchmark', () => {
  it('times what the wrapped model spends inside its stream, including its delays', async () => {
    const provider = timedProvider(scriptedModel([{ text: 'hello', delayMs: 20 }]));
    const events = [];
    for await (const event of provider.stream({ model: 'm', messages: [{ role: 'user', content: 'hi' }], tools: [], stream: true })) events.push(event.type);
    assert.ok(provider.modelMs >= 19, `model time ${provider.modelMs}`);
    assert.deepEqual([events[0], events.at(-1)], ['response-start', 'finish']);
  });

  it('counts two streams that overlap once', async () => {
    const provider = timedProvider(scriptedModel([{ text: 'a', delayMs: 40 }, { text: 'b', delayMs: 40 }]));
    const drain = async () => {
      for await (const _event of provider.stream({ model: 'm', messages: [{ role: 'user', content: 'hi' }], tools: [], stream: true }));
    };
    const started = performance.now();
    await Promise.all([drain(), drain()]);
    assert.ok(provider.modelMs <= performance.now() - started + 1, `model time ${provider.modelMs} within the wall time`);
  });

  it('measures a per-turn figure for every run, with and without instrument()', async () => {
    for (const [instrumented, agent] of [[false, 'one model'], [true, 'cascade({ draft, answer })']] as const) {
      const perTurn = await measureOverhead({ runs: 12, warmup: 2, instrumented, agent });
      assert.equal(perTurn.count, 12);
      assert.ok(perTurn.p50 > 0 && perTurn.p95 >= perTurn.p50);
    }
  });
});
