// Server-side access to the collector's query API (docs/query-api.md). Pages and route handlers call this; the
// browser never talks to the collector directly, so the collector needs no CORS and its token stays server-side.
import { connect } from 'node:net';
import { CollectorResponseError, CollectorSlowError, CollectorUnreachableError } from '../lib/dashboard-error.ts';

/** Where the collector listens when `HOTPATH_COLLECTOR_URL` is not set. */
export const DEFAULT_COLLECTOR_URL = 'http://127.0.0.1:4318';

/** Query parameters: undefined and empty values are left out. */
export type QueryParams = Record<string, string | number | undefined | null>;

export interface CollectorRequestOptions {
  /** Collector base URL; defaults to `HOTPATH_COLLECTOR_URL`, then {@link DEFAULT_COLLECTOR_URL}. */
  baseUrl?: string;
  /** Bearer token; defaults to `HOTPATH_QUERY_TOKEN`. */
  token?: string;
  /** Gives up after this long (default `HOTPATH_COLLECTOR_TIMEOUT_MS`, else 10 s) so a hung collector cannot hang the page. */
  timeoutMs?: number;
  signal?: AbortSignal;
}

/**
 * The collector base URL from the environment, without a trailing slash.
 *
 * @example
 * collectorBaseUrl({ HOTPATH_COLLECTOR_URL: 'http://10.0.0.5:4318/' }) // 'http://10.0.0.5:4318'
 */
export function collectorBaseUrl(env: Record<string, string | undefined> = process.env): string {
  const raw = env.HOTPATH_COLLECTOR_URL?.trim() || DEFAULT_COLLECTOR_URL;
  return raw.replace(/\/+$/, '');
}

/**
 * Builds the full URL of a query API path with its parameters.
 *
 * @example
 * collectorUrl('/api/traces', { limit: 50, q: '' }, 'http://127.0.0.1:4318') // 'http://127.0.0.1:4318/api/traces?limit=50'
 */
export function collectorUrl(path: string, params: QueryParams = {}, baseUrl = collectorBaseUrl()): string {
  const url = new URL(path, `${baseUrl}/`);
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue;
    url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/**
 * Sends one request to the collector and answers the raw `Response` (used by the proxy for streams), or throws
 * {@link CollectorUnreachableError} when nothing answered.
 *
 * @example
 * const response = await collectorFetch('/api/live');
 */
export async function collectorFetch(
  path: string,
  params: QueryParams = {},
  options: CollectorRequestOptions & { timeout?: boolean } = {},
): Promise<Response> {
  const baseUrl = options.baseUrl ?? collectorBaseUrl();
  const token = options.token ?? process.env.HOTPATH_QUERY_TOKEN;
  const timeoutMs = options.timeoutMs ?? (Number(process.env.HOTPATH_COLLECTOR_TIMEOUT_MS) || 10_000);
  const signals = [options.signal, options.timeout === false ? undefined : AbortSignal.timeout(timeoutMs)];
  const active = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  try {
    return await fetch(collectorUrl(path, params, baseUrl), {
      headers: { accept: 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      cache: 'no-store',
      signal: active.length ? AbortSignal.any(active) : undefined,
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    // A timeout says nothing about why: whether the collector still accepts connections tells slow from gone.
    if ((error as Error)?.name === 'TimeoutError' && (await accepts(baseUrl))) throw new CollectorSlowError(baseUrl, path, timeoutMs, { cause: error });
    throw new CollectorUnreachableError(baseUrl, { cause: error });
  }
}

/** Whether a TCP connection to the collector's host and port opens within a second. */
function accepts(baseUrl: string): Promise<boolean> {
  const url = new URL(baseUrl);
  const port = Number(url.port) || (url.protocol === 'https:' ? 443 : 80);
  return new Promise((resolve) => {
    const socket = connect({ host: url.hostname.replace(/^\[|\]$/g, ''), port, timeout: 1000 });
    const done = (connected: boolean) => {
      socket.destroy();
      resolve(connected);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/**
 * Fetches one query API endpoint and parses its JSON answer.
 * Throws {@link CollectorUnreachableError} when nothing answers, {@link CollectorResponseError} on an error
 * status (with the collector's code and message) or a body that is not JSON.
 *
 * @example
 * const { traces } = await queryCollector<TraceListResponse>('/api/traces', { sort: 'duration', limit: 20 });
 */
export async function queryCollector<T>(path: string, params: QueryParams = {}, options: CollectorRequestOptions = {}): Promise<T> {
  const response = await collectorFetch(path, params, options);
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    throw new CollectorResponseError(response.status, 'invalid_response', `The collector answered ${path} with a body that is not JSON (HTTP ${response.status}).`);
  }
  if (!response.ok) {
    const error = (body as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
    const code = typeof error?.code === 'string' ? error.code : `http_${response.status}`;
    const message = typeof error?.message === 'string' ? error.message : `The collector answered ${path} with HTTP ${response.status}.`;
    throw new CollectorResponseError(response.status, code, message);
  }
  if (body === undefined || typeof body !== 'object' || body === null) {
    throw new CollectorResponseError(response.status, 'invalid_response', `The collector answered ${path} with an empty or non-object body.`);
  }
  return body as T;
}
