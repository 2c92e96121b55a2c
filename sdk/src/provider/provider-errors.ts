// What can go wrong in a model call, as data a caller can act on: the HTTP status and whether a retry may help,
// a stream that stopped half-way, a response we could not read, an abort. Each class has a stable `name` (spans
// record it as `error.type`) and an `isInstance` guard that works across copies of the package.
import { HotpathError } from '../errors.ts';

/** How much of an offending body or chunk an error keeps. */
export const EXCERPT_LENGTH = 2000;

function hasName(value: unknown, name: string): boolean {
  return HotpathError.isInstance(value) && value.name === name;
}

/**
 * The server answered with a non-2xx status.
 *
 * @example
 * try { for await (const event of provider.stream(request)) { … } }
 * catch (error) { if (ProviderHttpError.isInstance(error) && error.status === 401) console.error('check the API key'); }
 */
export class ProviderHttpError extends HotpathError {
  readonly status: number;
  /** The start of the response body (at most 2,000 characters), for logs. */
  readonly bodyExcerpt: string;
  /** The server's request id header (`x-request-id`, `request-id`), to quote to the provider's support. */
  readonly requestId: string | undefined;
  /** How long the server asked us to wait (`Retry-After`), when it said. */
  readonly retryAfterMs: number | undefined;

  constructor(options: {
    status: number;
    message: string;
    bodyExcerpt: string;
    requestId?: string;
    retryAfterMs?: number;
    retryable: boolean;
  }) {
    super(`HTTP ${options.status}: ${options.message}`, { retryable: options.retryable });
    this.name = 'ProviderHttpError';
    this.status = options.status;
    this.bodyExcerpt = options.bodyExcerpt;
    this.requestId = options.requestId;
    this.retryAfterMs = options.retryAfterMs;
  }

  static override isInstance(value: unknown): value is ProviderHttpError {
    return hasName(value, 'ProviderHttpError');
  }
}

/**
 * The request never got a response: connection refused or reset, connect or header timeout (retryable), or a
 * request undici refused to send (not retryable).
 */
export class ProviderConnectionError extends HotpathError {
  /** The underlying error's code (`ECONNREFUSED`, `UND_ERR_SOCKET`, …), when it had one. */
  readonly code: string | undefined;

  constructor(message: string, options: { cause?: unknown; code?: string; retryable: boolean }) {
    super(message, { cause: options.cause, retryable: options.retryable });
    this.name = 'ProviderConnectionError';
    this.code = options.code;
  }

  static override isInstance(value: unknown): value is ProviderConnectionError {
    return hasName(value, 'ProviderConnectionError');
  }
}

/**
 * The response stream ended or broke before the model finished. `outputReceived` says whether any text or tool
 * call had already reached the caller; only a stream cut before that is retried.
 */
export class StreamInterruptedError extends HotpathError {
  readonly outputReceived: boolean;

  constructor(message: string, options: { cause?: unknown; outputReceived: boolean }) {
    super(message, { cause: options.cause, retryable: !options.outputReceived });
    this.name = 'StreamInterruptedError';
    this.outputReceived = options.outputReceived;
  }

  static override isInstance(value: unknown): value is StreamInterruptedError {
    return hasName(value, 'StreamInterruptedError');
  }
}

/**
 * The server sent something we cannot read (a chunk that is not JSON, a body of the wrong shape) or an error event
 * in the stream; retryable only when the server said it was overloaded.
 */
export class ProviderResponseError extends HotpathError {
  /** The offending text (at most 2,000 characters). */
  readonly excerpt: string;

  constructor(message: string, options: { excerpt: string; cause?: unknown; retryable?: boolean }) {
    super(message, { cause: options.cause, retryable: options.retryable ?? false });
    this.name = 'ProviderResponseError';
    this.excerpt = options.excerpt.slice(0, EXCERPT_LENGTH);
  }

  static override isInstance(value: unknown): value is ProviderResponseError {
    return hasName(value, 'ProviderResponseError');
  }
}

/** The caller's `AbortSignal` fired. `cause` is the signal's reason. */
export class ModelCallAbortedError extends HotpathError {
  constructor(options: { cause?: unknown } = {}) {
    super('The model call was aborted', { cause: options.cause });
    this.name = 'ModelCallAbortedError';
  }

  static override isInstance(value: unknown): value is ModelCallAbortedError {
    return hasName(value, 'ModelCallAbortedError');
  }
}

/** A provider was configured with options it cannot work with (no base URL, a negative limit, …). */
export class ProviderConfigurationError extends HotpathError {
  constructor(message: string) {
    super(message);
    this.name = 'ProviderConfigurationError';
  }

  static override isInstance(value: unknown): value is ProviderConfigurationError {
    return hasName(value, 'ProviderConfigurationError');
  }
}
