import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Agent } from './sdk.ts';
import { OPTIMIZATION_NAMES } from './sdk.ts';
import { ablationVariant } from './suite-report.ts';
import { SUPPORT_DESK_HISTORY } from './support-agent.ts';
import { supportDeskSuite } from './support-desk-suite.ts';
import { ABLATION_GROUPS, ablatedTechniques, createVariantExecutor, optimizationsFor } from './variants.ts';
import { userConfigAgent } from './bench-suite.ts';
import type { BenchSuite } from './bench-suite.ts';

describe('variants', () => {
  it('switches off one technique, or a group joined with +, on top of the defaults the user-config agent runs with', () => {
    assert.deepEqual(optimizationsFor(ablationVariant('toolCache')), { toolCache: false });
    assert.deepEqual(optimizationsFor(ablationVariant('parallelTools+eagerTools')), { parallelTools: false, eagerTools: false });
    assert.equal(optimizationsFor('baseline'), 'baseline');
    assert.equal(optimizationsFor('user-config'), 'optimized');
    assert.deepEqual(optimizationsFor('optimized', { history: SUPPORT_DESK_HISTORY }), { history: SUPPORT_DESK_HISTORY });
  });

  it('gives the fair baseline keep-alive connections and nothing else', () => {
    const keepalive = optimizationsFor('baseline-keepalive') as Record<string, boolean>;
    assert.deepEqual(Object.keys(keepalive).filter((name) => keepalive[name]), ['connectionReuse']);
    assert.deepEqual(Object.keys(keepalive).sort(), [...OPTIMIZATION_NAMES].sort());
  });

  it('knows every group it ablates by default, and refuses unknown or repeated names', () => {
    for (const group of ABLATION_GROUPS) assert.ok(ablatedTechniques(group)!.every((name) => OPTIMIZATION_NAMES.includes(name)), group);
    assert.equal(ablatedTechniques('parallelTools+turbo'), undefined);
    assert.equal(ablatedTechniques('toolCache+toolCache'), undefined);
    assert.equal(ablatedTechniques(''), undefined);
    assert.equal(optimizationsFor(ablationVariant('turbo')), undefined);
    assert.equal(optimizationsFor('langgraph'), undefined);
    assert.throws(() => createVariantExecutor('user-config-without-turbo', supportDeskSuite, { baseURL: 'http://127.0.0.1:9/v1', tools: [] }), /Unknown variant/);
  });

  it('gives the user-config agent the one model of an endpoint that serves one for both roles, and a cascade otherwise', () => {
    const tools = supportDeskSuite.createTools(1);
    assert.equal(userConfigAgent(supportDeskSuite, { tools, models: { small: 'only-model', large: 'only-model' }, latencyScale: 1 }).defaultModel, 'only-model');
    const two = userConfigAgent(supportDeskSuite, { tools, models: { small: 'sim-small', large: 'sim-large' }, latencyScale: 1 });
    assert.equal(typeof two.model, 'object');
    assert.equal(two.defaultModel, 'sim-large');
  });

  it('runs the fitted agent only on a suite that has one', () => {
    const unfitted: BenchSuite = { ...supportDeskSuite, id: 'held-out', fitted: undefined } as BenchSuite;
    const tools = supportDeskSuite.createTools(1);
    assert.throws(() => createVariantExecutor('optimized', unfitted, { baseURL: 'http://127.0.0.1:9/v1', tools }), /Unknown variant "optimized" for the held-out suite/);
    for (const variant of ['baseline', 'baseline-keepalive', 'user-config', 'openai-agents']) {
      const executor = createVariantExecutor(variant, unfitted, { baseURL: 'http://127.0.0.1:9/v1', tools });
      assert.deepEqual([executor.variant, executor.suite], [variant, 'held-out']);
    }
    assert.ok(new Agent({ name: 'x', instructions: '', model: 'm' }));
  });
});
