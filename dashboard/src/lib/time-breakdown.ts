// Where a trace's wall-clock time went: every instant between the trace's start and end is given to one kind of
// work, by priority — a model call running; else only tools; else a router waiting on a classifier or check; else
// none of these (the agent's own work, queueing and gaps). Overlapping spans count once, so the four parts add up
// to the trace's duration and two runs can be compared part by part.
import type { SpanRow } from '@hotpath/collector/api-types';
import { spanCategory, type SpanCategory, type WaterfallSpan } from './waterfall-span.ts';

export interface TimeBreakdown {
  /** Time during which at least one model call ran. */
  modelMs: number;
  /** Time with tools running and no model call. */
  toolsOnlyMs: number;
  /** Time with a routing wait and neither a model call nor a tool. */
  routingMs: number;
  /** The rest of the trace: the agent itself, gaps between calls. */
  otherMs: number;
}

/** The parts in display order, with the waterfall category whose colour each takes. */
export const TIME_PARTS: readonly { key: keyof TimeBreakdown; label: string; hint: string; category: 'model' | 'tool' | 'routing' | 'agent' }[] = [
  { key: 'modelMs', label: 'Model calls', hint: 'at least one model call running', category: 'model' },
  { key: 'toolsOnlyMs', label: 'Tools only', hint: 'tools running, no model call', category: 'tool' },
  { key: 'routingMs', label: 'Routing waits', hint: 'a router waiting on its classifier or check', category: 'routing' },
  { key: 'otherMs', label: 'Agent and gaps', hint: 'none of these: the agent itself, queueing, gaps', category: 'agent' },
];

type Busy = 'model' | 'tool' | 'routing';
const priority: Busy[] = ['model', 'tool', 'routing'];

function busyKind(category: SpanCategory): Busy | null {
  if (category === 'model' || category === 'routing') return category;
  return category === 'tool' || category === 'cache-hit' ? 'tool' : null;
}

/**
 * Splits `[startTime, endTime]` of a trace by what was running (spans clipped to that window).
 *
 * @example
 * timeBreakdown(detail.spans, detail.trace.startTime, detail.trace.endTime) // { modelMs: 900, toolsOnlyMs: 350, … }
 */
export function timeBreakdown(
  spans: readonly Pick<SpanRow, 'operation' | 'cacheHit' | 'name' | 'startTime' | 'endTime'>[],
  startTime: number,
  endTime: number,
): TimeBreakdown {
  return sweep(
    spans.map((span) => ({ kind: busyKind(spanCategory(span)), from: span.startTime, to: span.endTime })),
    startTime,
    endTime,
  );
}

/**
 * The same split for the waterfall's spans (the trace page, whose spans arrive in pages); spans still running count
 * once they have ended.
 *
 * @example
 * timeBreakdownOfSpans(model.spans(), trace.startTime, trace.endTime)
 */
export function timeBreakdownOfSpans(spans: Iterable<WaterfallSpan>, startTime: number, endTime: number): TimeBreakdown {
  const busy: { kind: Busy | null; from: number; to: number }[] = [];
  for (const span of spans) if (!span.running && !span.inProgress) busy.push({ kind: busyKind(span.category), from: span.start, to: span.end });
  return sweep(busy, startTime, endTime);
}

function sweep(spans: readonly { kind: Busy | null; from: number; to: number }[], startTime: number, endTime: number): TimeBreakdown {
  // A sweep over span starts and ends: O(n log n), so a 20,000-span trace costs a few milliseconds.
  const edges: { at: number; kind: Busy; delta: 1 | -1 }[] = [];
  for (const span of spans) {
    const kind = span.kind;
    const from = Math.max(span.from, startTime);
    const to = Math.min(span.to, endTime);
    if (kind === null || !(to > from)) continue;
    edges.push({ at: from, kind, delta: 1 }, { at: to, kind, delta: -1 });
  }
  edges.sort((a, b) => a.at - b.at);
  const running: Record<Busy, number> = { model: 0, tool: 0, routing: 0 };
  const busy: Record<Busy, number> = { model: 0, tool: 0, routing: 0 };
  let previous = startTime;
  for (const edge of edges) {
    const current = priority.find((kind) => running[kind] > 0);
    if (current !== undefined) busy[current] += edge.at - previous;
    running[edge.kind] += edge.delta;
    previous = edge.at;
  }
  const total = Math.max(0, endTime - startTime);
  return {
    modelMs: busy.model,
    toolsOnlyMs: busy.tool,
    routingMs: busy.routing,
    otherMs: Math.max(0, total - busy.model - busy.tool - busy.routing),
  };
}
