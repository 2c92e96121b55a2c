// Builds the waterfall's span tree: parents before children, children by start time, depth on every node.
// Spans come from untrusted senders, so the build survives duplicates, self-parents, cycles and parents that
// have not arrived (shown as in-progress placeholders), and never recurses (a 20,000-deep chain is legal).
import type { WaterfallSpan } from './waterfall-span.ts';

export interface SpanNode {
  span: WaterfallSpan;
  depth: number;
  children: SpanNode[];
  /** Spans in this node's subtree, itself excluded. */
  descendantCount: number;
}

export interface SpanTree {
  roots: SpanNode[];
  byId: ReadonlyMap<string, SpanNode>;
  /** Earliest start and latest end over all spans (epoch ms); both 0 for an empty trace. */
  start: number;
  end: number;
}

/**
 * The order of siblings: by start, then end, then span id.
 *
 * @example
 * children.sort(byStart);
 */
export const byStart = (a: SpanNode, b: SpanNode): number =>
  a.span.start - b.span.start || a.span.end - b.span.end || (a.span.spanId < b.span.spanId ? -1 : a.span.spanId > b.span.spanId ? 1 : 0);

/**
 * Builds the tree of a trace's spans. A parent id that names no span becomes an in-progress placeholder
 * covering its children, because OTLP exports a span only when it ends.
 *
 * @example
 * const tree = buildSpanTree(spans);
 * tree.roots[0].children.map((node) => node.span.name);
 */
export function buildSpanTree(spans: readonly WaterfallSpan[]): SpanTree {
  const byId = new Map<string, SpanNode>();
  for (const span of spans) {
    if (!byId.has(span.spanId)) byId.set(span.spanId, { span, depth: -1, children: [], descendantCount: 0 });
  }
  // Placeholders for parents that have not arrived, spanning the children seen so far.
  for (const span of spans) {
    const parentId = span.parentSpanId;
    if (!parentId || parentId === span.spanId) continue;
    const existing = byId.get(parentId);
    if (!existing) {
      byId.set(parentId, { span: placeholderSpan(parentId, span), depth: -1, children: [], descendantCount: 0 });
    } else if (existing.span.inProgress) {
      existing.span.start = Math.min(existing.span.start, span.start);
      existing.span.end = Math.max(existing.span.end, span.end);
    }
  }
  const roots: SpanNode[] = [];
  for (const node of byId.values()) {
    const parentId = node.span.parentSpanId;
    const parent = parentId && parentId !== node.span.spanId ? byId.get(parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  // Nodes in a parent cycle are reachable from no root: the first of each cycle becomes a root.
  const reached = assignDepths(roots);
  if (reached < byId.size) {
    for (const node of byId.values()) {
      if (node.depth !== -1) continue;
      const parent = byId.get(node.span.parentSpanId ?? '');
      if (parent) parent.children.splice(parent.children.indexOf(node), 1);
      roots.push(node);
      assignDepths([node]);
    }
  }
  roots.sort(byStart);
  let start = Infinity;
  let end = -Infinity;
  for (const node of byId.values()) {
    node.children.sort(byStart);
    start = Math.min(start, node.span.start);
    end = Math.max(end, node.span.end);
  }
  countDescendants(roots);
  return byId.size ? { roots, byId, start, end } : { roots, byId, start: 0, end: 0 };
}

/**
 * The stand-in for a parent that has not arrived, covering `child`.
 *
 * @example
 * byId.set(parentId, { span: placeholderSpan(parentId, child), depth: 0, children: [], descendantCount: 0 });
 */
export function placeholderSpan(spanId: string, child: WaterfallSpan): WaterfallSpan {
  return {
    spanId,
    parentSpanId: null,
    name: 'span in progress',
    category: 'other',
    start: child.start,
    end: child.end,
    error: false,
    inProgress: true,
    running: false,
    model: null,
    toolName: null,
    tokens: null,
    costUsd: null,
    cacheHit: null,
    simulated: child.simulated,
  };
}

/** Sets depth on every not-yet-reached node (depth -1) reachable from `roots`; answers how many it reached. */
function assignDepths(roots: SpanNode[]): number {
  let reached = 0;
  const stack: SpanNode[] = [];
  for (const root of roots) {
    if (root.depth !== -1) continue;
    root.depth = 0;
    stack.push(root);
  }
  while (stack.length) {
    const node = stack.pop()!;
    reached++;
    for (const child of node.children) {
      if (child.depth !== -1) continue;
      child.depth = node.depth + 1;
      stack.push(child);
    }
  }
  return reached;
}

/**
 * Sets `descendantCount` on every node under `roots`, without recursion.
 *
 * @example
 * countDescendants(tree.roots);
 */
export function countDescendants(roots: readonly SpanNode[]): void {
  // Post-order without recursion: visit in pre-order, then add up in reverse.
  const order: SpanNode[] = [];
  const stack = [...roots];
  while (stack.length) {
    const node = stack.pop()!;
    order.push(node);
    for (const child of node.children) stack.push(child);
  }
  for (let index = order.length - 1; index >= 0; index--) {
    const node = order[index]!;
    node.descendantCount = node.children.reduce((sum, child) => sum + 1 + child.descendantCount, 0);
  }
}
