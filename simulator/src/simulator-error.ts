// One error base for the simulator, with a stable `name` per subclass and a type guard that works across copies of
// the package (instanceof does not when two versions are installed).
const MARKER = Symbol.for('hotpath.simulator.error');

export class SimulatorError extends Error {
  readonly [MARKER] = true;

  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = 'SimulatorError';
  }

  static isInstance(value: unknown): value is SimulatorError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }
}
