// Jumping through a big trace: to the next failed span, or the next slow one (at or above the 95th percentile of
// the durations of model calls, tools and other leaf work, and longer than their median: agent spans last as long as
// their children and would always count as slow), in the order the waterfall lists spans with every subtree open.
import type { SpanNode, SpanTree } from './span-tree.ts';

export interface NavigationTargets {
  /** Span ids in waterfall order. */
  errors: string[];
  slow: string[];
  /** Spans at or above this many ms (and above the median) are slow; 0 when there is nothing to compare. */
  slowThresholdMs: number;
  /** Waterfall order of every span (all subtrees open). */
  order: ReadonlyMap<string, number>;
}

/**
 * The error and slow spans of a tree.
 *
 * @example
 * const targets = navigationTargets(tree);
 * const next = nextTarget(targets.errors, targets.order, selectedId, 1);
 */
export function navigationTargets(tree: Pick<SpanTree, 'roots'>): NavigationTargets {
  const order = new Map<string, number>();
  const preorder: SpanNode[] = [];
  const stack = [...tree.roots].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    order.set(node.span.spanId, preorder.length);
    preorder.push(node);
    for (let index = node.children.length - 1; index >= 0; index--) stack.push(node.children[index]!);
  }
  const candidates = preorder.filter((node) => node.span.category !== 'agent' && !node.span.inProgress && !node.span.running);
  const durations = candidates.map((node) => node.span.end - node.span.start).sort((a, b) => a - b);
  const slowThresholdMs = durations.length === 0 ? 0 : durations[Math.max(0, Math.ceil(durations.length * 0.95) - 1)]!;
  const median = durations.length === 0 ? 0 : durations[Math.floor((durations.length - 1) / 2)]!;
  const isSlow = (node: SpanNode) => {
    const duration = node.span.end - node.span.start;
    return duration >= slowThresholdMs && duration > median;
  };
  return {
    errors: preorder.filter((node) => node.span.error).map((node) => node.span.spanId),
    slow: candidates.filter(isSlow).map((node) => node.span.spanId),
    slowThresholdMs,
    order,
  };
}

/**
 * The target after (direction 1) or before (-1) the current span in waterfall order, wrapping around; null when
 * there are none.
 *
 * @example
 * nextTarget(['a', 'c'], order, 'b', 1) // 'c'
 */
export function nextTarget(targets: readonly string[], order: ReadonlyMap<string, number>, currentId: string | null, direction: 1 | -1): string | null {
  if (targets.length === 0) return null;
  const at = currentId === null ? -1 : (order.get(currentId) ?? -1);
  if (direction === 1) return targets.find((id) => (order.get(id) ?? 0) > at) ?? targets[0]!;
  for (let index = targets.length - 1; index >= 0; index--) if ((order.get(targets[index]!) ?? 0) < at) return targets[index]!;
  return targets.at(-1)!;
}
