// Every read of the query API (docs/query-api.md) as one function of a path and its query string, over either store
// (query-store.ts): what the SQLite read worker runs on its own connection (http/read-pool.ts), what runs inline where
// there is no worker, and what the PostgreSQL store answers. Answers are JSON text, serialized where the query ran so
// the thread that writes spans does neither.
import { CollectorError } from '../errors.ts';
import { cacheStats } from './cache-stats.ts';
import { compareTraces } from './compare-traces.ts';
import { facets } from './facets.ts';
import { getSpan, requireTrace } from './get-trace.ts';
import { listTraces } from './list-traces.ts';
import { QueryParams } from './query-params.ts';
import type { QueryStore } from './query-store.ts';
import { routing } from './routing.ts';
import { spend } from './spend.ts';
import { traceMatches, traceSpanPage } from './trace-spans.ts';

export interface QueryAnswer {
  status: number;
  /** JSON text: the answer, or `{ error: { code, message } }`. */
  body: string;
}

const traceIdPattern = '([0-9a-fA-F]{32})';
const traceRoute = new RegExp(`^/api/traces/${traceIdPattern}$`);
const spansRoute = new RegExp(`^/api/traces/${traceIdPattern}/spans$`);
const matchesRoute = new RegExp(`^/api/traces/${traceIdPattern}/matches$`);
const spanRoute = new RegExp(`^/api/traces/${traceIdPattern}/spans/([0-9a-fA-F]{16})$`);

/**
 * Answers one read of the query API.
 *
 * @example
 * await answerQuery(sqliteQueryStore(db), '/api/traces', 'sort=cost&limit=20'); // { status: 200, body: '{"traces":[…],"nextCursor":…}' }
 */
export async function answerQuery(store: QueryStore, pathname: string, search: string): Promise<QueryAnswer> {
  try {
    return { status: 200, body: JSON.stringify(await route(store, pathname.replace(/\/+$/, ''), new QueryParams(new URLSearchParams(search)))) };
  } catch (error) {
    return errorAnswer(store.describeFailure?.(error) ?? error);
  }
}

/**
 * The JSON error body for a failure.
 *
 * @example
 * errorAnswer(new CollectorError('not_found', 'no trace')); // { status: 404, body: '{"error":{…}}' }
 */
export function errorAnswer(error: unknown): QueryAnswer {
  const failure = CollectorError.isInstance(error)
    ? error
    : new CollectorError('internal', `query failed: ${(error as Error).message}`, { cause: error });
  return { status: failure.status, body: JSON.stringify({ error: { code: failure.code, message: failure.message } }) };
}

async function route(store: QueryStore, path: string, params: QueryParams): Promise<unknown> {
  const full = params.string('view') !== 'waterfall';
  let match: RegExpExecArray | null;
  if (path === '/api/facets') return facets(store, params);
  if (path === '/api/traces') return listTraces(store, params);
  if ((match = traceRoute.exec(path))) return requireTrace(store, match[1]!.toLowerCase(), { full });
  if ((match = spansRoute.exec(path))) return traceSpanPage(store, match[1]!.toLowerCase(), params);
  if ((match = matchesRoute.exec(path))) return traceMatches(store, match[1]!.toLowerCase(), params);
  if ((match = spanRoute.exec(path))) return { span: await getSpan(store, match[1]!.toLowerCase(), match[2]!.toLowerCase()) };
  if (path === '/api/spend') return spend(store, params);
  if (path === '/api/routing') return routing(store, params);
  if (path === '/api/cache') return cacheStats(store, params);
  if (path === '/api/compare') return compareTraces(store, params);
  throw new CollectorError('not_found', `no API route ${path}`);
}
