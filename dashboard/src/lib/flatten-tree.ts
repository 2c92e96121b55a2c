// Turns the span tree into the rows the virtualizer renders: pre-order, skipping the subtrees of collapsed
// spans. Iterative, so very deep traces cannot overflow the stack.
import type { SpanNode, SpanTree } from './span-tree.ts';

/**
 * The visible rows of a tree, parents directly above their children.
 *
 * @example
 * const rows = flattenTree(tree, new Set([collapsedSpanId]));
 * rows.map((node) => node.span.spanId);
 */
export function flattenTree(tree: Pick<SpanTree, 'roots'>, collapsed: ReadonlySet<string> = new Set()): SpanNode[] {
  const rows: SpanNode[] = [];
  const stack: SpanNode[] = [];
  for (let index = tree.roots.length - 1; index >= 0; index--) stack.push(tree.roots[index]!);
  while (stack.length) {
    const node = stack.pop()!;
    rows.push(node);
    if (collapsed.has(node.span.spanId)) continue;
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  return rows;
}

/**
 * Ids of the spans on the path from a root down to `spanId` (itself excluded): the spans that must be expanded
 * for it to be visible.
 *
 * @example
 * for (const id of ancestorIds(tree, selected)) collapsed.delete(id);
 */
export function ancestorIds(tree: Pick<SpanTree, 'byId'>, spanId: string): string[] {
  const ids: string[] = [];
  const seen = new Set<string>([spanId]);
  let parentId = tree.byId.get(spanId)?.span.parentSpanId ?? null;
  while (parentId && !seen.has(parentId) && tree.byId.has(parentId)) {
    ids.push(parentId);
    seen.add(parentId);
    parentId = tree.byId.get(parentId)!.span.parentSpanId;
  }
  return ids;
}
