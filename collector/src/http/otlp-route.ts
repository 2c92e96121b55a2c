// POST /v1/traces: the thin edge. It checks the token and content type, reads and decodes the body, hands the
// spans to the write queue (ingest), and answers as the OTLP/HTTP specification says: 200 with an
// ExportTraceServiceResponse (partial success when spans were rejected) in the request's encoding; errors with a
// google.rpc.Status body; 400 malformed, 401, 413, 415, 429/503 with Retry-After when overloaded.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CollectorError } from '../errors.ts';
import type { IngestResult } from '../ingest/ingest.ts';
import { otlpTypes } from '../otlp/otlp-schema.ts';
import { bearerMatches } from './bearer.ts';
import type { BodyEncoding, DecodePool } from './decode-pool.ts';
import { readBody } from './read-body.ts';
import type { WriteQueue } from './write-queue.ts';

type Encoding = BodyEncoding;

export interface OtlpRouteOptions {
  queue: WriteQueue;
  decoder: DecodePool;
  maxBodyBytes: number;
  maxConcurrentRequests: number;
  ingestToken?: string;
  /** Called with the decoded body of every request that was stored (forwarding). */
  onAccepted?: (body: Buffer, contentType: string, result: IngestResult) => void;
  /** Called for every refused request (counters). */
  onRefused?: (error: CollectorError) => void;
}

/** gRPC status codes for google.rpc.Status bodies. */
const grpcCodes: Record<number, number> = { 400: 3, 401: 16, 404: 5, 405: 12, 413: 3, 415: 3, 429: 8, 500: 13, 503: 14 };

/**
 * Creates the handler for `POST /v1/traces`.
 *
 * @example
 * const handle = createOtlpRoute({ queue, decoder, maxBodyBytes: 16 << 20, maxConcurrentRequests: 64 });
 * http.createServer((req, res) => handle(req, res));
 */
export function createOtlpRoute(options: OtlpRouteOptions): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  let inFlight = 0;
  return async (request, response) => {
    const contentType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    const encoding: Encoding | undefined =
      contentType === 'application/x-protobuf' || contentType === 'application/protobuf'
        ? 'protobuf'
        : contentType === 'application/json'
          ? 'json'
          : undefined;
    inFlight += 1;
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
      if (inFlight > options.maxConcurrentRequests) {
        throw new CollectorError('too_many_requests', `more than ${options.maxConcurrentRequests} export requests in progress; retry later`, {
          retryAfterSeconds: 1,
        });
      }
      const body = await readBody(request, options.maxBodyBytes);
      const batch = await options.decoder.prepare(body, encoding);
      const result = await options.queue.enqueue(batch);
      options.onAccepted?.(body, contentType, result);
      sendExportResponse(response, encoding, result);
    } catch (error) {
      const failure = CollectorError.isInstance(error)
        ? error
        : // Storage failing (disk full, database locked) is the server's trouble: 503 tells exporters to retry.
          new CollectorError('unavailable', `could not store the spans: ${(error as Error).message}`, { cause: error, retryAfterSeconds: 1 });
      options.onRefused?.(failure);
      sendStatus(request, response, encoding ?? 'json', failure);
    } finally {
      inFlight -= 1;
    }
  };
}

function sendExportResponse(response: ServerResponse, encoding: Encoding, result: IngestResult): void {
  const partialSuccess =
    result.rejectedSpans > 0 ? { rejectedSpans: result.rejectedSpans, errorMessage: result.errorMessage } : undefined;
  if (encoding === 'protobuf') {
    const message = otlpTypes.exportTraceServiceResponse.fromObject(partialSuccess ? { partialSuccess } : {});
    send(response, 200, 'application/x-protobuf', Buffer.from(otlpTypes.exportTraceServiceResponse.encode(message).finish()));
  } else {
    // Protobuf's JSON mapping writes int64 as a decimal string.
    const body = partialSuccess ? { partialSuccess: { ...partialSuccess, rejectedSpans: String(partialSuccess.rejectedSpans) } } : {};
    send(response, 200, 'application/json', Buffer.from(JSON.stringify(body)));
  }
}

function sendStatus(request: IncomingMessage, response: ServerResponse, encoding: Encoding, error: CollectorError): void {
  const status = error.status;
  if (error.retryAfterSeconds !== undefined) response.setHeader('retry-after', String(error.retryAfterSeconds));
  const rpcStatus = { code: grpcCodes[status] ?? 2, message: error.message };
  // The body may be unread (refused before reading): close the connection rather than read what we refused.
  if (!request.complete) response.setHeader('connection', 'close');
  if (encoding === 'protobuf') {
    send(response, status, 'application/x-protobuf', Buffer.from(otlpTypes.rpcStatus.encode(otlpTypes.rpcStatus.fromObject(rpcStatus)).finish()));
  } else {
    send(response, status, 'application/json', Buffer.from(JSON.stringify(rpcStatus)));
  }
  if (!request.complete) request.resume();
}

function send(response: ServerResponse, status: number, contentType: string, body: Buffer): void {
  if (response.headersSent) return;
  response.writeHead(status, { 'content-type': contentType, 'content-length': body.length });
  response.end(body);
}
