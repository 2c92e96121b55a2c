import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SpanColumns } from '@hotpath/collector/api-types';
import { spansFromColumns } from './column-spans.ts';

describe('spans from columns', () => {
  it('decodes ids, parents, times, categories and flags', () => {
    const columns: SpanColumns = {
      base: 1_000,
      spanIds: ['a', 'b'],
      parents: [-1, 0],
      names: [1, 2],
      operations: [3, 4],
      starts: [0, 5.5],
      durations: [100, 0],
      flags: [2, 1 | 4],
      models: [-1, 5],
      tools: [-1, -1],
      tokens: [-1, 30],
      costs: [null, 0.002],
      cacheHits: [-1, 0],
      strings: ['a', 'invoke_agent x', 'execute_tool lookup', 'invoke_agent', 'execute_tool', 'gpt-4.1'],
    };
    const [root, tool] = spansFromColumns(columns);
    assert.deepEqual(
      [root!.parentSpanId, root!.category, root!.start, root!.end, root!.simulated, root!.running, root!.tokens],
      [null, 'agent', 1000, 1100, true, false, null],
    );
    assert.deepEqual(
      [tool!.parentSpanId, tool!.category, tool!.start, tool!.end, tool!.error, tool!.running, tool!.model, tool!.tokens, tool!.cacheHit],
      ['a', 'cache-hit', 1005.5, 1005.5, true, true, 'gpt-4.1', 30, 'hit'],
    );
  });
});
