// Errors of the `hotpath` command line: a usage mistake (exit code 2) or a failure the user can act on (exit code 1),
// each with a message that says what to do.
import { HotpathError } from '../errors.ts';

/** Bad flags or arguments: nothing ran. */
export class CliUsageError extends HotpathError {
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

/** The command could not do its job (collector unreachable, nothing to learn from, a module without agents). */
export class CliError extends HotpathError {
  constructor(message: string, options: { cause?: unknown } = {}) {
    super(message, options);
    this.name = 'CliError';
  }
}
