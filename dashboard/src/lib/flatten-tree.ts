// Turns the span tree into the rows the virtualizer renders: pre-order, skipping the subtrees of collapsed
// spans. Iterative, so very deep traces cannot overflow the stack.
import type { SpanNode, SpanTree } from './span-tree.ts';
import type { WaterfallSpan } from './waterfall-span.ts';

/**
 * The visible rows of a tree, parents directly above their children. `collapsed` names the spans whose children
 * are hidden, or decides per node. With `match`, only matching spans and their ancestors (for context) are kept.
 *
 * @example
 * const rows = flattenTree(tree, new Set([collapsedSpanId]));
 * const found = flattenTree(tree, new Set(), (span) => span.name.includes('lookup'));
 * const shallow = flattenTree(tree, (node) => node.depth >= 2);
 */
export function flattenTree(
  tree: Pick<SpanTree, 'roots' | 'byId'>,
  collapsed: ReadonlySet<string> | ((node: SpanNode) => boolean) = new Set(),
  match?: (span: WaterfallSpan) => boolean,
): SpanNode[] {
  const keep = match ? matchesWithAncestors(tree, match) : null;
  const isCollapsed = typeof collapsed === 'function' ? collapsed : (node: SpanNode) => collapsed.has(node.span.spanId);
  const rows: SpanNode[] = [];
  const stack: SpanNode[] = [];
  const push = (nodes: SpanNode[]) => {
    for (let index = nodes.length - 1; index >= 0; index--) {
      const node = nodes[index]!;
      if (!keep || keep.has(node.span.spanId)) stack.push(node);
    }
  };
  push(tree.roots);
  while (stack.length) {
    const node = stack.pop()!;
    rows.push(node);
    if (!isCollapsed(node)) push(node.children);
  }
  return rows;
}

function matchesWithAncestors(tree: Pick<SpanTree, 'byId'>, match: (span: WaterfallSpan) => boolean): Set<string> {
  const keep = new Set<string>();
  for (const node of tree.byId.values()) {
    if (!match(node.span)) continue;
    keep.add(node.span.spanId);
    for (const id of ancestorIds(tree, node.span.spanId)) {
      if (keep.has(id)) break;
      keep.add(id);
    }
  }
  return keep;
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
