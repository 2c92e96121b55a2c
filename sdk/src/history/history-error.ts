// The typed error history management throws for bad input (a malformed policy or message list), so a caller can tell
// a configuration mistake from a model failure.
import { HotpathError } from '../errors.ts';

/**
 * Thrown by `condenseHistory` when its input is invalid. Nothing is changed when it is thrown.
 *
 * @example
 * try { await condenseHistory(messages, { maxInputTokens: -1 }, summarize); }
 * catch (error) { if (HistoryError.isInstance(error)) console.error(error.message); }
 */
export class HistoryError extends HotpathError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'HistoryError';
  }

  static override isInstance(value: unknown): value is HistoryError {
    return HotpathError.isInstance(value) && (value as Error).name === 'HistoryError';
  }
}
