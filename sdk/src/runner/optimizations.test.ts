import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_HISTORY_POLICY, OPTIMIZATION_NAMES, resolveOptimizations } from './optimizations.ts';
import { DEFAULT_RETRY_POLICY } from '../provider/retry-policy.ts';

describe('optimization presets', () => {
  it('turns every technique on by default', () => {
    const settings = resolveOptimizations();
    assert.equal(settings.preset, 'optimized');
    assert.deepEqual(settings.disabled, []);
    assert.deepEqual(settings.parallelTools, { maxConcurrency: 8 });
    assert.deepEqual(settings.retries, DEFAULT_RETRY_POLICY);
    assert.deepEqual(settings.history, DEFAULT_HISTORY_POLICY);
    assert.equal(settings.eagerTools, true);
  });

  it('turns every technique off with baseline', () => {
    const settings = resolveOptimizations('baseline');
    assert.equal(settings.preset, 'baseline');
    assert.deepEqual(settings.disabled, [...OPTIMIZATION_NAMES]);
    for (const name of OPTIMIZATION_NAMES) assert.equal(settings[name], false, name);
  });

  it('turns single techniques off or tunes them, naming the result custom', () => {
    const settings = resolveOptimizations({ toolCache: false, parallelTools: { maxConcurrency: 2 }, history: { maxInputTokens: 100 } });
    assert.equal(settings.preset, 'custom');
    assert.deepEqual(settings.disabled, ['toolCache']);
    assert.deepEqual(settings.parallelTools, { maxConcurrency: 2 });
    assert.deepEqual(settings.history, { ...DEFAULT_HISTORY_POLICY, maxInputTokens: 100 });
  });

  it('calls tuned settings with nothing switched off optimized', () => {
    const settings = resolveOptimizations({ history: { maxInputTokens: 4_000 }, parallelTools: true });
    assert.equal(settings.preset, 'optimized');
    assert.deepEqual(settings.disabled, []);
  });

  it('cannot start tools eagerly without streaming', () => {
    assert.equal(resolveOptimizations({ streaming: false }).eagerTools, false);
  });

  it('refuses unknown techniques and values that are not switches', () => {
    assert.throws(() => resolveOptimizations({ turbo: true } as never), /Unknown optimization "turbo"/);
    assert.throws(() => resolveOptimizations('fast' as never), TypeError);
  });
});
