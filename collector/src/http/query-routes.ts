// The query API router (docs/query-api.md): GET /api/* → JSON, errors as `{ error: { code, message } }`. Reads are
// answered by the read pool (read-pool.ts: a worker thread with its own connection); the live stream and the health
// counters are answered here.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CollectorError } from '../errors.ts';
import type { HealthResponse } from '../query/api-types.ts';
import { errorAnswer } from '../query/answer-query.ts';
import { bearerMatches } from './bearer.ts';
import type { LiveHub } from './live-hub.ts';
import type { ReadPool } from './read-pool.ts';
import { noteFailure } from './request-log.ts';

export interface QueryRoutesOptions {
  reads: ReadPool;
  live: LiveHub;
  /** Answered even when the database does not answer (PostgreSQL's is asked, hence a promise). */
  health: () => HealthResponse | Promise<HealthResponse>;
  queryToken?: string;
}

/**
 * Creates the handler for `/api/*`.
 *
 * @example
 * const handle = createQueryRoutes({ reads: createReadPool({ dbPath, db }), live, health: () => ({ ok: true, … }) });
 */
export function createQueryRoutes(options: QueryRoutesOptions): (request: IncomingMessage, response: ServerResponse, url: URL) => void {
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
      const path = url.pathname.replace(/\/+$/, '');
      if (path === '/api/live') return options.live.attach(request, response, url.searchParams);
      if (path === '/api/health') {
        Promise.resolve(options.health()).then(
          (health) => sendJson(response, 200, JSON.stringify(health)),
          (error: unknown) => sendError(response, error),
        );
        return;
      }
      options.reads.read(path, url.search).then(
        (answer) => sendJson(response, answer.status, answer.body),
        (error: unknown) => sendError(response, error),
      );
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
  const answer = errorAnswer(error);
  noteFailure(response, error);
  sendJson(response, answer.status, answer.body);
}

function sendJson(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent || response.destroyed) return;
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  response.end(response.req.method === 'HEAD' ? undefined : text);
}
