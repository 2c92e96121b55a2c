import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ablationVariant } from './bench-report.ts';
import { OPTIMIZATION_NAMES } from './sdk.ts';
import { SUPPORT_DESK_HISTORY } from './support-agent.ts';
import { ABLATION_GROUPS, ablatedTechniques, createVariantExecutor, optimizationsFor } from './variants.ts';

describe('variants', () => {
  it('switches off one technique, or a group joined with +, on top of the optimized settings', () => {
    assert.deepEqual(optimizationsFor(ablationVariant('toolCache')), { history: SUPPORT_DESK_HISTORY, toolCache: false });
    assert.deepEqual(optimizationsFor(ablationVariant('parallelTools+eagerTools')), {
      history: SUPPORT_DESK_HISTORY,
      parallelTools: false,
      eagerTools: false,
    });
    assert.equal(optimizationsFor('baseline'), 'baseline');
    assert.deepEqual(optimizationsFor('optimized'), { history: SUPPORT_DESK_HISTORY });
  });

  it('knows every group it ablates by default, and refuses unknown or repeated names', () => {
    for (const group of ABLATION_GROUPS) assert.ok(ablatedTechniques(group)!.every((name) => OPTIMIZATION_NAMES.includes(name)), group);
    assert.equal(ablatedTechniques('parallelTools+turbo'), undefined);
    assert.equal(ablatedTechniques('toolCache+toolCache'), undefined);
    assert.equal(ablatedTechniques(''), undefined);
    assert.equal(optimizationsFor(ablationVariant('turbo')), undefined);
    assert.equal(optimizationsFor('langgraph'), undefined);
    assert.throws(() => createVariantExecutor('optimized-without-turbo', { baseURL: 'http://127.0.0.1:9/v1', tools: [] }), /Unknown variant/);
  });
});
