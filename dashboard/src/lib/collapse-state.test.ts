import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { initialCollapse, isCollapsed, revealSpan, toggleCollapse } from './collapse-state.ts';
import { flattenTree } from './flatten-tree.ts';
import { buildSpanTree } from './span-tree.ts';
import { testSpan } from './waterfall-test-spans.ts';

const tree = buildSpanTree([
  testSpan('root', null, 0, 100),
  testSpan('a', 'root', 1, 50),
  testSpan('a1', 'a', 2, 40),
  testSpan('a1x', 'a1', 3, 30),
  testSpan('b', 'root', 60, 90),
]);
const visible = (state: ReturnType<typeof initialCollapse>) => flattenTree(tree, (node) => isCollapsed(state, node)).map((node) => node.span.spanId);

describe('collapse state', () => {
  it('opens a small trace unfolded and a huge one folded from depth 2 down', () => {
    assert.deepEqual(visible(initialCollapse(10)), ['root', 'a', 'a1', 'a1x', 'b']);
    assert.deepEqual(visible(initialCollapse(50_000)), ['root', 'a', 'a1', 'b']);
  });

  it('lets the user open a folded span and fold an open one', () => {
    const huge = initialCollapse(50_000);
    const opened = toggleCollapse(huge, tree.byId.get('a1')!);
    assert.deepEqual(visible(opened), ['root', 'a', 'a1', 'a1x', 'b']);
    assert.deepEqual(visible(toggleCollapse(opened, tree.byId.get('a')!)), ['root', 'a', 'b']);
  });

  it('reveals a hidden span by unfolding its ancestors only', () => {
    const folded = toggleCollapse(initialCollapse(50_000), tree.byId.get('root')!);
    assert.deepEqual(visible(folded), ['root']);
    const revealed = revealSpan(folded, tree, 'a1x');
    assert.deepEqual(visible(revealed), ['root', 'a', 'a1', 'a1x', 'b']);
    assert.equal(revealSpan(revealed, tree, 'a1x'), revealed, 'nothing to do: the same state');
  });
});
