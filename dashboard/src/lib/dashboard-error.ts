// One error base for the dashboard, with a stable `name` per subclass and a guard that works across bundles
// (server components and route handlers may load separate copies of this module).
const MARKER = Symbol.for('hotpath.dashboard.error');

/**
 * Base of every error the dashboard raises on purpose.
 *
 * @example
 * if (DashboardError.isInstance(error)) console.log(error.name, error.message);
 */
export class DashboardError extends Error {
  readonly [MARKER] = true;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'DashboardError';
  }

  static isInstance(value: unknown): value is DashboardError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

/** The collector could not be reached at all (refused, timed out, DNS). */
export class CollectorUnreachableError extends DashboardError {
  readonly url: string;

  constructor(url: string, options: { cause?: unknown } = {}) {
    super(`Cannot reach the Hotpath collector at ${url}.`, options);
    this.name = 'CollectorUnreachableError';
    this.url = url;
  }
}

/** The collector accepted the connection but did not answer in time: it is up, and slow (or stuck). */
export class CollectorSlowError extends DashboardError {
  readonly url: string;
  readonly path: string;
  readonly timeoutMs: number;

  constructor(url: string, path: string, timeoutMs: number, options: { cause?: unknown } = {}) {
    super(`The Hotpath collector at ${url} is up but did not answer ${path} within ${formatSeconds(timeoutMs)}.`, options);
    this.name = 'CollectorSlowError';
    this.url = url;
    this.path = path;
    this.timeoutMs = timeoutMs;
  }
}

/** The collector answered, but with an error status or a body that is not the documented JSON. */
export class CollectorResponseError extends DashboardError {
  readonly status: number;
  /** The collector's error code (`bad_request`, `not_found`, …), or `invalid_response`. */
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'CollectorResponseError';
    this.status = status;
    this.code = code;
  }
}

/** A URL parameter the dashboard was given cannot be used (bad trace id, malformed zoom…). */
export class InvalidParameterError extends DashboardError {
  readonly parameter: string;

  constructor(parameter: string, message: string) {
    super(message);
    this.name = 'InvalidParameterError';
    this.parameter = parameter;
  }
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
