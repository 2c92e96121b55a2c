// How a failure is written on a span, the same way everywhere: `error.type`, an `exception` event and status ERROR
// (OpenTelemetry "Recording errors"). `error.type` stays low-cardinality: a class name, an HTTP status, `timeout`.
import { SpanStatusCode, type Span, type TimeInput } from '@opentelemetry/api';

export interface ErrorInfo {
  type: string;
  message: string;
}

/** The conventions' fallback when nothing better is known. */
export const OTHER_ERROR = '_OTHER';

/**
 * A low-cardinality `error.type` for a thrown value: the HTTP status when the error carries one, else its class name.
 *
 * @example
 * errorType(new TypeError('x'));                        // 'TypeError'
 * errorType(Object.assign(new Error(), { status: 429 })); // '429'
 */
export function errorType(error: unknown): string {
  if (typeof error !== 'object' || error === null) return OTHER_ERROR;
  const record = error as { status?: unknown; statusCode?: unknown; name?: unknown };
  const status = record.status ?? record.statusCode;
  if (typeof status === 'number' && Number.isInteger(status)) return String(status);
  if (typeof record.name === 'string' && record.name !== '' && record.name !== 'Error') return record.name;
  const constructorName = (error as object).constructor?.name;
  return constructorName && constructorName !== 'Object' ? constructorName : OTHER_ERROR;
}

/**
 * Turns a thrown value into the `{ type, message }` the runner's events carry.
 *
 * @example
 * errorInfo(new RangeError('too big')); // { type: 'RangeError', message: 'too big' }
 */
export function errorInfo(error: unknown): ErrorInfo {
  const message = error instanceof Error ? error.message : String(error);
  return { type: errorType(error), message };
}

/**
 * Marks a span as failed: `error.type`, an `exception` event and status ERROR.
 *
 * @example
 * recordError(span, { type: '503', message: 'upstream unavailable' }, event.time);
 */
export function recordError(span: Span, error: ErrorInfo, time?: TimeInput): void {
  span.setAttribute('error.type', error.type);
  span.recordException({ name: error.type, message: error.message }, time);
  span.setStatus({ code: SpanStatusCode.ERROR, message: error.message });
}
