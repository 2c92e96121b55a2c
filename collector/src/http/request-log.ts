// Request ids and the log of server-side failures. Every answer carries `x-request-id` (the caller's own when it
// sent a sane one, e.g. from a proxy, else a new UUID), and every 5xx is written as one JSON line naming that id,
// the route and the cause, so an operator can match what a sender saw with what went wrong.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface RequestLog {
  /** Gives the request its id (set as the `x-request-id` answer header) and logs the answer if it is a 5xx. */
  begin(request: IncomingMessage, response: ServerResponse): string;
  /** Logs a failure outside HTTP (gRPC), with a new request id. */
  write(entry: { requestId?: string; method: string; path: string; status: number; error: unknown }): string;
}

/** What a log line says: one JSON object per line, for any log collector. */
export type LogWriter = (line: string) => void;

const causes = new WeakMap<ServerResponse, unknown>();
const saneId = /^[\w.:/+=-]{1,128}$/;

/**
 * Creates the log; `writeLine` defaults to stderr.
 *
 * @example
 * const log = createRequestLog();
 * http.createServer((request, response) => { log.begin(request, response); … });
 */
export function createRequestLog(writeLine: LogWriter = (line) => process.stderr.write(`${line}\n`)): RequestLog {
  const write: RequestLog['write'] = ({ requestId = randomUUID(), method, path, status, error }) => {
    const cause = error instanceof Error ? error : undefined;
    writeLine(
      JSON.stringify({
        time: new Date().toISOString(),
        level: 'error',
        requestId,
        method,
        path,
        status,
        error: cause ? cause.message : String(error ?? 'no cause recorded'),
        cause: cause?.cause instanceof Error ? cause.cause.message : undefined,
        stack: cause?.cause instanceof Error ? cause.cause.stack : cause?.stack,
      }),
    );
    return requestId;
  };
  return {
    begin(request, response) {
      const sent = request.headers['x-request-id'];
      const requestId = typeof sent === 'string' && saneId.test(sent) ? sent : randomUUID();
      response.setHeader('x-request-id', requestId);
      response.once('finish', () => {
        if (response.statusCode < 500) return;
        const path = (request.url ?? '/').split('?')[0]!;
        write({ requestId, method: request.method ?? '', path, status: response.statusCode, error: causes.get(response) });
      });
      return requestId;
    },
    write,
  };
}

/**
 * Remembers why a request failed, for the log line written when its 5xx answer is sent (routes call it where they
 * turn an error into an answer).
 *
 * @example
 * noteFailure(response, error);
 */
export function noteFailure(response: ServerResponse, error: unknown): void {
  causes.set(response, error);
}
