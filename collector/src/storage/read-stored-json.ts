// Reads a JSON column back for the query API whatever an older collector stored in it. Before the attribute depth
// limit (src/otlp/attribute-depth.ts) values thousands of levels deep were accepted and stored; JSON.parse reads
// them, but serialising the answer would overflow the stack, so levels beyond the limit become a marker string.
import { depthMarker, maxAttributeDepth } from '../otlp/attribute-depth.ts';

/**
 * Stored documents hold attribute values a few containers down (events → event → attributes → value): values
 * within the attribute limit always fit under this depth, and only older, deeper rows are cut.
 */
const maxStoredDepth = maxAttributeDepth + 3;

/**
 * Parses stored JSON text, replacing anything nested deeper than the limit with a marker.
 *
 * @example
 * readStoredJson<Attributes>(row.attributes)['gen_ai.request.model'];
 */
export function readStoredJson<T>(text: string): T {
  const root: unknown = JSON.parse(text);
  // An explicit stack rather than recursion: the point is to survive values too deep for the call stack.
  const stack: { container: Record<string, unknown> | unknown[]; depth: number }[] = [];
  if (typeof root === 'object' && root !== null) stack.push({ container: root as Record<string, unknown>, depth: 1 });
  while (stack.length > 0) {
    const { container, depth } = stack.pop()!;
    for (const key of Object.keys(container)) {
      const value = (container as Record<string, unknown>)[key];
      if (typeof value !== 'object' || value === null) continue;
      if (depth >= maxStoredDepth) (container as Record<string, unknown>)[key] = depthMarker;
      else stack.push({ container: value as Record<string, unknown>, depth: depth + 1 });
    }
  }
  return root as T;
}
