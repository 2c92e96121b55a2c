// POST /v1/traces: the thin edge. It checks the token and content type, reads the body (gzip undone) and hands it
// to the shared receive step (decode → ingest), then answers as the OTLP/HTTP specification says: 200 with an
// ExportTraceServiceResponse (partial success when spans were rejected) in the request's encoding; errors with a
// google.rpc.Status body; 400 malformed, 401, 405, 413, 415, 429/503 with Retry-After when overloaded.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CollectorError } from '../errors.ts';
import { exportResponseJson, exportResponseProtobuf } from '../otlp/export-response.ts';
import { otlpTypes } from '../otlp/otlp-schema.ts';
import type { Admission } from './admission.ts';
import { bearerMatches } from './bearer.ts';
import type { BodyEncoding } from './decode-pool.ts';
import { readBody } from './read-body.ts';
import { noteFailure } from './request-log.ts';
import type { ReceiveBatch } from './receive-batch.ts';

export interface OtlpRouteOptions {
  receive: ReceiveBatch;
  admission: Admission;
  maxBodyBytes: number;
  ingestToken?: string;
  /** Called for every refused request (counters). */
  onRefused?: (error: CollectorError) => void;
  /** Added to every answer (the start-record route says which collector answered). */
  headers?: Record<string, string>;
}

/** gRPC status codes for google.rpc.Status bodies. */
const grpcCodes: Record<number, number> = { 400: 3, 401: 16, 404: 5, 405: 12, 413: 3, 415: 3, 429: 8, 500: 13, 503: 14 };

/**
 * Creates the handler for `POST /v1/traces`.
 *
 * @example
 * const handle = createOtlpRoute({ receive, admission: createAdmission(64), maxBodyBytes: 16 << 20 });
 * http.createServer((req, res) => handle(req, res));
 */
export function createOtlpRoute(options: OtlpRouteOptions): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    for (const [name, value] of Object.entries(options.headers ?? {})) response.setHeader(name, value);
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const encoding: BodyEncoding | undefined =
      contentType === 'application/x-protobuf' || contentType === 'application/protobuf'
        ? 'protobuf'
        : contentType === 'application/json'
          ? 'json'
          : undefined;
    let admitted = false;
    try {
      if (request.method !== 'POST') {
        response.setHeader('allow', 'POST');
        throw new CollectorError('method_not_allowed', `${request.method} is not allowed on /v1/traces; use POST`);
      }
      if (options.ingestToken !== undefined && !bearerMatches(request.headers.authorization, options.ingestToken)) {
        response.setHeader('www-authenticate', 'Bearer realm="hotpath-collector"');
        throw new CollectorError('unauthorized', 'missing or wrong bearer token (Authorization: Bearer <HOTPATH_INGEST_TOKEN>)');
      }
      if (encoding === undefined) {
        throw new CollectorError(
          'unsupported_media_type',
          `unsupported Content-Type ${JSON.stringify(contentType)}: use application/x-protobuf or application/json`,
        );
      }
      admitted = true;
      options.admission.enter();
      const body = await readBody(request, options.maxBodyBytes);
      const result = await options.receive(body, encoding, contentType);
      if (encoding === 'protobuf') send(response, 200, 'application/x-protobuf', exportResponseProtobuf(result));
      else send(response, 200, 'application/json', Buffer.from(exportResponseJson(result)));
    } catch (error) {
      const failure = CollectorError.isInstance(error)
        ? error
        : new CollectorError('internal', `export failed: ${(error as Error).message}`, { cause: error });
      options.onRefused?.(failure);
      noteFailure(response, failure);
      sendStatus(request, response, encoding ?? 'json', failure);
    } finally {
      if (admitted) options.admission.leave();
    }
  };
}

function sendStatus(request: IncomingMessage, response: ServerResponse, encoding: BodyEncoding, error: CollectorError): void {
  if (error.retryAfterSeconds !== undefined) response.setHeader('retry-after', String(error.retryAfterSeconds));
  const rpcStatus = { code: grpcCodes[error.status] ?? 2, message: error.message };
  // The body may be unread (refused before reading): close the connection rather than read what we refused.
  if (!request.complete) response.setHeader('connection', 'close');
  if (encoding === 'protobuf') {
    send(response, error.status, 'application/x-protobuf', Buffer.from(otlpTypes.rpcStatus.encode(otlpTypes.rpcStatus.fromObject(rpcStatus)).finish()));
  } else {
    send(response, error.status, 'application/json', Buffer.from(JSON.stringify(rpcStatus)));
  }
  if (!request.complete) request.resume();
}

function send(response: ServerResponse, status: number, contentType: string, body: Buffer): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': contentType, 'content-length': body.length });
  response.end(body);
}
