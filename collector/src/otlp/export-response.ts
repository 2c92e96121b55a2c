// The body of a successful OTLP export: an ExportTraceServiceResponse, with partial_success only when spans were
// rejected, in protobuf (HTTP and gRPC) or in OTLP/JSON.
import type { IngestResult } from '../ingest/ingest.ts';
import { otlpTypes } from './otlp-schema.ts';

/**
 * Protobuf bytes of the response.
 *
 * @example
 * response.end(exportResponseProtobuf(result));
 */
export function exportResponseProtobuf(result: IngestResult): Buffer {
  const type = otlpTypes.exportTraceServiceResponse;
  const message = type.fromObject(
    result.rejectedSpans > 0 ? { partialSuccess: { rejectedSpans: result.rejectedSpans, errorMessage: result.errorMessage } } : {},
  );
  return Buffer.from(type.encode(message).finish());
}

/**
 * OTLP/JSON text of the response (int64 as a decimal string, as protobuf's JSON mapping writes it).
 *
 * @example
 * response.end(exportResponseJson(result)); // '{}' when every span was accepted
 */
export function exportResponseJson(result: IngestResult): string {
  return JSON.stringify(
    result.rejectedSpans > 0 ? { partialSuccess: { rejectedSpans: String(result.rejectedSpans), errorMessage: result.errorMessage } } : {},
  );
}
