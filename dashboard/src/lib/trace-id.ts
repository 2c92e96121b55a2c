// Trace ids as the collector stores them: 32 lowercase hex digits.
const TRACE_ID = /^[0-9a-f]{32}$/;

/**
 * Whether a string is a trace id (lowercase hex, 32 digits).
 *
 * @example
 * isTraceId('4bf92f3577b34da6a3ce929d0e0e4736') // true
 */
export function isTraceId(value: string): boolean {
  return TRACE_ID.test(value);
}
