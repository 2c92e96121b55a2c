// Every read of the query API (docs/query-api.md) as one function of a path and its query string: what the read
// worker runs on its own connection (http/read-pool.ts), and what runs inline where there is no worker. Answers are
// JSON text, serialized where the query ran so the thread that writes spans does neither.
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { CollectorError } from '../errors.ts';
import type * as schema from '../storage/schema.ts';
import { cacheStats } from './cache-stats.ts';
import { compareTraces } from './compare-traces.ts';
import { facets } from './facets.ts';
import { getSpan, requireTrace } from './get-trace.ts';
import { listTraces } from './list-traces.ts';
import { QueryParams } from './query-params.ts';
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
 * answerQuery(db, '/api/traces', 'sort=cost&limit=20'); // { status: 200, body: '{"traces":[…],"nextCursor":…}' }
 */
export function answerQuery(db: BetterSQLite3Database<typeof schema>, pathname: string, search: string): QueryAnswer {
  try {
    return { status: 200, body: JSON.stringify(route(db, pathname.replace(/\/+$/, ''), new QueryParams(new URLSearchParams(search)))) };
  } catch (error) {
    return errorAnswer(error);
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

function route(db: BetterSQLite3Database<typeof schema>, path: string, params: QueryParams): unknown {
  const full = params.string('view') !== 'waterfall';
  let match: RegExpExecArray | null;
  if (path === '/api/facets') return facets(db, params);
  if (path === '/api/traces') return listTraces(db, params);
  if ((match = traceRoute.exec(path))) return requireTrace(db, match[1]!.toLowerCase(), { full });
  if ((match = spansRoute.exec(path))) return traceSpanPage(db, match[1]!.toLowerCase(), params);
  if ((match = matchesRoute.exec(path))) return traceMatches(db, match[1]!.toLowerCase(), params);
  if ((match = spanRoute.exec(path))) return { span: getSpan(db, match[1]!.toLowerCase(), match[2]!.toLowerCase()) };
  if (path === '/api/spend') return spend(db, params);
  if (path === '/api/routing') return routing(db, params);
  if (path === '/api/cache') return cacheStats(db, params);
  if (path === '/api/compare') return compareTraces(db, params);
  throw new CollectorError('not_found', `no API route ${path}`);
}
