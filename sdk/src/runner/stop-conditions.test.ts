import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StepResult } from './run-context.ts';
import { emptyRunUsage } from './run-usage.ts';
import { exhaustedBudget, maxStepsReached, stuckPattern } from './stop-conditions.ts';

const options = { repeatThreshold: 3, pingPongSteps: 4, errorThreshold: 3 };

function step(calls: [string, string, string?][]): StepResult {
  return {
    step: 0,
    model: 'm',
    text: '',
    toolCalls: calls.map(([name, args, error], index) => ({
      toolCall: { id: `c${index}`, name, arguments: args },
      result: error ?? 'ok',
      isError: error !== undefined,
      cache: 'off',
      eager: false,
      prefetched: false,
      timedOut: false,
      fallbackUsed: false,
      worker: false,
    })),
  };
}

describe('stop conditions', () => {
  it('sees a repeat whatever the key order and call order', () => {
    const steps = [
      step([['a', '{"x":1,"y":2}'], ['b', '{}']]),
      step([['b', '{}'], ['a', '{"y":2,"x":1}']]),
      step([['a', '{"x":1,"y":2}'], ['b', '{}']]),
    ];
    assert.equal(stuckPattern(steps, options)?.pattern, 'repeat');
    assert.equal(stuckPattern(steps.slice(0, 2), options), null);
  });

  it('sees a ping-pong only after enough alternations', () => {
    const a = step([['a', '{}']]);
    const b = step([['b', '{}']]);
    assert.equal(stuckPattern([a, b, a], options), null);
    assert.equal(stuckPattern([a, b, a, b], options)?.pattern, 'ping-pong');
  });

  it('sees the same error over different arguments', () => {
    const failing = (n: number) => step([['fetch', `{"n":${n}}`, 'Tool "fetch" failed: 503']]);
    assert.equal(stuckPattern([failing(1), failing(2), failing(3)], options)?.pattern, 'repeated-error');
    assert.equal(stuckPattern([failing(1), step([['fetch', '{"n":9}']]), failing(3)], options), null);
  });

  it('compares malformed arguments as text', () => {
    const bad = step([['a', '{oops']]);
    assert.equal(stuckPattern([bad, bad, bad], options)?.pattern, 'repeat');
  });

  it('finds the first exhausted budget', () => {
    const usage = { ...emptyRunUsage(), inputTokens: 900, outputTokens: 200, costUsd: 0.5 };
    assert.deepEqual(exhaustedBudget({ maxTokens: 1000 }, usage, 0), { budget: 'tokens', limit: 1000, used: 1100 });
    assert.deepEqual(exhaustedBudget({ maxCostUsd: 0.5 }, usage, 0), { budget: 'cost', limit: 0.5, used: 0.5 });
    assert.deepEqual(exhaustedBudget({ maxWallTimeMs: 100 }, usage, 150), { budget: 'time', limit: 100, used: 150 });
    assert.equal(exhaustedBudget({ maxTokens: 2000, maxCostUsd: 1, maxWallTimeMs: 1000 }, usage, 10), null);
    assert.equal(exhaustedBudget({}, usage, 1e9), null);
  });

  it('reaches max steps at the cap', () => {
    assert.equal(maxStepsReached([step([]), step([])], 2), true);
    assert.equal(maxStepsReached([step([])], 2), false);
  });
});
