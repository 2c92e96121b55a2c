// Finds JSON objects embedded in free text, as when a client renders a transcript (tool results included) into one
// message for a summariser. A small scanner that respects strings, then JSON.parse on each balanced candidate.

/**
 * Returns every top-level JSON object that parses inside the text.
 *
 * @example
 * extractJsonObjects('tool get_order: {"id":"O-5002","total":89} done'); // [{ id: 'O-5002', total: 89 }]
 */
export function extractJsonObjects(text: string): Record<string, unknown>[] {
  const objects: Record<string, unknown>[] = [];
  let start = text.indexOf('{');
  while (start !== -1) {
    const end = matchingBrace(text, start);
    if (end === -1) break;
    try {
      const value: unknown = JSON.parse(text.slice(start, end + 1));
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) objects.push(value as Record<string, unknown>);
      start = text.indexOf('{', end + 1);
    } catch {
      start = text.indexOf('{', start + 1);
    }
  }
  return objects;
}

function matchingBrace(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index++;
      else if (char === '"') inString = false;
    } else if (char === '"') inString = true;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index;
  }
  return -1;
}
