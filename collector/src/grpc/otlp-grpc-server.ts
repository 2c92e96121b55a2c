// OTLP/gRPC: the TraceService/Export method on its own port (4317 by convention), for SDKs whose default exporter
// speaks gRPC. grpc-js handles HTTP/2, framing and gzip; the request bytes go through the same receive step as
// OTLP/HTTP, and CollectorErrors map to the gRPC status codes the OTLP specification names.
import { Server, ServerCredentials, status, type sendUnaryData, type ServerUnaryCall, type ServiceDefinition } from '@grpc/grpc-js';
import { CollectorError, type CollectorErrorCode } from '../errors.ts';
import { exportResponseProtobuf } from '../otlp/export-response.ts';
import type { Admission } from '../http/admission.ts';
import { bearerMatches } from '../http/bearer.ts';
import type { ReceiveBatch } from '../http/receive-batch.ts';
import type { RequestLog } from '../http/request-log.ts';

const identity = (bytes: Buffer): Buffer => bytes;

/** The service with raw bytes in and out: protobufjs decodes, as for OTLP/HTTP. */
const traceService: ServiceDefinition = {
  Export: {
    path: '/opentelemetry.proto.collector.trace.v1.TraceService/Export',
    requestStream: false,
    responseStream: false,
    requestSerialize: identity,
    requestDeserialize: identity,
    responseSerialize: identity,
    responseDeserialize: identity,
  },
};

/** OTLP/gRPC: UNAVAILABLE and RESOURCE_EXHAUSTED are retryable, INVALID_ARGUMENT and UNAUTHENTICATED are not. */
const grpcStatus: Record<CollectorErrorCode, status> = {
  bad_request: status.INVALID_ARGUMENT,
  unauthorized: status.UNAUTHENTICATED,
  not_found: status.NOT_FOUND,
  method_not_allowed: status.UNIMPLEMENTED,
  payload_too_large: status.INVALID_ARGUMENT,
  unsupported_media_type: status.INVALID_ARGUMENT,
  too_many_requests: status.RESOURCE_EXHAUSTED,
  overloaded: status.UNAVAILABLE,
  unavailable: status.UNAVAILABLE,
  query_timeout: status.UNAVAILABLE,
  internal: status.INTERNAL,
};

export interface OtlpGrpcServer {
  port: number;
  close(): Promise<void>;
}

/**
 * Starts the gRPC receiver.
 *
 * @example
 * const grpc = await startOtlpGrpcServer({ host: '127.0.0.1', port: 4317, receive, admission, maxBodyBytes: 16 << 20 });
 * // OTEL_EXPORTER_OTLP_PROTOCOL=grpc OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:4317
 */
export async function startOtlpGrpcServer(options: {
  host: string;
  port: number;
  receive: ReceiveBatch;
  admission: Admission;
  maxBodyBytes: number;
  ingestToken?: string;
  onRefused?: (error: CollectorError) => void;
  /** Server-side failures (INTERNAL, UNAVAILABLE) are logged here with a request id, as OTLP/HTTP's 5xx are. */
  requestLog?: RequestLog;
}): Promise<OtlpGrpcServer> {
  const server = new Server({ 'grpc.max_receive_message_length': options.maxBodyBytes });
  server.addService(traceService, {
    Export(call: ServerUnaryCall<Buffer, Buffer>, callback: sendUnaryData<Buffer>) {
      void (async () => {
        let admitted = false;
        try {
          const authorization = call.metadata.get('authorization')[0];
          if (options.ingestToken !== undefined && !bearerMatches(typeof authorization === 'string' ? authorization : undefined, options.ingestToken)) {
            throw new CollectorError('unauthorized', 'missing or wrong bearer token (authorization: Bearer <HOTPATH_INGEST_TOKEN>)');
          }
          admitted = true;
          options.admission.enter();
          const result = await options.receive(call.request, 'protobuf', 'application/x-protobuf');
          callback(null, exportResponseProtobuf(result));
        } catch (error) {
          const failure = CollectorError.isInstance(error)
            ? error
            : new CollectorError('internal', `export failed: ${(error as Error).message}`, { cause: error });
          options.onRefused?.(failure);
          const requestId =
            failure.status >= 500 ? options.requestLog?.write({ method: 'gRPC', path: traceService.Export!.path, status: failure.status, error: failure }) : undefined;
          callback({ code: grpcStatus[failure.code], details: requestId === undefined ? failure.message : `${failure.message} (request id ${requestId})` });
        } finally {
          if (admitted) options.admission.leave();
        }
      })();
    },
  });
  const address = options.host.includes(':') ? `[${options.host}]:${options.port}` : `${options.host}:${options.port}`;
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(address, ServerCredentials.createInsecure(), (error, boundPort) => (error ? reject(error) : resolve(boundPort))),
  );
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.tryShutdown(() => resolve());
        // Calls still open after a grace period are cut, so close() cannot hang on a stuck client.
        setTimeout(() => server.forceShutdown(), 2_000).unref();
      }),
  };
}
