import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { navigationTargets, nextTarget } from './span-navigation.ts';
import { buildSpanTree } from './span-tree.ts';
import { testSpan } from './waterfall-test-spans.ts';

const spans = [testSpan('root', null, 0, 10_000, { category: 'agent', error: true })];
for (let index = 0; index < 40; index++) {
  spans.push(testSpan(`t${index}`, 'root', index * 100, index * 100 + (index === 7 || index === 30 ? 2_000 : 50), { category: 'tool', error: index === 12 || index === 25 }));
}
const tree = buildSpanTree(spans);

describe('span navigation', () => {
  it('lists failed spans and the slowest 5% of the leaf work in waterfall order', () => {
    const targets = navigationTargets(tree);
    assert.deepEqual(targets.errors, ['root', 't12', 't25']);
    assert.deepEqual(targets.slow, ['t7', 't30']);
    assert.equal(targets.slowThresholdMs, 50, 'the 95th percentile, which only spans longer than the median pass');
  });

  it('moves forward and back from the current span, wrapping at either end', () => {
    const { errors, order } = navigationTargets(tree);
    assert.equal(nextTarget(errors, order, null, 1), 'root');
    assert.equal(nextTarget(errors, order, 't13', 1), 't25');
    assert.equal(nextTarget(errors, order, 't25', 1), 'root');
    assert.equal(nextTarget(errors, order, 't13', -1), 't12');
    assert.equal(nextTarget(errors, order, 'root', -1), 't25');
    assert.equal(nextTarget([], order, 'root', 1), null);
  });
});
