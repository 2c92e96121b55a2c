// Canonical JSON: object keys sorted at every depth, so `{a:1,b:2}` and `{b:2,a:1}` give one cache key and one
// prefetch match.

/**
 * Serialises a JSON value with object keys sorted at every depth.
 *
 * @example
 * canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }) // '{"a":[{"c":3,"d":2}],"b":1}'
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)) ?? 'null';
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const sorted: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
  return sorted;
}

/** The identity of a tool call for caching and prefetch matching: tool name + canonical arguments. */
export function toolCallKey(toolName: string, args: unknown): string {
  return `${toolName}:${canonicalJson(args)}`;
}
