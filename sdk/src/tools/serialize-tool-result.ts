// Turns what a tool returned into the text the model sees. Strings pass through; everything else is JSON. A value
// JSON cannot represent faithfully (a function, a symbol, a BigInt, a cycle) is a failure the model is told about,
// not a crash and not a silently empty result.
import { ToolCallError } from './tool-errors.ts';

/**
 * Serialises a tool result for the model.
 *
 * @example
 * serializeToolResult('get_order', { id: 'A1', status: 'shipped' }) // '{"id":"A1","status":"shipped"}'
 * serializeToolResult('get_order', 10n) // throws ToolCallError (kind 'unserializable_result')
 */
export function serializeToolResult(toolName: string, value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return 'null';
  if (typeof value === 'function' || typeof value === 'symbol') {
    throw unserializable(toolName, `a ${typeof value}`);
  }
  let text: string | undefined;
  try {
    text = JSON.stringify(value);
  } catch (cause) {
    throw unserializable(toolName, cause instanceof Error ? cause.message : String(cause), cause);
  }
  if (text === undefined) throw unserializable(toolName, 'a value JSON cannot represent');
  return text;
}

function unserializable(toolName: string, what: string, cause?: unknown): ToolCallError {
  return new ToolCallError(
    'unserializable_result',
    toolName,
    `Tool "${toolName}" returned a result that cannot be serialised to JSON (${what}).`,
    { cause },
  );
}
