// `hotpath learn`'s core: the stored spans of agent runs replayed into a PrefetchLearner, the way the runner would
// have seen them — each `execute_tool` span's call (its arguments, when content capture recorded them) at its start,
// its result at its end, grouped by the `invoke_agent` run it belongs to, with the run's input. Pure: it takes spans,
// so it is tested without a collector.
import { PrefetchLearner } from '../runner/prefetch-learner.ts';
import type { StoredSpan } from './query-client.ts';

export interface LearnStats {
  runs: number;
  toolCalls: number;
  /** Tool spans without recorded arguments (content capture off), which teach nothing. */
  withoutContent: number;
}

interface Moment {
  time: number;
  /** Results before calls at the same instant: a follow-up started the moment its trigger ended. */
  order: 0 | 1;
  apply(): void;
}

/**
 * Feeds the tool calls of the given traces' runs to `learner` and says how much there was to learn from.
 *
 * @example
 * const stats = learnFromSpans(learner, await client.spans(traceId));
 */
export function learnFromSpans(learner: PrefetchLearner, spans: readonly StoredSpan[]): LearnStats {
  const byId = new Map(spans.map((span) => [span.spanId, span]));
  const runOf = (span: StoredSpan): StoredSpan | undefined => {
    for (let parent = span.parentSpanId && byId.get(span.parentSpanId); parent; parent = parent.parentSpanId ? byId.get(parent.parentSpanId) : undefined) {
      if (parent.operation === 'invoke_agent') return parent;
    }
    return undefined;
  };
  const toolsByRun = new Map<StoredSpan, StoredSpan[]>();
  const stats: LearnStats = { runs: 0, toolCalls: 0, withoutContent: 0 };
  for (const span of spans) {
    if (span.operation !== 'execute_tool') continue;
    const run = runOf(span);
    if (!run) continue;
    const list = toolsByRun.get(run) ?? [];
    list.push(span);
    toolsByRun.set(run, list);
  }
  for (const [run, tools] of toolsByRun) {
    const agent = text(run.attributes?.['gen_ai.agent.name']) ?? run.agent;
    if (!agent) continue;
    stats.runs += 1;
    const session = learner.session(agent, [], inputText(run.attributes?.['gen_ai.input.messages']));
    const moments: Moment[] = [];
    for (const span of tools) {
      const name = text(span.attributes?.['gen_ai.tool.name']) ?? span.toolName;
      const callId = text(span.attributes?.['gen_ai.tool.call.id']) ?? '';
      const args = parseObject(span.attributes?.['gen_ai.tool.call.arguments']);
      // A speculation the model never asked for (`prefetch:N`) is not a call of the model's.
      if (!name || callId.startsWith('prefetch:')) continue;
      stats.toolCalls += 1;
      if (!args) {
        stats.withoutContent += 1;
        continue;
      }
      moments.push({ time: span.startTime, order: 1, apply: () => session.call(name, args) });
      const result = span.attributes?.['gen_ai.tool.call.result'];
      if (span.status.code !== 'error' && typeof result === 'string') {
        moments.push({ time: span.endTime, order: 0, apply: () => session.result(name, args, parseJson(result)) });
      }
    }
    moments.sort((a, b) => a.time - b.time || a.order - b.order);
    for (const moment of moments) moment.apply();
  }
  return stats;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function parseJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function parseObject(value: unknown): Record<string, unknown> | undefined {
  if (typeof value !== 'string') return undefined;
  const parsed = parseJson(value);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
}

/** The user's text from a run's `gen_ai.input.messages` (the GenAI conventions' JSON: messages with text parts). */
function inputText(value: unknown): string {
  if (typeof value !== 'string') return '';
  const messages = parseJson(value);
  if (!Array.isArray(messages)) return '';
  return messages
    .filter((message: { role?: unknown }) => message?.role === 'user')
    .flatMap((message: { parts?: { type?: unknown; content?: unknown }[] }) => message.parts ?? [])
    .map((part) => (typeof part?.content === 'string' ? part.content : ''))
    .join('\n');
}
