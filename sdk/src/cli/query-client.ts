// A small client of the collector's query API (docs/query-api.md) — the `hotpath` CLI reads stored traces over
// HTTP only, never the collector's database: the trace list (keyset pages) and each trace's spans with attributes.
import { CliError } from './cli-error.ts';

/** The parts of a trace summary the CLI reads. */
export interface TraceListEntry {
  traceId: string;
  agent: string | null;
  startTime: number;
}

/** The parts of a stored span the CLI reads (`GET /api/traces/:id`, full view). */
export interface StoredSpan {
  spanId: string;
  parentSpanId: string | null;
  name: string;
  startTime: number;
  endTime: number;
  status: { code: 'unset' | 'ok' | 'error'; message: string };
  operation: string | null;
  agent: string | null;
  toolName: string | null;
  attributes?: Record<string, unknown>;
}

export interface QueryClientOptions {
  /** The collector's base URL, e.g. `http://127.0.0.1:4318`. */
  baseUrl: string;
  /** Bearer token when the collector has `HOTPATH_QUERY_TOKEN` set. */
  token?: string;
  /** Per request (default 30 s). */
  timeoutMs?: number;
}

/**
 * Reads traces from a collector.
 *
 * @example
 * const client = queryClient({ baseUrl: 'http://127.0.0.1:4318' });
 * for await (const trace of client.traces({ agent: 'support', limit: 100 })) console.log(trace.traceId);
 */
export function queryClient(options: QueryClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, '');
  const get = async <T>(path: string): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        headers: { accept: 'application/json', ...(options.token && { authorization: `Bearer ${options.token}` }) },
        signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
      });
    } catch (cause) {
      throw new CliError(`Cannot reach the collector at ${base} (${(cause as Error).message}). Is it running? (npx hotpath-collector)`, { cause });
    }
    const text = await response.text();
    if (response.status === 401) throw new CliError(`The collector at ${base} wants a query token: pass --token or set HOTPATH_QUERY_TOKEN.`);
    if (!response.ok) throw new CliError(`The collector at ${base} answered ${response.status} to GET ${path}: ${text.slice(0, 300)}`);
    try {
      return JSON.parse(text) as T;
    } catch (cause) {
      throw new CliError(`The answer of ${base} to GET ${path} is not JSON: is it a Hotpath collector?`, { cause });
    }
  };
  return {
    /** Trace summaries, newest first, up to `limit`, following the keyset cursor. */
    async *traces(filter: { agent?: string; from?: number; limit: number }): AsyncGenerator<TraceListEntry> {
      let cursor: string | null = null;
      let yielded = 0;
      do {
        const query = new URLSearchParams({ limit: String(Math.min(500, filter.limit - yielded)) });
        if (filter.agent) query.set('agent', filter.agent);
        if (filter.from !== undefined) query.set('from', String(filter.from));
        if (cursor) query.set('cursor', cursor);
        const page: { traces?: TraceListEntry[]; nextCursor?: string | null } = await get(`/api/traces?${query}`);
        if (!Array.isArray(page.traces)) throw new CliError(`The answer of ${base}/api/traces has no traces list: is it a Hotpath collector?`);
        for (const trace of page.traces) {
          yield trace;
          if (++yielded >= filter.limit) return;
        }
        cursor = page.nextCursor ?? null;
      } while (cursor);
    },
    /** One trace's spans with their attributes, by start time. */
    async spans(traceId: string): Promise<StoredSpan[]> {
      const answer: { spans?: StoredSpan[] } = await get(`/api/traces/${encodeURIComponent(traceId)}`);
      return Array.isArray(answer.spans) ? answer.spans : [];
    },
  };
}
