// One error base for the SDK, with a stable `name` per subclass and a type guard that works across copies of
// the package (instanceof does not when two versions are installed).
const MARKER = Symbol.for('hotpath.error');

export class HotpathError extends Error {
  readonly [MARKER] = true;
  /** Whether trying the same thing again may succeed. */
  readonly retryable: boolean;

  constructor(message: string, options: { cause?: unknown; retryable?: boolean } = {}) {
    super(message, { cause: options.cause });
    this.name = 'HotpathError';
    this.retryable = options.retryable ?? false;
  }

  static isInstance(value: unknown): value is HotpathError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
