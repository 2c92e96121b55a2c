// The root span's short attributes as `key=value` lines, kept on the trace summary for Jaeger-style tag search
// (`?search=gen_ai.conversation.id=c-42`, `attr.<key>=<value>`). Why a text column scanned per query rather than a row
// per attribute behind an index: a (key, value, trace) index row for each root attribute measured 25–35% more ingest
// CPU per span on the ingest benchmark's runs, while the column is one more field of a row the summary writes anyway,
// and a scan of it over 100,000 traces stays within the trace list's budget (dashboard/README.md has the figures).
// A run's searchable facts live on its root (`invoke_agent`: agent, run and conversation ids, the caller's own
// attributes); span-level GenAI keys map onto indexed summary columns instead (query/trace-search.ts).
import type { AttributeValue, Attributes } from '../otlp/otlp-types.ts';

/** Longer values (captured messages, tool results) are content, not tags. */
const maxValueLength = 256;
const maxTagsLength = 4096;

/**
 * How a value is spelled in a tag line: strings as they are, booleans and numbers as JSON spells them.
 *
 * @example
 * tagValue(true) // 'true'
 */
export function tagValue(value: AttributeValue): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  return null;
}

/**
 * One tag as stored, with its delimiters: what a search looks for inside the column.
 *
 * @example
 * tagLine('hotpath.workload.variant', 'baseline') // '\nhotpath.workload.variant=baseline\n'
 */
export function tagLine(key: string, value: string): string {
  return `\n${key}=${value}\n`;
}

/**
 * The tags of a root span: every attribute whose value is a short string, number or boolean (arrays of them give a
 * line per element), newline-delimited with a newline at each end, capped at 4 KiB.
 *
 * @example
 * rootTags({ 'gen_ai.agent.name': 'support', 'hotpath.run.steps': 3 }) // '\ngen_ai.agent.name=support\nhotpath.run.steps=3\n'
 */
export function rootTags(attributes: Attributes): string {
  let tags = '';
  for (const key in attributes) {
    if (key.includes('=') || key.includes('\n')) continue;
    const value = attributes[key]!;
    for (const item of Array.isArray(value) ? value : [value]) {
      const text = tagValue(item);
      if (text === null || text.length > maxValueLength || text.includes('\n')) continue;
      const line = `${key}=${text}\n`;
      if (tags.length + line.length > maxTagsLength) return tags === '' ? '' : `\n${tags}`;
      tags += line;
    }
  }
  return tags === '' ? '' : `\n${tags}`;
}
