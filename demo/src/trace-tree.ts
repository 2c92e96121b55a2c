// Prints one agent run of a stored trace as a span tree with timings, read back from the collector's query API:
// what the terminal shows is what the collector kept.
import { formatSpanTree, type FinishedSpan } from '@hotpath/sdk';

interface SpanRow {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status: { code: 'unset' | 'ok' | 'error' };
  attributes?: Record<string, unknown>;
}

const hrTime = (nanos: string): [number, number] => {
  const value = BigInt(nanos);
  return [Number(value / 1_000_000_000n), Number(value % 1_000_000_000n)];
};

function toFinishedSpan(row: SpanRow): FinishedSpan {
  const attributes: FinishedSpan['attributes'] = {};
  for (const [key, value] of Object.entries(row.attributes ?? {})) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') attributes[key] = value;
  }
  return {
    name: row.name,
    spanContext: () => ({ spanId: row.spanId }),
    parentSpanContext: row.parentSpanId ? { spanId: row.parentSpanId } : undefined,
    startTime: hrTime(row.startTimeUnixNano),
    endTime: hrTime(row.endTimeUnixNano),
    attributes,
    status: { code: row.status.code === 'error' ? 2 : row.status.code === 'ok' ? 1 : 0 },
  };
}

/** The spans of a trace below (and including) the first agent run whose task is `taskId`. */
export function taskSubtree(rows: readonly SpanRow[], taskId: string): SpanRow[] {
  const root = rows.find(
    (row) => row.attributes?.['hotpath.workload.task'] === taskId && row.attributes?.['gen_ai.operation.name'] === 'invoke_agent',
  );
  if (!root) return [];
  const children = new Map<string, SpanRow[]>();
  for (const row of rows) {
    if (!row.parentSpanId) continue;
    const list = children.get(row.parentSpanId) ?? [];
    list.push(row);
    children.set(row.parentSpanId, list);
  }
  const out: SpanRow[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const row = stack.pop()!;
    out.push(row);
    stack.push(...(children.get(row.spanId) ?? []));
  }
  return out;
}

/**
 * Fetches a trace from the collector and renders the run of one task as text.
 *
 * @example
 * console.log(await renderTaskTree('http://127.0.0.1:4318', traceId, 'independent-lookups'));
 */
export async function renderTaskTree(collectorUrl: string, traceId: string, taskId: string): Promise<string> {
  const response = await fetch(`${collectorUrl}/api/traces/${traceId}`);
  if (!response.ok) throw new Error(`the collector answered ${response.status} for trace ${traceId}`);
  const { spans } = (await response.json()) as { spans: SpanRow[] };
  const subtree = taskSubtree(spans, taskId);
  if (subtree.length === 0) return `(no run of task ${taskId} in trace ${traceId})`;
  return formatSpanTree(subtree.map(toFinishedSpan), { barWidth: 40 });
}
