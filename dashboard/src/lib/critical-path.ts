// The critical path: the chain of spans that determined the trace's end-to-end time. Starting from each root,
// take the child that finished last, then the child that finished last before that one started, and so on,
// descending into each chosen child (the approach of Jaeger's critical path). Parallel siblings that overlap a
// chosen child are off the path: making them faster would not shorten the run.
import type { SpanNode, SpanTree } from './span-tree.ts';

/**
 * Ids of the spans on the critical path of every root.
 *
 * @example
 * const onPath = criticalPath(tree);
 * onPath.has(slowToolSpanId); // true when the run waited on it
 */
export function criticalPath(tree: Pick<SpanTree, 'roots'>): Set<string> {
  const onPath = new Set<string>();
  const stack: { node: SpanNode; until: number }[] = tree.roots.map((node) => ({ node, until: node.span.end }));
  while (stack.length) {
    const { node, until } = stack.pop()!;
    onPath.add(node.span.spanId);
    // Children that outlive their parent (asynchronous work) are clamped to it.
    let cursor = Math.min(node.span.end, until);
    const end = (child: SpanNode): number => Math.min(child.span.end, node.span.end);
    const children = [...node.children].sort((a, b) => end(b) - end(a));
    for (const child of children) {
      const childEnd = end(child);
      if (childEnd > cursor || child.span.start >= cursor) continue;
      stack.push({ node: child, until: childEnd });
      cursor = child.span.start;
    }
  }
  return onPath;
}
