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
 * the output's short scalar fields (`path=value`, at most 24, strings up to 64 characters; long text and nested
 * detail are what gets dropped). The same input always gives the same bytes, so a masked history stays a stable
 * prefix for provider prompt caches.
 *
 * @example
 * maskToolOutput(
 *   { role: 'tool', toolCallId: 'c1', toolName: 'get_order', content: '{"id":"A-1042","total":42.5,"notes":"…long…"}' },
 *   { id: 'c1', name: 'get_order', arguments: '{"id":"A-1042"}' },
 * ).content;
 * // '[masked tool output] get_order({"id":"A-1042"}) returned output of 2,310 characters, used by a later answer and masked to
 * //  save tokens. Key fields: id=A-1042; total=42.5. Call get_order again if you need the full output.'
 */
export function maskToolOutput(message: ToolMessage, call: ToolCall | undefined): ToolMessage {
  const argumentsText = call ? truncate(call.arguments, MAX_ARGUMENT_CHARS) : '';
  const kind = message.isError ? 'error' : 'output';
  const fields = keyFields(message.content);
  const detail = !fields
    ? ` It began: ${JSON.stringify(truncate(message.content.replace(/\s+/g, ' ').trim(), MAX_PREVIEW_CHARS))}.`
    : fields.length > 0
      ? ` Key fields: ${fields.join('; ')}.`
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

/** Short scalar leaves of a JSON object or array as `path=value`; undefined when the output is not one. */
function keyFields(content: string): string[] | undefined {
  const trimmed = content.trimStart();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('[')) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    return undefined;
  }
  const fields: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (fields.length >= MAX_KEY_FIELDS || node === null || node === undefined) return;
    if (typeof node === 'number' || typeof node === 'boolean') fields.push(`${path}=${node}`);
    else if (typeof node === 'string') {
      if (node.length > 0 && node.length <= MAX_FIELD_VALUE_CHARS && !/[\r\n]/.test(node)) fields.push(`${path}=${node}`);
    } else if (Array.isArray(node)) node.forEach((item, index) => walk(item, path ? `${path}.${index}` : String(index)));
    else if (typeof node === 'object') {
      for (const [key, item] of Object.entries(node)) walk(item, path ? `${path}.${key}` : key);
    }
  };
  walk(value, '');
  return fields;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
