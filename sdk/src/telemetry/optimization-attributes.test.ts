import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { optimizationAttributes } from './optimization-attributes.ts';

describe('optimization attributes', () => {
  it('take the preset and disabled list the runner resolved', () => {
    assert.deepEqual(optimizationAttributes({ preset: 'custom', disabled: ['toolCache'], toolCache: false, streaming: true }), {
      'hotpath.optimizations.preset': 'custom',
      'hotpath.optimizations.disabled': ['toolCache'],
    });
  });

  it('derive them from a plain record of switches', () => {
    assert.deepEqual(optimizationAttributes({ streaming: true, parallelTools: { enabled: false }, toolCache: false }), {
      'hotpath.optimizations.preset': 'custom',
      'hotpath.optimizations.disabled': ['parallelTools', 'toolCache'],
    });
    assert.equal(optimizationAttributes({})['hotpath.optimizations.preset'], 'optimized');
  });
});
