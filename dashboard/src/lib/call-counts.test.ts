import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { callCounts } from './call-counts.ts';

describe('callCounts', () => {
  it('counts model calls and tool calls, cache hits included, and nothing else', () => {
    const spans = [
      { operation: 'invoke_agent', cacheHit: null, name: 'invoke_agent a' },
      { operation: 'chat', cacheHit: null, name: 'chat m' },
      { operation: 'execute_tool', cacheHit: 'hit' as const, name: 'execute_tool t' },
      { operation: 'execute_tool', cacheHit: 'miss' as const, name: 'execute_tool t' },
      { operation: null, cacheHit: null, name: 'GET /health' },
    ];
    assert.deepEqual(callCounts(spans), { modelCalls: 1, toolCalls: 2 });
  });
});
