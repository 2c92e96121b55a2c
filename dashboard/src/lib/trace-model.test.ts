import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildSpanTree, type SpanNode } from './span-tree.ts';
import { TraceModel } from './trace-model.ts';
import { testSpan } from './waterfall-test-spans.ts';

/** The tree as text (pre-order: depth, id, descendants), to compare an incremental tree with a rebuilt one. */
function shape(roots: readonly SpanNode[]): string[] {
  const lines: string[] = [];
  const stack = [...roots].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    lines.push(`${node.depth}:${node.span.spanId}:${node.descendantCount}${node.span.inProgress ? ':placeholder' : ''}`);
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return lines;
}

const bigPage = Array.from({ length: 40 }, (_, index) => testSpan(`s${index}`, 'root', 10 + index, 20 + index));

describe('trace model', () => {
  it('inserts small live merges in place and ends with the tree a rebuild would give', () => {
    const model = new TraceModel([testSpan('root', null, 0, 100), ...bigPage]);
    const live = [
      testSpan('late-child', 's3', 14, 15),
      testSpan('orphan', 'parent-to-come', 60, 70),
      testSpan('early', 'root', 5, 6),
      testSpan('parent-to-come', 'root', 55, 80),
    ];
    for (const span of live) assert.equal(model.merge([span]), true);
    assert.equal(model.version, 4);
    const rebuilt = buildSpanTree([testSpan('root', null, 0, 100), ...bigPage, ...live]);
    assert.deepEqual(shape(model.tree.roots), shape(rebuilt.roots));
    assert.equal(model.tree.byId.get('orphan')!.depth, 2);
    assert.equal(model.tree.roots[0]!.descendantCount, 44);
  });

  it('replaces a start record with the finished span and never reopens a finished one', () => {
    const model = new TraceModel([testSpan('root', null, 0, 100), ...bigPage]);
    model.merge([testSpan('call', 'root', 50, 50, { running: true })]);
    assert.equal(model.running, 1);
    model.merge([testSpan('call', 'root', 50, 90)]);
    assert.equal(model.running, 0);
    assert.equal(model.tree.byId.get('call')!.span.end, 90);
    assert.equal(model.merge([testSpan('call', 'root', 50, 50, { running: true })]), false, 'a late keep-alive changes nothing');
    assert.equal(model.tree.byId.get('call')!.span.running, false);
  });

  it('rebuilds for a large page, and for a cycle it cannot insert', () => {
    const model = new TraceModel([testSpan('a', 'b', 0, 10)]);
    model.merge(bigPage);
    assert.equal(model.size, 41);
    model.merge([testSpan('b', 'a', 0, 20)]);
    const rebuilt = buildSpanTree([testSpan('a', 'b', 0, 10), ...bigPage, testSpan('b', 'a', 0, 20)]);
    assert.deepEqual(shape(model.tree.roots), shape(rebuilt.roots));
  });
});
