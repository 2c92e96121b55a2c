// A trace as text: the span tree with durations and a time bar per span, so parallel and eager work is visible in a
// terminal (the demo prints its run this way). Works on any finished spans (ReadableSpan from the OTel SDK).
import { SpanStatusCode, type Attributes, type HrTime } from '@opentelemetry/api';

/** What is needed of a finished span (structurally a ReadableSpan). */
export interface FinishedSpan {
  name: string;
  spanContext(): { spanId: string };
  parentSpanContext?: { spanId: string } | undefined;
  startTime: HrTime;
  endTime: HrTime;
  attributes: Attributes;
  status?: { code: SpanStatusCode };
}

export interface FormatSpanTreeOptions {
  /** Width of the time bar in characters (default 32; 0 leaves bars out). */
  barWidth?: number;
}

const toMs = (time: HrTime) => time[0] * 1000 + time[1] / 1e6;

/** The few facts worth a glance per span: tokens, time to first chunk, eager/cache, errors. */
function facts(span: FinishedSpan): string {
  const a = span.attributes;
  const out: string[] = [];
  if (a['gen_ai.usage.input_tokens'] !== undefined && a['gen_ai.operation.name'] === 'chat') {
    const cached = a['gen_ai.usage.cache_read.input_tokens'];
    out.push(`${a['gen_ai.usage.input_tokens']} in${cached ? ` (${cached} cached)` : ''} / ${a['gen_ai.usage.output_tokens']} out`);
  }
  const ttfc = a['hotpath.time_to_first_chunk_ms'];
  if (typeof ttfc === 'number') out.push(`first chunk ${ttfc.toFixed(0)} ms`);
  if (a['hotpath.connection'] === 'new') out.push('new connection');
  if (a['hotpath.tool.eager'] === true) out.push('eager');
  if (a['hotpath.tool.prefetched'] === true) out.push('prefetched');
  if (a['hotpath.cache.hit'] === 'hit' || a['hotpath.cache.hit'] === 'shared') out.push(`cache ${a['hotpath.cache.hit']}`);
  if (a['hotpath.run.outcome'] !== undefined && a['hotpath.run.outcome'] !== 'completed') out.push(String(a['hotpath.run.outcome']));
  if (span.status?.code === SpanStatusCode.ERROR) out.push(`error ${a['error.type'] ?? ''}`.trimEnd());
  return out.join(', ');
}

function bar(start: number, end: number, from: number, total: number, width: number): string {
  if (width <= 0 || total <= 0) return '';
  const left = Math.min(width - 1, Math.floor(((start - from) / total) * width));
  const length = Math.max(1, Math.round(((end - start) / total) * width));
  return ' '.repeat(left) + '█'.repeat(Math.min(length, width - left));
}

/**
 * Renders finished spans as one tree per trace root, children in start order.
 *
 * @example
 * console.log(formatSpanTree(tracing.spans()));
 * // invoke_agent support            612.4 ms  ████████████████████████████████
 * // ├─ chat sim-large               301.0 ms  ████████████████                  1200 in / 40 out
 * // ├─ execute_tool get_order       120.3 ms             ██████                 eager
 */
export function formatSpanTree(spans: readonly FinishedSpan[], options: FormatSpanTreeOptions = {}): string {
  const barWidth = options.barWidth ?? 32;
  const ids = new Set(spans.map((span) => span.spanContext().spanId));
  const children = new Map<string, FinishedSpan[]>();
  const roots: FinishedSpan[] = [];
  for (const span of spans) {
    const parent = span.parentSpanContext?.spanId;
    if (parent && ids.has(parent)) children.set(parent, [...(children.get(parent) ?? []), span]);
    else roots.push(span);
  }
  const byStart = (a: FinishedSpan, b: FinishedSpan) => toMs(a.startTime) - toMs(b.startTime);
  const rows: Array<{ label: string; span: FinishedSpan; from: number; total: number }> = [];
  for (const root of roots.sort(byStart)) {
    const from = toMs(root.startTime);
    const total = toMs(root.endTime) - from;
    const walk = (span: FinishedSpan, prefix: string, branch: string) => {
      rows.push({ label: prefix + branch + span.name, span, from, total });
      const kids = (children.get(span.spanContext().spanId) ?? []).sort(byStart);
      const childPrefix = prefix + (branch === '├─ ' ? '│  ' : branch === '└─ ' ? '   ' : '');
      kids.forEach((kid, i) => walk(kid, childPrefix, i === kids.length - 1 ? '└─ ' : '├─ '));
    };
    walk(root, '', '');
  }
  const labelWidth = Math.max(0, ...rows.map((row) => row.label.length));
  return rows
    .map(({ label, span, from, total }) => {
      const start = toMs(span.startTime);
      const end = toMs(span.endTime);
      const duration = `${(end - start).toFixed(1)} ms`.padStart(10);
      const timeBar = bar(start, end, from, total, barWidth).padEnd(barWidth);
      return `${label.padEnd(labelWidth)}  ${duration}  ${timeBar}  ${facts(span)}`.trimEnd();
    })
    .join('\n');
}
