// Which spans of the waterfall have their children hidden: those at or below a depth (a huge trace opens with deep
// subtrees folded, so its first screen is its outline) except the ones the user opened, plus the ones the user
// closed. Kept as a rule and a set of exceptions rather than a set of every folded span, so folding a 200,000-span
// trace costs nothing.
import { ancestorIds } from './flatten-tree.ts';
import type { SpanNode, SpanTree } from './span-tree.ts';

export interface CollapseState {
  /** Spans with children at this depth or deeper are folded; null folds nothing by rule. */
  depth: number | null;
  /** Exceptions to the rule: folded spans the user opened, open spans the user folded. */
  toggled: ReadonlySet<string>;
}

/** Traces with more spans than this open folded below `HUGE_TRACE_DEPTH`. */
export const HUGE_TRACE_SPANS = 10_000;
export const HUGE_TRACE_DEPTH = 2;

/**
 * How a trace opens: everything unfolded, or, for a huge trace, folded from depth 2 down.
 *
 * @example
 * initialCollapse(50_000) // { depth: 2, toggled: Set {} }
 */
export function initialCollapse(spanCount: number): CollapseState {
  return { depth: spanCount > HUGE_TRACE_SPANS ? HUGE_TRACE_DEPTH : null, toggled: new Set() };
}

/**
 * Whether a node's children are hidden.
 *
 * @example
 * flattenTree(tree, (node) => isCollapsed(state, node));
 */
export function isCollapsed(state: CollapseState, node: SpanNode): boolean {
  const byRule = state.depth !== null && node.depth >= state.depth && node.children.length > 0;
  return byRule !== state.toggled.has(node.span.spanId);
}

/**
 * Folds or unfolds one span.
 *
 * @example
 * setState((state) => toggleCollapse(state, node));
 */
export function toggleCollapse(state: CollapseState, node: SpanNode): CollapseState {
  const toggled = new Set(state.toggled);
  if (!toggled.delete(node.span.spanId)) toggled.add(node.span.spanId);
  return { depth: state.depth, toggled };
}

/**
 * Unfolds whatever hides a span (its folded ancestors); the same state when nothing does.
 *
 * @example
 * setState((state) => revealSpan(state, tree, spanId));
 */
export function revealSpan(state: CollapseState, tree: Pick<SpanTree, 'byId'>, spanId: string): CollapseState {
  const hiding = ancestorIds(tree, spanId).filter((id) => {
    const node = tree.byId.get(id);
    return node !== undefined && isCollapsed(state, node);
  });
  if (hiding.length === 0) return state;
  const toggled = new Set(state.toggled);
  for (const id of hiding) if (!toggled.delete(id)) toggled.add(id);
  return { depth: state.depth, toggled };
}
