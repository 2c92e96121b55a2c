// The benchmark package's one error base, with a stable name and a guard that works across copies of the module.
const MARKER = Symbol.for('hotpath.bench.error');

export class BenchError extends Error {
  readonly [MARKER] = true;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'BenchError';
  }

  static isInstance(value: unknown): value is BenchError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}

/** A command-line flag or environment variable the benchmark cannot use. */
export class BenchOptionsError extends BenchError {
  constructor(message: string) {
    super(message);
    this.name = 'BenchOptionsError';
  }
}
