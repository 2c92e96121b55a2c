// OTLP/protobuf → TraceExportRequest, read straight from the request bytes.
//
// Why a hand-written reader rather than protobufjs (which still encodes responses and test fixtures, otlp-schema.ts):
// protobufjs decodes into its own message objects first — a Long object for every 64-bit timestamp, a wrapper per
// attribute value, a `value` oneof virtual per AnyValue — which this file then walked again to build the collector's
// decoded form. On the ingest benchmark that double pass was the largest single cost of a request (about 19 ms of CPU
// per 1,000 spans, more than the SQLite inserts). Reading the wire format directly builds each span once: ids become
// hex from their bytes, fixed64 times become decimal strings without a Long, and attribute values are read in place.
// The wire format is small (varints, fixed32/64, length-delimited fields); the field numbers follow
// opentelemetry-proto v1 as listed in otlp-schema.ts. Unknown fields (newer proto versions) are skipped as protobuf
// requires, groups included; anything that runs past its end is a 400.
import { CollectorError } from '../errors.ts';
import { depthLimitMessage, maxAttributeDepth } from './attribute-depth.ts';
import type {
  AttributeValue,
  Attributes,
  DecodedEvent,
  DecodedLink,
  DecodedResourceSpans,
  DecodedScopeSpans,
  DecodedSpan,
  TraceExportRequest,
} from './otlp-types.ts';

const varintType = 0;
const fixed64Type = 1;
const lengthType = 2;
const startGroupType = 3;
const endGroupType = 4;
const fixed32Type = 5;

/**
 * Buffer's own slice decoders (what `toString(encoding, start, end)` ends in), called directly: `toString` first
 * normalises its arguments and looks the encoding up, which measured as costly as the decoding of a short string.
 */
type NativeSlices = Buffer & {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
  hexSlice(start: number, end: number): string;
  base64Slice(start: number, end: number): string;
};

/** Attribute keys up to this length are looked up in {@link recurring} (longer ones are rare and rarely repeat). */
const maxRecurringLength = 64;
const recurringSlots = 1024;
/** The last string read for each hash slot (ASCII only, so its characters are its bytes). */
const recurring: (string | undefined)[] = new Array<string | undefined>(recurringSlots).fill(undefined);

function malformed(detail: string): CollectorError {
  return new CollectorError('bad_request', `malformed OTLP/protobuf ExportTraceServiceRequest: ${detail}`);
}

/**
 * A cursor over the request bytes. Every read checks its end against the enclosing message's end, so a length that
 * points past it is a 400, never a read beyond the buffer.
 */
class WireReader {
  position = 0;
  /** The low and high 32 bits of the last varint64 read by {@link varint64}. */
  low = 0;
  high = 0;

  constructor(readonly bytes: Buffer) {}

  /** A varint of up to 32 bits (tags, lengths, enums, counts); the bits beyond are read and dropped, as protobuf does. */
  varint32(end: number): number {
    const bytes = this.bytes;
    let position = this.position;
    let value = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      if (position >= end) throw malformed(`a varint runs past the end of its message at byte ${position}`);
      const byte = bytes[position++]!;
      if (shift < 32) value |= (byte & 0x7f) << shift;
      if (byte < 0x80) {
        this.position = position;
        return value;
      }
    }
    throw malformed(`a varint is longer than 10 bytes at byte ${this.position}`);
  }

  /** A varint of up to 64 bits, left in {@link low} and {@link high} (signed two's complement halves). */
  varint64(end: number): void {
    const bytes = this.bytes;
    let position = this.position;
    let low = 0;
    let high = 0;
    for (let shift = 0; shift < 70; shift += 7) {
      if (position >= end) throw malformed(`a varint runs past the end of its message at byte ${position}`);
      const byte = bytes[position++]!;
      const bits = byte & 0x7f;
      if (shift < 28) low |= bits << shift;
      else if (shift === 28) {
        low |= bits << 28;
        high |= bits >>> 4;
      } else if (shift < 64) high |= bits << (shift - 32);
      if (byte < 0x80) {
        this.position = position;
        this.low = low;
        this.high = high;
        return;
      }
    }
    throw malformed(`a varint is longer than 10 bytes at byte ${this.position}`);
  }

  /** The end of a length-delimited field starting here (its length read). */
  lengthEnd(end: number): number {
    const length = this.varint32(end) >>> 0;
    const fieldEnd = this.position + length;
    if (fieldEnd > end) throw malformed(`a field of ${length} bytes runs past the end of its message at byte ${this.position}`);
    return fieldEnd;
  }

  string(end: number): string {
    const fieldEnd = this.lengthEnd(end);
    const start = this.position;
    this.position = fieldEnd;
    return fieldEnd === start ? '' : (this.bytes as NativeSlices).utf8Slice(start, fieldEnd);
  }

  /**
   * A string that recurs from span to span (attribute keys): the same string object as the last time these bytes
   * were read, when they were. Reusing it spares the native call and lets V8 find the property key it already knows.
   */
  recurringString(end: number): string {
    const fieldEnd = this.lengthEnd(end);
    const start = this.position;
    this.position = fieldEnd;
    const length = fieldEnd - start;
    const bytes = this.bytes;
    if (length > maxRecurringLength) return (bytes as NativeSlices).utf8Slice(start, fieldEnd);
    let hash = length;
    for (let index = start; index < fieldEnd; index++) {
      const byte = bytes[index]!;
      if (byte >= 0x80) return (bytes as NativeSlices).utf8Slice(start, fieldEnd);
      hash = (Math.imul(hash, 31) + byte) | 0;
    }
    const slot = hash & (recurringSlots - 1);
    const cached = recurring[slot];
    if (cached !== undefined && cached.length === length) {
      let index = 0;
      while (index < length && cached.charCodeAt(index) === bytes[start + index]) index++;
      if (index === length) return cached;
    }
    const text = (bytes as NativeSlices).latin1Slice(start, fieldEnd);
    recurring[slot] = text;
    return text;
  }

  /** A bytes field as lowercase hex (ids), empty when absent or empty. */
  hex(end: number): string {
    const fieldEnd = this.lengthEnd(end);
    const start = this.position;
    this.position = fieldEnd;
    return fieldEnd === start ? '' : (this.bytes as NativeSlices).hexSlice(start, fieldEnd);
  }

  fixed32(end: number): number {
    if (this.position + 4 > end) throw malformed(`a fixed32 runs past the end of its message at byte ${this.position}`);
    const value = this.bytes.readUInt32LE(this.position);
    this.position += 4;
    return value;
  }

  /** An unsigned fixed64 as its exact decimal string (timestamps in nanoseconds). */
  fixed64String(end: number): string {
    if (this.position + 8 > end) throw malformed(`a fixed64 runs past the end of its message at byte ${this.position}`);
    const low = this.bytes.readUInt32LE(this.position);
    const high = this.bytes.readUInt32LE(this.position + 4);
    this.position += 8;
    return uint64String(low, high);
  }

  double(end: number): number {
    if (this.position + 8 > end) throw malformed(`a double runs past the end of its message at byte ${this.position}`);
    const value = this.bytes.readDoubleLE(this.position);
    this.position += 8;
    return value;
  }

  /** Skips a field of an unknown number (or an unexpected wire type), groups included, without recursion. */
  skip(wireType: number, end: number): void {
    let openGroups = 0;
    for (;;) {
      switch (wireType) {
        case varintType:
          this.varint64(end);
          break;
        case fixed64Type:
          if (this.position + 8 > end) throw malformed(`a field runs past the end of its message at byte ${this.position}`);
          this.position += 8;
          break;
        case lengthType:
          this.position = this.lengthEnd(end);
          break;
        case startGroupType:
          openGroups += 1;
          break;
        case endGroupType:
          if (openGroups === 0) throw malformed(`an unexpected end of group at byte ${this.position}`);
          openGroups -= 1;
          break;
        case fixed32Type:
          if (this.position + 4 > end) throw malformed(`a field runs past the end of its message at byte ${this.position}`);
          this.position += 4;
          break;
        default:
          throw malformed(`invalid wire type ${wireType} at byte ${this.position}`);
      }
      if (openGroups === 0) return;
      const tag = this.varint32(end);
      wireType = tag & 7;
    }
  }
}

/**
 * Decodes an OTLP/protobuf `ExportTraceServiceRequest` body.
 *
 * @throws CollectorError `bad_request` naming what could not be read, or the attribute depth limit.
 * @example
 * const request = decodeProtobufTraces(body); // body: the (gunzipped) request bytes
 */
export function decodeProtobufTraces(body: Uint8Array): TraceExportRequest {
  // A Buffer view of the same bytes (a worker thread receives a plain Uint8Array): Buffer's native UTF-8 and hex
  // decoding is what makes strings and ids cheap. Nothing is copied.
  const bytes = Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  const reader = new WireReader(bytes);
  const end = bytes.length;
  const resourceSpans: DecodedResourceSpans[] = [];
  while (reader.position < end) {
    const tag = reader.varint32(end);
    if (tag >>> 3 === 1 && (tag & 7) === lengthType) resourceSpans.push(resourceSpansOf(reader, reader.lengthEnd(end)));
    else reader.skip(tag & 7, end);
  }
  return { resourceSpans };
}

function resourceSpansOf(reader: WireReader, end: number): DecodedResourceSpans {
  const resourceSpans: DecodedResourceSpans = { resource: { attributes: {}, droppedAttributesCount: 0 }, schemaUrl: '', scopeSpans: [] };
  while (reader.position < end) {
    const tag = reader.varint32(end);
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        if (wireType !== lengthType) break;
        resourceSpans.resource = resourceOf(reader, reader.lengthEnd(end));
        continue;
      case 2:
        if (wireType !== lengthType) break;
        resourceSpans.scopeSpans.push(scopeSpansOf(reader, reader.lengthEnd(end)));
        continue;
      case 3:
        if (wireType !== lengthType) break;
        resourceSpans.schemaUrl = reader.string(end);
        continue;
    }
    reader.skip(wireType, end);
  }
  return resourceSpans;
}

function resourceOf(reader: WireReader, end: number): DecodedResourceSpans['resource'] {
  const resource: DecodedResourceSpans['resource'] = { attributes: {}, droppedAttributesCount: 0 };
  while (reader.position < end) {
    const tag = reader.varint32(end);
    const wireType = tag & 7;
    if (tag >>> 3 === 1 && wireType === lengthType) keyValueInto(resource.attributes, reader, reader.lengthEnd(end), 1);
    else if (tag >>> 3 === 2 && wireType === varintType) resource.droppedAttributesCount = reader.varint32(end) >>> 0;
    else reader.skip(wireType, end);
  }
  return resource;
}

function scopeSpansOf(reader: WireReader, end: number): DecodedScopeSpans {
  const scopeSpans: DecodedScopeSpans = { scope: { name: '', version: '', attributes: {}, droppedAttributesCount: 0 }, schemaUrl: '', spans: [] };
  while (reader.position < end) {
    const tag = reader.varint32(end);
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        if (wireType !== lengthType) break;
        scopeSpans.scope = scopeOf(reader, reader.lengthEnd(end));
        continue;
      case 2:
        if (wireType !== lengthType) break;
        scopeSpans.spans.push(spanOf(reader, reader.lengthEnd(end)));
        continue;
      case 3:
        if (wireType !== lengthType) break;
        scopeSpans.schemaUrl = reader.string(end);
        continue;
    }
    reader.skip(wireType, end);
  }
  return scopeSpans;
}

function scopeOf(reader: WireReader, end: number): DecodedScopeSpans['scope'] {
  const scope: DecodedScopeSpans['scope'] = { name: '', version: '', attributes: {}, droppedAttributesCount: 0 };
  while (reader.position < end) {
    const tag = reader.varint32(end);
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        if (wireType !== lengthType) break;
        scope.name = reader.string(end);
        continue;
      case 2:
        if (wireType !== lengthType) break;
        scope.version = reader.string(end);
        continue;
      case 3:
        if (wireType !== lengthType) break;
        keyValueInto(scope.attributes, reader, reader.lengthEnd(end), 1);
        continue;
      case 4:
        if (wireType !== varintType) break;
        scope.droppedAttributesCount = reader.varint32(end) >>> 0;
        continue;
    }
    reader.skip(wireType, end);
  }
  return scope;
}

function spanOf(reader: WireReader, end: number): DecodedSpan {
  // Every property in its final order and type from the start: one object shape for every span.
  const span: DecodedSpan = {
    traceId: '',
    spanId: '',
    parentSpanId: '',
    traceState: '',
    flags: 0,
    name: '',
    kind: 0,
    startTimeUnixNano: '0',
    endTimeUnixNano: '0',
    attributes: {},
    droppedAttributesCount: 0,
    events: [],
    droppedEventsCount: 0,
    links: [],
    droppedLinksCount: 0,
    status: { code: 0, message: '' },
  };
  while (reader.position < end) {
    const tag = reader.varint32(end);
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        if (wireType !== lengthType) break;
        span.traceId = reader.hex(end);
        continue;
      case 2:
        if (wireType !== lengthType) break;
        span.spanId = reader.hex(end);
        continue;
      case 3:
        if (wireType !== lengthType) break;
        span.traceState = reader.string(end);
        continue;
      case 4:
        if (wireType !== lengthType) break;
        span.parentSpanId = reader.hex(end);
        continue;
      case 5:
        if (wireType !== lengthType) break;
        span.name = reader.string(end);
        continue;
      case 6:
        if (wireType !== varintType) break;
        span.kind = reader.varint32(end) | 0;
        continue;
      case 7:
        if (wireType !== fixed64Type) break;
        span.startTimeUnixNano = reader.fixed64String(end);
        continue;
      case 8:
        if (wireType !== fixed64Type) break;
        span.endTimeUnixNano = reader.fixed64String(end);
        continue;
      case 9:
        if (wireType !== lengthType) break;
        keyValueInto(span.attributes, reader, reader.lengthEnd(end), 1);
        continue;
      case 10:
        if (wireType !== varintType) break;
        span.droppedAttributesCount = reader.varint32(end) >>> 0;
        continue;
      case 11:
        if (wireType !== lengthType) break;
        span.events.push(eventOf(reader, reader.lengthEnd(end)));
        continue;
      case 12:
        if (wireType !== varintType) break;
        span.droppedEventsCount = reader.varint32(end) >>> 0;
        continue;
      case 13:
        if (wireType !== lengthType) break;
        span.links.push(linkOf(reader, reader.lengthEnd(end)));
        continue;
      case 14:
        if (wireType !== varintType) break;
        span.droppedLinksCount = reader.varint32(end) >>> 0;
        continue;
      case 15:
        if (wireType !== lengthType) break;
        span.status = statusOf(reader, reader.lengthEnd(end));
        continue;
      case 16:
        if (wireType !== fixed32Type) break;
        span.flags = reader.fixed32(end);
        continue;
    }
    reader.skip(wireType, end);
  }
  return span;
}

function statusOf(reader: WireReader, end: number): DecodedSpan['status'] {
  const status = { code: 0, message: '' };
  while (reader.position < end) {
    const tag = reader.varint32(end);
    const wireType = tag & 7;
    if (tag >>> 3 === 2 && wireType === lengthType) status.message = reader.string(end);
    else if (tag >>> 3 === 3 && wireType === varintType) status.code = reader.varint32(end) | 0;
    else reader.skip(wireType, end);
  }
  return status;
}

function eventOf(reader: WireReader, end: number): DecodedEvent {
  const event: DecodedEvent = { name: '', timeUnixNano: '0', attributes: {}, droppedAttributesCount: 0 };
  while (reader.position < end) {
    const tag = reader.varint32(end);
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        if (wireType !== fixed64Type) break;
        event.timeUnixNano = reader.fixed64String(end);
        continue;
      case 2:
        if (wireType !== lengthType) break;
        event.name = reader.string(end);
        continue;
      case 3:
        if (wireType !== lengthType) break;
        keyValueInto(event.attributes, reader, reader.lengthEnd(end), 1);
        continue;
      case 4:
        if (wireType !== varintType) break;
        event.droppedAttributesCount = reader.varint32(end) >>> 0;
        continue;
    }
    reader.skip(wireType, end);
  }
  return event;
}

function linkOf(reader: WireReader, end: number): DecodedLink {
  const link: DecodedLink = { traceId: '', spanId: '', traceState: '', flags: 0, attributes: {}, droppedAttributesCount: 0 };
  while (reader.position < end) {
    const tag = reader.varint32(end);
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        if (wireType !== lengthType) break;
        link.traceId = reader.hex(end);
        continue;
      case 2:
        if (wireType !== lengthType) break;
        link.spanId = reader.hex(end);
        continue;
      case 3:
        if (wireType !== lengthType) break;
        link.traceState = reader.string(end);
        continue;
      case 4:
        if (wireType !== lengthType) break;
        keyValueInto(link.attributes, reader, reader.lengthEnd(end), 1);
        continue;
      case 5:
        if (wireType !== varintType) break;
        link.droppedAttributesCount = reader.varint32(end) >>> 0;
        continue;
      case 6:
        if (wireType !== fixed32Type) break;
        link.flags = reader.fixed32(end);
        continue;
    }
    reader.skip(wireType, end);
  }
  return link;
}

/** One KeyValue message into `attributes`; `depth` is the nesting level of its value (1 for a span's own attributes). */
function keyValueInto(attributes: Attributes, reader: WireReader, end: number, depth: number): void {
  let key = '';
  let value: AttributeValue = null;
  while (reader.position < end) {
    const tag = reader.varint32(end);
    const wireType = tag & 7;
    if (tag >>> 3 === 1 && wireType === lengthType) key = reader.recurringString(end);
    else if (tag >>> 3 === 2 && wireType === lengthType) value = anyValueOf(reader, reader.lengthEnd(end), depth);
    else reader.skip(wireType, end);
  }
  attributes[key] = value;
}

function anyValueOf(reader: WireReader, end: number, depth: number): AttributeValue {
  if (depth > maxAttributeDepth) throw malformed(depthLimitMessage);
  // A oneof: the last member read wins, as protobuf says. An AnyValue with none set is null.
  let value: AttributeValue = null;
  while (reader.position < end) {
    const tag = reader.varint32(end);
    const wireType = tag & 7;
    switch (tag >>> 3) {
      case 1:
        if (wireType !== lengthType) break;
        value = reader.string(end);
        continue;
      case 2:
        if (wireType !== varintType) break;
        reader.varint64(end);
        value = reader.low !== 0 || reader.high !== 0;
        continue;
      case 3:
        if (wireType !== varintType) break;
        reader.varint64(end);
        value = int64Value(reader.low, reader.high);
        continue;
      case 4: {
        if (wireType !== fixed64Type) break;
        const double = reader.double(end);
        // JSON cannot hold NaN or ±Infinity as numbers; keep them as the protobuf JSON mapping spells them.
        value = Number.isFinite(double) ? double : String(double);
        continue;
      }
      case 5: {
        if (wireType !== lengthType) break;
        const arrayEnd = reader.lengthEnd(end);
        const items: AttributeValue[] = [];
        while (reader.position < arrayEnd) {
          const itemTag = reader.varint32(arrayEnd);
          if (itemTag >>> 3 === 1 && (itemTag & 7) === lengthType) items.push(anyValueOf(reader, reader.lengthEnd(arrayEnd), depth + 1));
          else reader.skip(itemTag & 7, arrayEnd);
        }
        value = items;
        continue;
      }
      case 6: {
        if (wireType !== lengthType) break;
        const listEnd = reader.lengthEnd(end);
        const entries: Attributes = {};
        while (reader.position < listEnd) {
          const entryTag = reader.varint32(listEnd);
          if (entryTag >>> 3 === 1 && (entryTag & 7) === lengthType) keyValueInto(entries, reader, reader.lengthEnd(listEnd), depth + 1);
          else reader.skip(entryTag & 7, listEnd);
        }
        value = entries;
        continue;
      }
      case 7: {
        if (wireType !== lengthType) break;
        const bytesEnd = reader.lengthEnd(end);
        value = (reader.bytes as NativeSlices).base64Slice(reader.position, bytesEnd);
        reader.position = bytesEnd;
        continue;
      }
    }
    reader.skip(wireType, end);
  }
  return value;
}

/**
 * An unsigned 64-bit integer from its 32-bit halves as an exact decimal string, without BigInt or Long: split
 * high × 2^32 + low as high × 4294 × 10^6 + (high × 967296 + low), both parts exact doubles.
 */
function uint64String(low: number, high: number): string {
  if (high === 0) return String(low);
  const rest = high * 967296 + low;
  let millions = high * 4294 + Math.floor(rest / 1e6);
  let units = rest % 1e6;
  // Digits written from the end into a scratch buffer and read as one string: a third of the cost of formatting
  // two numbers and joining them (this runs for every timestamp).
  let at = uint64Digits.length;
  for (let count = 0; count < 6; count++) {
    const next = Math.floor(units / 10);
    uint64Digits[--at] = 0x30 + units - next * 10;
    units = next;
  }
  do {
    const next = Math.floor(millions / 10);
    uint64Digits[--at] = 0x30 + millions - next * 10;
    millions = next;
  } while (millions > 0);
  return uint64Digits.latin1Slice(at, uint64Digits.length);
}

/** 2^64 has 20 digits. */
const uint64Digits = Buffer.alloc(20) as NativeSlices;

/** int64 as a JSON number when exact, else as its decimal string so nothing is rounded. */
function int64Value(low: number, high: number): number | string {
  const asNumber = high * 4294967296 + (low >>> 0);
  if (Number.isSafeInteger(asNumber)) return asNumber;
  return BigInt.asIntN(64, (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0)).toString();
}
