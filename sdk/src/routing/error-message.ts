// Routing turns a throwing user callback into a recorded reason; this gets a readable text from whatever was thrown.

/**
 * The message of an Error, or the thrown value as text.
 *
 * @example
 * errorMessage(new Error('timeout')); // 'timeout'
 */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
