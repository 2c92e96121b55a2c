// One error base for the collector, with a stable `name`, the HTTP status a caller should answer with, and a
// type guard that works across copies of the package (instanceof does not when two versions are installed).
const MARKER = Symbol.for('hotpath.collector.error');

/** Stable machine-readable codes, used in query API error bodies. */
export type CollectorErrorCode =
  | 'bad_request'
  | 'unauthorized'
  | 'not_found'
  | 'method_not_allowed'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'overloaded'
  | 'unavailable'
  | 'query_timeout'
  | 'internal';

const statusByCode: Record<CollectorErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  overloaded: 503,
  unavailable: 503,
  query_timeout: 503,
  internal: 500,
};

/**
 * A failure the collector answers with a status code and a message meant for the sender.
 *
 * @example
 * throw new CollectorError('bad_request', 'limit: expected an integer from 1 to 500');
 */
export class CollectorError extends Error {
  readonly [MARKER] = true;
  readonly code: CollectorErrorCode;
  /** HTTP status for this error. */
  readonly status: number;
  /** Seconds a sender should wait before retrying (overload only). */
  readonly retryAfterSeconds: number | undefined;
  /**
   * For failures to start: the process exit code the command line uses (collector/README.md lists them), so a
   * supervisor can tell a bad flag from a locked database without reading the message.
   */
  readonly exitCode: number | undefined;

  constructor(code: CollectorErrorCode, message: string, options: { cause?: unknown; retryAfterSeconds?: number; exitCode?: number } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CollectorError';
    this.code = code;
    this.status = statusByCode[code];
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.exitCode = options.exitCode;
  }

  static isInstance(value: unknown): value is CollectorError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
