import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSpanTree } from './span-tree.ts';
import { criticalPath } from './critical-path.ts';
import { testSpan } from './waterfall-test-spans.ts';

describe('criticalPath', () => {
  it('follows the slowest of parallel tool calls and leaves the faster ones off the path', () => {
    const tree = buildSpanTree([
      testSpan('run', null, 0, 1000),
      testSpan('chat1', 'run', 0, 300),
      testSpan('fast-tool', 'run', 300, 400),
      testSpan('slow-tool', 'run', 300, 700),
      testSpan('chat2', 'run', 700, 1000),
    ]);
    assert.deepEqual([...criticalPath(tree)].sort(), ['chat1', 'chat2', 'run', 'slow-tool']);
  });

  it('descends into the chosen child and clamps children that outlive their parent', () => {
    const tree = buildSpanTree([
      testSpan('run', null, 0, 100),
      testSpan('step', 'run', 0, 60),
      testSpan('inner', 'step', 10, 50),
      testSpan('side', 'step', 5, 20),
      testSpan('straggler', 'run', 60, 500),
    ]);
    // Clamped to the run's end, the straggler is the last thing the run waited on; before it, the step.
    assert.deepEqual([...criticalPath(tree)].sort(), ['inner', 'run', 'step', 'straggler']);
  });

  it('answers an empty path for an empty trace', () => {
    assert.equal(criticalPath(buildSpanTree([])).size, 0);
  });
});
