// A trace that grows while it is shown: pages of spans and live updates are merged into one span tree by span id.
// Large merges (a page of thousands) rebuild the tree in one pass (buildSpanTree); small ones (live updates, a few
// hundred spans a second) are inserted in place, so a trace receiving 1,000 spans a second does not rebuild 30,000
// nodes four times a second. A span's finished form replaces its start record, never the other way round.
import { buildSpanTree, byStart, countDescendants, placeholderSpan, type SpanNode, type SpanTree } from './span-tree.ts';
import type { WaterfallSpan } from './waterfall-span.ts';

/** Merges at least this large (or a quarter of the trace) rebuild the tree instead of inserting span by span. */
const REBUILD_AT = 1_000;

interface MutableTree {
  roots: SpanNode[];
  byId: Map<string, SpanNode>;
  start: number;
  end: number;
}

/**
 * @example
 * const model = new TraceModel(spansFromColumns(firstPage.spans));
 * model.merge(spansFromColumns(event.spans)); // true when anything changed; model.version moves on
 */
export class TraceModel {
  private readonly known = new Map<string, WaterfallSpan>();
  private current: MutableTree;
  private revision = 0;
  private runningCount = 0;

  constructor(spans: readonly WaterfallSpan[] = []) {
    for (const span of spans) this.accept(span);
    this.current = this.rebuilt();
  }

  /** The tree, changed in place by `merge`; `version` says when. */
  get tree(): SpanTree {
    return this.current;
  }

  get version(): number {
    return this.revision;
  }

  /** Spans received (placeholders for parents not yet arrived excluded). */
  get size(): number {
    return this.known.size;
  }

  /** Spans known only from their start record: running, or never ended. */
  get running(): number {
    return this.runningCount;
  }

  /** Every span received, in no particular order. */
  spans(): IterableIterator<WaterfallSpan> {
    return this.known.values();
  }

  /**
   * Adds new spans and replaces known ones (by span id). Answers whether the tree changed.
   *
   * @example
   * if (model.merge(spans)) setVersion(model.version);
   */
  merge(spans: readonly WaterfallSpan[]): boolean {
    const changed: WaterfallSpan[] = [];
    for (const span of spans) if (this.accept(span)) changed.push(span);
    if (changed.length === 0) return false;
    if (changed.length >= REBUILD_AT || changed.length * 4 >= this.known.size || !this.insertAll(changed)) this.current = this.rebuilt();
    this.revision += 1;
    return true;
  }

  private accept(span: WaterfallSpan): boolean {
    const known = this.known.get(span.spanId);
    // A late start record (or a keep-alive) never reopens a span that ended.
    if (known && !known.running && span.running) return false;
    if (known?.running) this.runningCount -= 1;
    if (span.running) this.runningCount += 1;
    this.known.set(span.spanId, span);
    return true;
  }

  private rebuilt(): MutableTree {
    const tree = buildSpanTree([...this.known.values()]);
    return { roots: tree.roots, byId: tree.byId as Map<string, SpanNode>, start: tree.start, end: tree.end };
  }

  /** Inserts spans in place; false when a change needs a rebuild (a parent that changed, a cycle). */
  private insertAll(spans: readonly WaterfallSpan[]): boolean {
    const tree = this.current;
    if (tree.byId.size === 0) return false;
    for (const span of spans) {
      let node = tree.byId.get(span.spanId);
      if (node && !node.span.inProgress) {
        if (node.span.parentSpanId !== span.parentSpanId) return false;
        const moved = node.span.start !== span.start;
        node.span = span;
        if (moved) this.siblingsOf(node).sort(byStart);
      } else if (node) {
        // The span a placeholder stood in for: it takes the placeholder's place, children and all.
        node.span = span;
        removeFrom(tree.roots, node);
        if (!this.attach(node)) return false;
      } else {
        node = { span, depth: 0, children: [], descendantCount: 0 };
        tree.byId.set(span.spanId, node);
        if (!this.attach(node)) return false;
      }
      tree.start = Math.min(tree.start, span.start);
      tree.end = Math.max(tree.end, span.end);
    }
    countDescendants(tree.roots);
    return true;
  }

  private attach(node: SpanNode): boolean {
    const tree = this.current;
    const parentId = node.span.parentSpanId;
    if (!parentId || parentId === node.span.spanId) {
      insertSorted(tree.roots, node);
      setDepths(node, 0);
      return true;
    }
    let parent = tree.byId.get(parentId);
    if (!parent) {
      parent = { span: placeholderSpan(parentId, node.span), depth: 0, children: [], descendantCount: 0 };
      tree.byId.set(parentId, parent);
      insertSorted(tree.roots, parent);
    } else if (parent.span.inProgress) {
      parent.span.start = Math.min(parent.span.start, node.span.start);
      parent.span.end = Math.max(parent.span.end, node.span.end);
    }
    // A parent inside the node's own subtree would make a cycle: the batch build handles those.
    for (let up: SpanNode | undefined = parent; up; up = up.span.parentSpanId ? tree.byId.get(up.span.parentSpanId) : undefined) {
      if (up === node) return false;
      if (up.depth === 0) break;
    }
    insertSorted(parent.children, node);
    setDepths(node, parent.depth + 1);
    return true;
  }

  private siblingsOf(node: SpanNode): SpanNode[] {
    const parent = node.span.parentSpanId ? this.current.byId.get(node.span.parentSpanId) : undefined;
    return parent && parent.children.includes(node) ? parent.children : this.current.roots;
  }
}

function insertSorted(list: SpanNode[], node: SpanNode): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (byStart(list[middle]!, node) <= 0) low = middle + 1;
    else high = middle;
  }
  list.splice(low, 0, node);
}

function removeFrom(list: SpanNode[], node: SpanNode): void {
  const index = list.indexOf(node);
  if (index !== -1) list.splice(index, 1);
}

function setDepths(node: SpanNode, depth: number): void {
  const stack: [SpanNode, number][] = [[node, depth]];
  while (stack.length) {
    const [current, level] = stack.pop()!;
    current.depth = level;
    for (const child of current.children) stack.push([child, level + 1]);
  }
}
