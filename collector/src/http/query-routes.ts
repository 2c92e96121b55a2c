// The query API router (docs/query-api.md): GET /api/* → JSON, errors as `{ error: { code, message } }`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { CollectorError } from '../errors.ts';
import { cacheStats } from '../query/cache-stats.ts';
import { compareTraces } from '../query/compare-traces.ts';
import { facets } from '../query/facets.ts';
import { getSpan, requireTrace } from '../query/get-trace.ts';
import { listTraces } from '../query/list-traces.ts';
import { QueryParams } from '../query/query-params.ts';
import { routing } from '../query/routing.ts';
import type { HealthResponse } from '../query/api-types.ts';
import { spend } from '../query/spend.ts';
import type * as schema from '../storage/schema.ts';
import { bearerMatches } from './bearer.ts';
import type { LiveHub } from './live-hub.ts';
import { noteFailure } from './request-log.ts';

export interface QueryRoutesOptions {
  db: BetterSQLite3Database<typeof schema>;
  live: LiveHub;
  health: () => HealthResponse;
  queryToken?: string;
}

const traceIdPattern = '([0-9a-fA-F]{32})';
const traceRoute = new RegExp(`^/api/traces/${traceIdPattern}$`);
const spanRoute = new RegExp(`^/api/traces/${traceIdPattern}/spans/([0-9a-fA-F]{16})$`);

/**
 * Creates the handler for `/api/*`.
 *
 * @example
 * const handle = createQueryRoutes({ db, live, health: () => ({ ok: true }) });
 */
export function createQueryRoutes(options: QueryRoutesOptions): (request: IncomingMessage, response: ServerResponse, url: URL) => void {
  const { db } = options;
  return (request, response, url) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.setHeader('allow', 'GET, HEAD');
        throw new CollectorError('method_not_allowed', `${request.method} is not allowed on ${url.pathname}; use GET`);
      }
      if (options.queryToken !== undefined && !bearerMatches(request.headers.authorization, options.queryToken)) {
        response.setHeader('www-authenticate', 'Bearer realm="hotpath-collector"');
        throw new CollectorError('unauthorized', 'missing or wrong bearer token (Authorization: Bearer <HOTPATH_QUERY_TOKEN>)');
      }
      const params = new QueryParams(url.searchParams);
      const path = url.pathname.replace(/\/+$/, '');
      const full = params.string('view') !== 'waterfall';
      let match: RegExpExecArray | null;
      if (path === '/api/live') return options.live.attach(request, response);
      if (path === '/api/health') return sendJson(response, 200, options.health());
      if (path === '/api/facets') return sendJson(response, 200, facets(db, params));
      if (path === '/api/traces') return sendJson(response, 200, listTraces(db, params));
      if ((match = traceRoute.exec(path))) return sendJson(response, 200, requireTrace(db, match[1]!.toLowerCase(), { full }));
      if ((match = spanRoute.exec(path))) {
        return sendJson(response, 200, { span: getSpan(db, match[1]!.toLowerCase(), match[2]!.toLowerCase()) });
      }
      if (path === '/api/spend') return sendJson(response, 200, spend(db, params));
      if (path === '/api/routing') return sendJson(response, 200, routing(db, params));
      if (path === '/api/cache') return sendJson(response, 200, cacheStats(db, params));
      if (path === '/api/compare') return sendJson(response, 200, compareTraces(db, params));
      throw new CollectorError('not_found', `no API route ${url.pathname}`);
    } catch (error) {
      sendError(response, error);
    }
  };
}

/**
 * Answers with a query-API error body.
 *
 * @example
 * sendError(response, new CollectorError('not_found', 'no trace'));
 */
export function sendError(response: ServerResponse, error: unknown): void {
  const failure = CollectorError.isInstance(error)
    ? error
    : new CollectorError('internal', `query failed: ${(error as Error).message}`, { cause: error });
  noteFailure(response, failure);
  sendJson(response, failure.status, { error: { code: failure.code, message: failure.message } });
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  if (response.headersSent) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(response.req.method === 'HEAD' ? undefined : text);
}
