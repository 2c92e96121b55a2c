// The typed error model routing throws for a bad configuration, at construction time, so a mistake in rules or
// model names surfaces when the agent is defined rather than in the middle of a run.
import { HotpathError } from '../errors.ts';

/**
 * Thrown by `router()` and `cascade()` when their options are invalid.
 *
 * @example
 * try { router({ models: [], rules: [] }); }
 * catch (error) { if (RoutingError.isInstance(error)) console.error(error.message); }
 */
export class RoutingError extends HotpathError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'RoutingError';
  }

  static override isInstance(value: unknown): value is RoutingError {
    return HotpathError.isInstance(value) && (value as Error).name === 'RoutingError';
  }
}
