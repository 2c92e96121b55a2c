import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildSpanTree } from './span-tree.ts';
import { ancestorIds, flattenTree } from './flatten-tree.ts';
import { testSpan } from './waterfall-test-spans.ts';

const tree = buildSpanTree([
  testSpan('root', null, 0, 100),
  testSpan('a', 'root', 10, 50),
  testSpan('a1', 'a', 11, 20),
  testSpan('a2', 'a', 21, 30),
  testSpan('b', 'root', 20, 90),
  testSpan('b1', 'b', 25, 80),
]);

describe('flattenTree', () => {
  it('lists every span in pre-order, parents directly above their children', () => {
    assert.deepEqual(flattenTree(tree).map((node) => node.span.spanId), ['root', 'a', 'a1', 'a2', 'b', 'b1']);
  });

  it('hides the subtree of a collapsed span but keeps the span itself', () => {
    assert.deepEqual(flattenTree(tree, new Set(['a'])).map((node) => node.span.spanId), ['root', 'a', 'b', 'b1']);
    assert.deepEqual(flattenTree(tree, new Set(['root'])).map((node) => node.span.spanId), ['root']);
  });
});

describe('flattenTree with a match', () => {
  it('keeps matching spans and their ancestors, in tree order', () => {
    const rows = flattenTree(tree, new Set(), (span) => span.spanId === 'a2' || span.spanId === 'b1');
    assert.deepEqual(rows.map((node) => node.span.spanId), ['root', 'a', 'a2', 'b', 'b1']);
  });

  it('still honours collapsed spans and answers no rows when nothing matches', () => {
    assert.deepEqual(flattenTree(tree, new Set(['a']), (span) => span.spanId === 'a2').map((node) => node.span.spanId), ['root', 'a']);
    assert.deepEqual(flattenTree(tree, new Set(), () => false), []);
  });
});

describe('ancestorIds', () => {
  it('names the spans to expand so a deep span becomes visible, nearest first', () => {
    assert.deepEqual(ancestorIds(tree, 'b1'), ['b', 'root']);
    assert.deepEqual(ancestorIds(tree, 'root'), []);
    assert.deepEqual(ancestorIds(tree, 'unknown'), []);
  });
});
