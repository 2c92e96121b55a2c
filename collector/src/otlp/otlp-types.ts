// The collector's decoded form of an OTLP trace export request: what both the protobuf and the JSON decoders
// produce and what `ingest` consumes. Ids are lowercase hex, timestamps lossless nanosecond strings, attribute
// values mapped to JSON (see any-value.ts).

import type { AttributeValue } from '../query/api-types.ts';

/** An attribute value as stored, defined once with the query API it is served by. */
export type { AttributeValue };

export type Attributes = Record<string, AttributeValue>;

export interface DecodedEvent {
  name: string;
  timeUnixNano: string;
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface DecodedLink {
  traceId: string;
  spanId: string;
  traceState: string;
  /** W3C trace flags in the low 8 bits; 0 when not sent (proto3 has no presence for it). */
  flags: number;
  attributes: Attributes;
  droppedAttributesCount: number;
}

export interface DecodedSpan {
  traceId: string;
  spanId: string;
  /** Empty string when the span is a root. */
  parentSpanId: string;
  traceState: string;
  /** W3C trace flags in the low 8 bits; 0 when not sent (proto3 has no presence for it). */
  flags: number;
  name: string;
  /** OTLP SpanKind: 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  attributes: Attributes;
  droppedAttributesCount: number;
  events: DecodedEvent[];
  droppedEventsCount: number;
  links: DecodedLink[];
  droppedLinksCount: number;
  /** OTLP StatusCode: 0 unset, 1 ok, 2 error. */
  status: { code: number; message: string };
}

export interface DecodedScopeSpans {
  scope: { name: string; version: string; attributes: Attributes; droppedAttributesCount: number };
  schemaUrl: string;
  spans: DecodedSpan[];
}

export interface DecodedResourceSpans {
  resource: { attributes: Attributes; droppedAttributesCount: number };
  schemaUrl: string;
  scopeSpans: DecodedScopeSpans[];
}

/** A decoded `ExportTraceServiceRequest`. */
export interface TraceExportRequest {
  resourceSpans: DecodedResourceSpans[];
}
