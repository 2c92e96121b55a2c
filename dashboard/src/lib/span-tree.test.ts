import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSpanTree } from './span-tree.ts';
import { testSpan } from './waterfall-test-spans.ts';

const names = (nodes: { span: { spanId: string } }[]) => nodes.map((node) => node.span.spanId);

describe('buildSpanTree', () => {
  it('puts parents above children sorted by start time, with depths and descendant counts', () => {
    const tree = buildSpanTree([
      testSpan('c2', 'root', 30, 40),
      testSpan('root', null, 0, 100),
      testSpan('c1', 'root', 10, 50),
      testSpan('g1', 'c1', 12, 20),
    ]);
    assert.deepEqual(names(tree.roots), ['root']);
    const root = tree.roots[0]!;
    assert.deepEqual(names(root.children), ['c1', 'c2']);
    assert.equal(tree.byId.get('g1')?.depth, 2);
    assert.equal(root.descendantCount, 3);
    assert.equal(tree.start, 0);
    assert.equal(tree.end, 100);
  });

  it('shows a parent that has not arrived as an in-progress placeholder covering its children', () => {
    const tree = buildSpanTree([testSpan('a', 'missing', 10, 20), testSpan('b', 'missing', 15, 35)]);
    assert.equal(tree.roots.length, 1);
    const placeholder = tree.roots[0]!;
    assert.equal(placeholder.span.spanId, 'missing');
    assert.equal(placeholder.span.inProgress, true);
    assert.equal(placeholder.span.start, 10);
    assert.equal(placeholder.span.end, 35);
    assert.deepEqual(names(placeholder.children), ['a', 'b']);
  });

  it('keeps the first of duplicated span ids and treats a self-parent as a root', () => {
    const tree = buildSpanTree([testSpan('a', 'a', 0, 10), testSpan('a', null, 50, 60, { name: 'duplicate' })]);
    assert.equal(tree.byId.size, 1);
    assert.equal(tree.roots[0]?.span.start, 0);
  });

  it('breaks a parent cycle instead of losing its spans or looping forever', () => {
    const tree = buildSpanTree([testSpan('a', 'b', 0, 10), testSpan('b', 'a', 1, 9), testSpan('r', null, 0, 5)]);
    const all = new Set<string>();
    const stack = [...tree.roots];
    while (stack.length) {
      const node = stack.pop()!;
      assert.ok(!all.has(node.span.spanId), 'each span appears once');
      all.add(node.span.spanId);
      stack.push(...node.children);
    }
    assert.deepEqual([...all].sort(), ['a', 'b', 'r']);
  });

  it('handles a 20,000-deep chain without overflowing the stack', () => {
    const spans = Array.from({ length: 20_000 }, (_, index) => testSpan(`s${index}`, index ? `s${index - 1}` : null, index, 40_000 - index));
    const tree = buildSpanTree(spans);
    assert.equal(tree.byId.get('s19999')?.depth, 19_999);
    assert.equal(tree.roots[0]?.descendantCount, 19_999);
  });

  it('answers an empty tree for no spans', () => {
    const tree = buildSpanTree([]);
    assert.deepEqual(tree.roots, []);
    assert.equal(tree.start, 0);
    assert.equal(tree.end, 0);
  });
});
