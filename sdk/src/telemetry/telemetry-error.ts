// The error telemetry throws for bad configuration (never from inside a run: a span failing is logged, not thrown).
import { HotpathError } from '../errors.ts';

/**
 * Raised when `instrument()` or `setup()` is called with something they cannot work with.
 *
 * @example
 * try { instrument(42 as never); } catch (error) { if (TelemetryError.isInstance(error)) console.error(error.message); }
 */
export class TelemetryError extends HotpathError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'TelemetryError';
  }

  static override isInstance(value: unknown): value is TelemetryError {
    return HotpathError.isInstance(value) && (value as Error).name === 'TelemetryError';
  }
}
