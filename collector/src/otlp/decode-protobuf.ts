// OTLP/protobuf → TraceExportRequest. protobufjs parses the bytes; this file only maps its message objects
// (Long for 64-bit integers, Uint8Array for bytes) to the collector's decoded form.
import protobuf from 'protobufjs';
import { CollectorError } from '../errors.ts';
import { depthLimitMessage, maxAttributeDepth } from './attribute-depth.ts';
import { otlpTypes } from './otlp-schema.ts';
import type {
  AttributeValue,
  Attributes,
  DecodedEvent,
  DecodedLink,
  DecodedResourceSpans,
  DecodedSpan,
  TraceExportRequest,
} from './otlp-types.ts';

type LongLike = { low: number; high: number; unsigned: boolean; toString(): string };
type Int64 = number | LongLike | null | undefined;

interface PbAnyValue {
  value?: string;
  stringValue?: string;
  boolValue?: boolean;
  intValue?: Int64;
  doubleValue?: number;
  arrayValue?: { values?: PbAnyValue[] };
  kvlistValue?: { values?: PbKeyValue[] };
  bytesValue?: Uint8Array;
}
interface PbKeyValue {
  key: string;
  value?: PbAnyValue | null;
}
interface PbSpan {
  traceId: Uint8Array;
  spanId: Uint8Array;
  traceState: string;
  parentSpanId: Uint8Array;
  flags?: number;
  name: string;
  kind: number;
  startTimeUnixNano: Int64;
  endTimeUnixNano: Int64;
  attributes: PbKeyValue[];
  droppedAttributesCount: number;
  events: { timeUnixNano: Int64; name: string; attributes: PbKeyValue[]; droppedAttributesCount: number }[];
  droppedEventsCount: number;
  links: {
    traceId: Uint8Array;
    spanId: Uint8Array;
    traceState: string;
    attributes: PbKeyValue[];
    droppedAttributesCount: number;
    flags?: number;
  }[];
  droppedLinksCount: number;
  status?: { code: number; message: string } | null;
}
interface PbRequest {
  resourceSpans: {
    resource?: { attributes: PbKeyValue[]; droppedAttributesCount: number } | null;
    schemaUrl: string;
    scopeSpans: {
      scope?: { name: string; version: string; attributes: PbKeyValue[]; droppedAttributesCount: number } | null;
      schemaUrl: string;
      spans: PbSpan[];
    }[];
  }[];
}

/**
 * Decodes an OTLP/protobuf `ExportTraceServiceRequest` body.
 *
 * @throws CollectorError `bad_request` naming what protobufjs could not read.
 * @example
 * const request = decodeProtobufTraces(body); // body: the (gunzipped) request bytes
 */
export function decodeProtobufTraces(body: Uint8Array): TraceExportRequest {
  let message: PbRequest;
  // protobufjs reads strings natively only from a Buffer; a plain Uint8Array (what a worker thread receives) takes
  // its JavaScript UTF-8 decoder, measured several times slower. The view shares the bytes, nothing is copied.
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  try {
    message = otlpTypes.exportTraceServiceRequest.decode(bytes) as unknown as PbRequest;
  } catch (error) {
    const detail = error instanceof protobuf.util.ProtocolError || error instanceof Error ? error.message : String(error);
    // protobufjs stops at otlp-schema's message depth, which only values beyond the attribute limit reach.
    if (detail === 'maximum nesting depth exceeded') {
      throw new CollectorError('bad_request', `malformed OTLP/protobuf ExportTraceServiceRequest: ${depthLimitMessage}`, { cause: error });
    }
    throw new CollectorError('bad_request', `malformed OTLP/protobuf ExportTraceServiceRequest: ${detail}`, {
      cause: error,
    });
  }
  return {
    resourceSpans: message.resourceSpans.map(
      (resourceSpans): DecodedResourceSpans => ({
        resource: {
          attributes: attributesOf(resourceSpans.resource?.attributes),
          droppedAttributesCount: resourceSpans.resource?.droppedAttributesCount ?? 0,
        },
        schemaUrl: resourceSpans.schemaUrl,
        scopeSpans: resourceSpans.scopeSpans.map((scopeSpans) => ({
          scope: {
            name: scopeSpans.scope?.name ?? '',
            version: scopeSpans.scope?.version ?? '',
            attributes: attributesOf(scopeSpans.scope?.attributes),
            droppedAttributesCount: scopeSpans.scope?.droppedAttributesCount ?? 0,
          },
          schemaUrl: scopeSpans.schemaUrl,
          spans: scopeSpans.spans.map(spanOf),
        })),
      }),
    ),
  };
}

function spanOf(span: PbSpan): DecodedSpan {
  return {
    traceId: hex(span.traceId),
    spanId: hex(span.spanId),
    parentSpanId: hex(span.parentSpanId),
    traceState: span.traceState,
    flags: span.flags ?? 0,
    name: span.name,
    kind: span.kind,
    startTimeUnixNano: uint64String(span.startTimeUnixNano),
    endTimeUnixNano: uint64String(span.endTimeUnixNano),
    attributes: attributesOf(span.attributes),
    droppedAttributesCount: span.droppedAttributesCount,
    events: span.events.map(
      (event): DecodedEvent => ({
        name: event.name,
        timeUnixNano: uint64String(event.timeUnixNano),
        attributes: attributesOf(event.attributes),
        droppedAttributesCount: event.droppedAttributesCount,
      }),
    ),
    droppedEventsCount: span.droppedEventsCount,
    links: span.links.map(
      (link): DecodedLink => ({
        traceId: hex(link.traceId),
        spanId: hex(link.spanId),
        traceState: link.traceState,
        flags: link.flags ?? 0,
        attributes: attributesOf(link.attributes),
        droppedAttributesCount: link.droppedAttributesCount,
      }),
    ),
    droppedLinksCount: span.droppedLinksCount,
    status: { code: span.status?.code ?? 0, message: span.status?.message ?? '' },
  };
}

function hex(bytes: Uint8Array | undefined): string {
  if (!bytes || bytes.length === 0) return '';
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('hex');
}

function uint64String(value: Int64): string {
  if (value === null || value === undefined) return '0';
  if (typeof value === 'number') return String(value);
  // Long.toString() divides in 16-bit pieces (slow on every timestamp). fixed64 is unsigned, so split
  // high × 2^32 + low as high × 4294 × 10^6 + (high × 967296 + low): both parts stay exact doubles.
  const high = value.high >>> 0;
  const rest = high * 967296 + (value.low >>> 0);
  const millions = high * 4294 + Math.floor(rest / 1e6);
  const units = rest % 1e6;
  return millions === 0 ? String(units) : `${millions}${String(units).padStart(6, '0')}`;
}

/** `depth`: the nesting level of the values in this list (1 for a span's own attributes). */
function attributesOf(list: PbKeyValue[] | undefined, depth = 1): Attributes {
  const attributes: Attributes = {};
  if (!list) return attributes;
  for (const { key, value } of list) attributes[key] = anyValueOf(value, depth);
  return attributes;
}

function anyValueOf(value: PbAnyValue | null | undefined, depth: number): AttributeValue {
  if (!value) return null;
  if (depth > maxAttributeDepth) throw new CollectorError('bad_request', `malformed OTLP/protobuf ExportTraceServiceRequest: ${depthLimitMessage}`);
  // protobufjs sets the oneof's virtual `value` property to the name of the field that is present.
  switch (value.value) {
    case 'stringValue':
      return value.stringValue ?? '';
    case 'boolValue':
      return value.boolValue ?? false;
    case 'intValue':
      return int64Value(value.intValue);
    case 'doubleValue': {
      const double = value.doubleValue ?? 0;
      // JSON cannot hold NaN or ±Infinity as numbers; keep them as the protobuf JSON mapping spells them.
      return Number.isFinite(double) ? double : String(double);
    }
    case 'arrayValue':
      return (value.arrayValue?.values ?? []).map((item) => anyValueOf(item, depth + 1));
    case 'kvlistValue':
      return attributesOf(value.kvlistValue?.values, depth + 1);
    case 'bytesValue':
      return value.bytesValue ? Buffer.from(value.bytesValue).toString('base64') : '';
    default:
      return null;
  }
}

/** int64 as a JSON number when exact, else as its decimal string so nothing is rounded. */
function int64Value(value: Int64): number | string {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'number') return value;
  const asNumber = value.high * 4294967296 + (value.low >>> 0);
  return Number.isSafeInteger(asNumber) ? asNumber : value.toString();
}
