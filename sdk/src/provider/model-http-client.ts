// The HTTP side of a provider: one pooled keep-alive undici dispatcher per provider instance, shared by every
// run, or a fresh connection opened and closed for one call (the naive baseline). It reports which kind of
// connection carried each request and turns failures into the provider's typed errors.
import type { Readable } from 'node:stream';
import { Client, Pool, request, type Dispatcher } from 'undici';
import { trackConnection, type ConnectionKind } from './connection-tracker.ts';
import {
  EXCERPT_LENGTH,
  ModelCallAbortedError,
  ProviderConfigurationError,
  ProviderConnectionError,
  ProviderHttpError,
} from './provider-errors.ts';
import { isRetryableStatus, parseRetryAfter } from './retry-policy.ts';

export interface ModelHttpClientOptions {
  /** e.g. `https://api.openai.com/v1`; request paths are appended to it. */
  baseURL: string;
  /** Sent with every request (authorization, API version, …). */
  headers: Record<string, string>;
  /** Cap on pooled connections to the server; default: no cap (undici's default). */
  maxConnections?: number;
  /** How long an idle pooled connection is kept open (the server's Keep-Alive hint wins when shorter). */
  keepAliveTimeoutMs?: number;
  connectTimeoutMs?: number;
  /** Longest wait for response headers; a big prompt's prefill can take a while. */
  headersTimeoutMs?: number;
  /** Longest silence between two body chunks of a streaming response. */
  bodyTimeoutMs?: number;
  /**
   * Your own undici dispatcher (proxy, mTLS, interceptors). Not closed by `close()`. Fresh-connection calls then go
   * through it too, asking for `connection: close`; whether a connection was really new is still measured.
   */
  dispatcher?: Dispatcher;
}

/** The options a provider passes through to its HTTP client unchanged. */
export type ModelHttpTuning = Pick<
  ModelHttpClientOptions,
  'maxConnections' | 'keepAliveTimeoutMs' | 'connectTimeoutMs' | 'headersTimeoutMs' | 'bodyTimeoutMs' | 'dispatcher'
>;

/** Picks the HTTP tuning options out of a provider's options. */
export function httpTuning(options: ModelHttpTuning): ModelHttpTuning {
  const keys = ['maxConnections', 'keepAliveTimeoutMs', 'connectTimeoutMs', 'headersTimeoutMs', 'bodyTimeoutMs', 'dispatcher'] as const;
  const picked: Record<string, unknown> = {};
  for (const key of keys) if (options[key] !== undefined) picked[key] = options[key];
  return picked as ModelHttpTuning;
}

export interface ModelHttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Readable;
  connection: ConnectionKind;
  /**
   * Gives the connection back. `drain` reads what little is left of a finished response so a pooled
   * connection stays open for the next call; otherwise an unfinished body is destroyed (and its socket with it).
   */
  release(mode: 'drain' | 'destroy'): Promise<void>;
}

/** Most of a response a drain will read before giving up on keeping the connection. */
const DRAIN_LIMIT_BYTES = 64 * 1024;
const DRAIN_TIMEOUT_MS = 1000;
/** Error codes that mean the request never got a response but may get one on another try. */
const RETRYABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

/**
 * A small JSON-over-HTTP client tuned for model calls.
 *
 * @example
 * const http = new ModelHttpClient({ baseURL: 'http://127.0.0.1:8787/v1', headers: {} });
 * const response = await http.post('/chat/completions', body, {});
 * await response.release('drain');
 * await http.close();
 */
export class ModelHttpClient {
  readonly serverAddress: string;
  readonly serverPort: number;
  readonly #origin: string;
  readonly #basePath: string;
  readonly #headers: Record<string, string>;
  readonly #clientOptions: Client.Options;
  readonly #pool: Dispatcher;
  readonly #ownsPool: boolean;

  constructor(options: ModelHttpClientOptions) {
    let url: URL;
    try {
      url = new URL(options.baseURL);
    } catch {
      throw new ProviderConfigurationError(`baseURL is not a valid URL: ${JSON.stringify(options.baseURL)}`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new ProviderConfigurationError(`baseURL must be http(s), got ${url.protocol}`);
    }
    const maxConnections = options.maxConnections;
    if (maxConnections !== undefined && (!Number.isInteger(maxConnections) || maxConnections < 1)) {
      throw new ProviderConfigurationError(`maxConnections must be a positive integer, got ${String(maxConnections)}`);
    }
    this.#origin = url.origin;
    this.#basePath = url.pathname.replace(/\/+$/, '');
    this.serverAddress = url.hostname.replace(/^\[|\]$/g, '');
    this.serverPort = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    this.#headers = { 'content-type': 'application/json', ...options.headers };
    this.#clientOptions = {
      keepAliveTimeout: options.keepAliveTimeoutMs ?? 30_000,
      keepAliveMaxTimeout: Math.max(options.keepAliveTimeoutMs ?? 30_000, 600_000),
      ...(options.connectTimeoutMs !== undefined ? { connectTimeout: options.connectTimeoutMs } : {}),
      ...(options.headersTimeoutMs !== undefined ? { headersTimeout: options.headersTimeoutMs } : {}),
      ...(options.bodyTimeoutMs !== undefined ? { bodyTimeout: options.bodyTimeoutMs } : {}),
    };
    this.#ownsPool = options.dispatcher === undefined;
    this.#pool =
      options.dispatcher ??
      new Pool(this.#origin, { ...this.#clientOptions, ...(maxConnections ? { connections: maxConnections } : {}) });
  }

  /**
   * POSTs `payload` as JSON. Resolves once response headers arrive, whatever the status; rejects with
   * `ProviderConnectionError` when no response came, or `ModelCallAbortedError` when `signal` fired.
   */
  async post(
    path: string,
    payload: unknown,
    options: { signal?: AbortSignal; fresh?: boolean },
  ): Promise<ModelHttpResponse> {
    const body = Buffer.from(JSON.stringify(payload));
    const connection = trackConnection(body);
    // A fresh call gets its own client, asks the server to close (`connection: close`), and is torn down after.
    const fresh = options.fresh === true && this.#ownsPool ? new Client(this.#origin, this.#clientOptions) : undefined;
    let response: Dispatcher.ResponseData;
    try {
      response = await request(this.#origin + this.#basePath + path, {
        method: 'POST',
        headers: this.#headers,
        body,
        dispatcher: fresh ?? this.#pool,
        ...(options.signal !== undefined ? { signal: options.signal } : {}),
        ...(options.fresh === true ? { reset: true } : {}),
      });
    } catch (error) {
      await fresh?.destroy();
      throw toTransportError(error, options.signal);
    }
    const responseBody = response.body;
    return {
      status: response.statusCode,
      headers: response.headers,
      body: responseBody,
      connection: connection(),
      release: async (mode) => {
        if (!responseBody.readableEnded && !responseBody.destroyed) {
          if (mode === 'drain') {
            await responseBody
              .dump({ limit: DRAIN_LIMIT_BYTES, signal: AbortSignal.timeout(DRAIN_TIMEOUT_MS) })
              .catch(() => responseBody.destroy());
          } else {
            responseBody.destroy();
          }
        }
        // undici hands a finished connection back to the pool on the next setImmediate; a call made before that
        // would open a second connection, so the call ends only once its connection is reusable.
        if (mode === 'drain' && fresh === undefined) await new Promise((resolve) => setImmediate(resolve));
        await fresh?.destroy();
      },
    };
  }

  /** Closes the pooled connections (waiting for calls in flight). A dispatcher you passed in is left open. */
  async close(): Promise<void> {
    if (this.#ownsPool) await this.#pool.close();
  }
}

/**
 * Reads a non-2xx response into a `ProviderHttpError`: the server's own message when the body is JSON in one of
 * the usual shapes (OpenAI, vLLM, Ollama, Anthropic), the request id, Retry-After, and whether to retry
 * (`x-should-retry`, sent by OpenAI, overrides the status rule).
 */
export async function readHttpError(response: ModelHttpResponse): Promise<ProviderHttpError> {
  let text = '';
  try {
    text = await readText(response.body, EXCERPT_LENGTH * 4);
  } catch {
    // The body is only context for the error; a broken one must not hide the status.
  }
  const shouldRetry = firstHeader(response.headers['x-should-retry']);
  const requestId = firstHeader(response.headers['x-request-id']) ?? firstHeader(response.headers['request-id']);
  const retryAfterMs = parseRetryAfter(response.headers);
  return new ProviderHttpError({
    status: response.status,
    message: errorMessageFrom(text) ?? (text.trim().slice(0, 200) || 'no response body'),
    bodyExcerpt: text.slice(0, EXCERPT_LENGTH),
    ...(requestId !== undefined ? { requestId } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    retryable: shouldRetry === 'true' ? true : shouldRetry === 'false' ? false : isRetryableStatus(response.status),
  });
}

/** Reads a whole (small) body as text, refusing bodies over `limit` bytes. */
export async function readText(body: Readable, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      chunks.push(chunk.subarray(0, Math.max(0, chunk.length - (size - limit))));
      body.destroy();
      break;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function firstHeader(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function errorMessageFrom(text: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as { error?: unknown; message?: unknown; detail?: unknown };
  if (typeof record.error === 'string') return record.error;
  if (typeof record.error === 'object' && record.error !== null) {
    const message = (record.error as { message?: unknown }).message;
    if (typeof message === 'string') return message;
  }
  if (typeof record.message === 'string') return record.message;
  if (typeof record.detail === 'string') return record.detail;
  return undefined;
}

/** Maps what undici threw before any response into the provider's errors. */
export function toTransportError(error: unknown, signal: AbortSignal | undefined): Error {
  if (signal?.aborted) return new ModelCallAbortedError({ cause: signal.reason });
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderConnectionError(`No response from the model server: ${message}`, {
    cause: error,
    retryable: typeof code === 'string' && RETRYABLE_CODES.has(code),
    ...(typeof code === 'string' ? { code } : {}),
  });
}
