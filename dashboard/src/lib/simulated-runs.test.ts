import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { simulatedRuns } from './simulated-runs.ts';

describe('simulatedRuns', () => {
  it('collects the traces, models and agents of simulated runs only', () => {
    const result = simulatedRuns([
      { traceId: 'a', simulated: true, models: ['sim-large', 'sim-small'], agent: 'support', service: 'support-api' },
      { traceId: 'b', simulated: false, models: ['gpt-4.1'], agent: 'billing', service: null },
    ]);
    assert.equal(result.any, true);
    assert.equal(result.all, false);
    assert.deepEqual([...result.traceIds], ['a']);
    assert.deepEqual([...result.models], ['sim-large', 'sim-small']);
    assert.deepEqual([...result.agents], ['support']);
    assert.deepEqual([...result.services], ['support-api']);
  });

  it('says neither any nor all for an empty window', () => {
    const result = simulatedRuns([]);
    assert.equal(result.any, false);
    assert.equal(result.all, false);
  });
});
