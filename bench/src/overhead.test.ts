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

  it('measures a per-turn figure for every run, with and without instrument()', async () => {
    for (const instrumented of [false, true]) {
      const perTurn = await measureOverhead({ runs: 12, warmup: 2, instrumented });
      assert.equal(perTurn.count, 12);
      assert.ok(perTurn.p50 > 0 && perTurn.p95 >= perTurn.p50);
    }
  });
});
