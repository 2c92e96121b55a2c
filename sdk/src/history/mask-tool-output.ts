// Tool-output masking: the cheapest condensation, no model call. A stale tool result is replaced by a short
// placeholder that says what was there (tool, arguments, size, its short scalar fields such as ids, amounts, dates
// and tracking numbers) and how to get it back (call the tool again). The tool message itself stays, with its
// `toolCallId`, so the call and its result remain a pair.
import type { ToolCall, ToolMessage } from '../messages.ts';
import { estimateTextTokens } from './estimate-tokens.ts';

/** Every placeholder starts with this, so a masked output is recognised and never masked twice. */
export const MASKED_TOOL_OUTPUT_PREFIX = '[masked tool output]';

const MAX_KEY_FIELDS = 24;
const MAX_FIELD_VALUE_CHARS = 64;
const MAX_ARGUMENT_CHARS = 160;
const MAX_PREVIEW_CHARS = 120;

/**
 * Whether a tool message holds a placeholder written by {@link maskToolOutput}.
 *
 * @example
 * isMaskedToolOutput(maskToolOutput(result, call)); // true
 */
export function isMaskedToolOutput(message: ToolMessage): boolean {
  return message.content.startsWith(MASKED_TOOL_OUTPUT_PREFIX);
}

/**
 * Returns a copy of `message` whose content is a placeholder naming the tool, its arguments, the original size and
 * the output's short scalar fields as JSON with the output's structure (at most 24 fields, strings up to 64
 * characters; long text is what gets dropped), so ids, amounts, dates and tracking numbers survive. The same input
 * always gives the same bytes, so a masked history stays a stable prefix for provider prompt caches.
 *
 * @example
 * maskToolOutput(
 *   { role: 'tool', toolCallId: 'c1', toolName: 'get_order', content: '{"id":"A-1042","total":42.5,"notes":"…long…"}' },
 *   { id: 'c1', name: 'get_order', arguments: '{"id":"A-1042"}' },
 * ).content;
 * // '[masked tool output] get_order({"id":"A-1042"}) returned output of 2,310 characters, used by a later answer and masked to
 * //  save tokens. Its short fields: {"id":"A-1042","total":42.5}. Call get_order again if you need the full output.'
 */
export function maskToolOutput(message: ToolMessage, call: ToolCall | undefined): ToolMessage {
  const argumentsText = call ? truncate(call.arguments, MAX_ARGUMENT_CHARS) : '';
  const kind = message.isError ? 'error' : 'output';
  const fields = keyFields(message.content);
  const detail = !fields
    ? ` It began: ${JSON.stringify(truncate(message.content.replace(/\s+/g, ' ').trim(), MAX_PREVIEW_CHARS))}.`
    : fields.json
      ? ` ${fields.complete ? 'Its short fields' : `Its first ${MAX_KEY_FIELDS} short fields`}: ${fields.json}.`
      : '';
  const content =
    `${MASKED_TOOL_OUTPUT_PREFIX} ${message.toolName}(${argumentsText}) returned ${kind} of ` +
    `${message.content.length.toLocaleString('en-US')} characters, used by a later answer and masked to save tokens.` +
    `${detail} Call ${message.toolName} again if you need the full ${kind}.`;
  return { ...message, content };
}

/**
 * Whether masking saves enough to be worth rewriting history: the placeholder must be at most half the original.
 *
 * @example
 * if (maskingPays(original, maskToolOutput(original, call))) { … }
 */
export function maskingPays(original: ToolMessage, masked: ToolMessage): boolean {
  return estimateTextTokens(masked.content) * 2 <= estimateTextTokens(original.content);
}

/**
 * The output with only its short scalar leaves (numbers, booleans, strings up to 64 characters on one line), structure
 * kept so each id stays next to its amounts and dates; undefined when the output is not a JSON object or array.
 */
function keyFields(content: string): { json: string; complete: boolean } | undefined {
  const trimmed = content.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return undefined;
  }
  let leaves = 0;
  let complete = true;
  const prune = (node: unknown): unknown => {
    if (typeof node === 'number' || typeof node === 'boolean' || typeof node === 'string') {
      if (typeof node === 'string' && (node === '' || node.length > MAX_FIELD_VALUE_CHARS || /[\r\n]/.test(node))) return undefined;
      if (leaves >= MAX_KEY_FIELDS) {
        complete = false;
        return undefined;
      }
      leaves++;
      return node;
    }
    if (Array.isArray(node)) {
      const items = node.map(prune).filter((item) => item !== undefined);
      return items.length > 0 ? items : undefined;
    }
    if (typeof node === 'object' && node !== null) {
      const entries = Object.entries(node)
        .map(([key, item]) => [key, prune(item)] as const)
        .filter(([, item]) => item !== undefined);
      return entries.length > 0 ? Object.fromEntries(entries) : undefined;
    }
    return undefined;
  };
  const pruned = prune(value);
  return pruned === undefined ? { json: '', complete } : { json: JSON.stringify(pruned), complete };
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
