// OTLP/JSON → TraceExportRequest. JSON.parse reads the text; this file applies the OTLP/JSON mapping rules:
// trace and span ids are hex (not base64), 64-bit integers arrive as strings or numbers, enums as integers
// (names are accepted too), field names in lowerCamelCase or the original snake_case. Anything of the wrong
// shape is a 400 whose message names the path, e.g. `resourceSpans[0].scopeSpans[0].spans[2].startTimeUnixNano`.
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

type JsonObject = Record<string, unknown>;

const spanKinds: Record<string, number> = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5,
};
const statusCodes: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

/**
 * Decodes an OTLP/JSON `ExportTraceServiceRequest` body.
 *
 * @throws CollectorError `bad_request` saying what was wrong and where.
 * @example
 * decodeJsonTraces('{"resourceSpans":[]}'); // → { resourceSpans: [] }
 */
export function decodeJsonTraces(text: string): TraceExportRequest {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new CollectorError('bad_request', `malformed OTLP/JSON: ${(error as Error).message}`, { cause: error });
  }
  const root = object(parsed, '(body)');
  return {
    resourceSpans: list(field(root, 'resourceSpans', 'resource_spans'), 'resourceSpans').map((item, index) =>
      resourceSpansOf(item, `resourceSpans[${index}]`),
    ),
  };
}

function resourceSpansOf(value: unknown, path: string): DecodedResourceSpans {
  const source = object(value, path);
  const resource = optionalObject(field(source, 'resource'), `${path}.resource`);
  return {
    resource: {
      attributes: attributesOf(resource && field(resource, 'attributes'), `${path}.resource.attributes`),
      droppedAttributesCount: uint32(
        resource && field(resource, 'droppedAttributesCount', 'dropped_attributes_count'),
        `${path}.resource.droppedAttributesCount`,
      ),
    },
    schemaUrl: string(field(source, 'schemaUrl', 'schema_url'), `${path}.schemaUrl`),
    scopeSpans: list(field(source, 'scopeSpans', 'scope_spans'), `${path}.scopeSpans`).map((item, index) =>
      scopeSpansOf(item, `${path}.scopeSpans[${index}]`),
    ),
  };
}

function scopeSpansOf(value: unknown, path: string): DecodedScopeSpans {
  const source = object(value, path);
  const scope = optionalObject(field(source, 'scope'), `${path}.scope`);
  return {
    scope: {
      name: string(scope && field(scope, 'name'), `${path}.scope.name`),
      version: string(scope && field(scope, 'version'), `${path}.scope.version`),
      attributes: attributesOf(scope && field(scope, 'attributes'), `${path}.scope.attributes`),
      droppedAttributesCount: uint32(
        scope && field(scope, 'droppedAttributesCount', 'dropped_attributes_count'),
        `${path}.scope.droppedAttributesCount`,
      ),
    },
    schemaUrl: string(field(source, 'schemaUrl', 'schema_url'), `${path}.schemaUrl`),
    spans: list(field(source, 'spans'), `${path}.spans`).map((item, index) => spanOf(item, `${path}.spans[${index}]`)),
  };
}

function spanOf(value: unknown, path: string): DecodedSpan {
  const span = object(value, path);
  const status = optionalObject(field(span, 'status'), `${path}.status`);
  return {
    traceId: hexId(field(span, 'traceId', 'trace_id'), `${path}.traceId`),
    spanId: hexId(field(span, 'spanId', 'span_id'), `${path}.spanId`),
    parentSpanId: hexId(field(span, 'parentSpanId', 'parent_span_id'), `${path}.parentSpanId`),
    traceState: string(field(span, 'traceState', 'trace_state'), `${path}.traceState`),
    flags: uint32(field(span, 'flags'), `${path}.flags`),
    name: string(field(span, 'name'), `${path}.name`),
    kind: enumValue(field(span, 'kind'), spanKinds, `${path}.kind`),
    startTimeUnixNano: uint64(field(span, 'startTimeUnixNano', 'start_time_unix_nano'), `${path}.startTimeUnixNano`),
    endTimeUnixNano: uint64(field(span, 'endTimeUnixNano', 'end_time_unix_nano'), `${path}.endTimeUnixNano`),
    attributes: attributesOf(field(span, 'attributes'), `${path}.attributes`),
    droppedAttributesCount: uint32(
      field(span, 'droppedAttributesCount', 'dropped_attributes_count'),
      `${path}.droppedAttributesCount`,
    ),
    events: list(field(span, 'events'), `${path}.events`).map((item, index) => eventOf(item, `${path}.events[${index}]`)),
    droppedEventsCount: uint32(field(span, 'droppedEventsCount', 'dropped_events_count'), `${path}.droppedEventsCount`),
    links: list(field(span, 'links'), `${path}.links`).map((item, index) => linkOf(item, `${path}.links[${index}]`)),
    droppedLinksCount: uint32(field(span, 'droppedLinksCount', 'dropped_links_count'), `${path}.droppedLinksCount`),
    status: {
      code: enumValue(status && field(status, 'code'), statusCodes, `${path}.status.code`),
      message: string(status && field(status, 'message'), `${path}.status.message`),
    },
  };
}

function eventOf(value: unknown, path: string): DecodedEvent {
  const event = object(value, path);
  return {
    name: string(field(event, 'name'), `${path}.name`),
    timeUnixNano: uint64(field(event, 'timeUnixNano', 'time_unix_nano'), `${path}.timeUnixNano`),
    attributes: attributesOf(field(event, 'attributes'), `${path}.attributes`),
    droppedAttributesCount: uint32(
      field(event, 'droppedAttributesCount', 'dropped_attributes_count'),
      `${path}.droppedAttributesCount`,
    ),
  };
}

function linkOf(value: unknown, path: string): DecodedLink {
  const link = object(value, path);
  return {
    traceId: hexId(field(link, 'traceId', 'trace_id'), `${path}.traceId`),
    spanId: hexId(field(link, 'spanId', 'span_id'), `${path}.spanId`),
    traceState: string(field(link, 'traceState', 'trace_state'), `${path}.traceState`),
    flags: uint32(field(link, 'flags'), `${path}.flags`),
    attributes: attributesOf(field(link, 'attributes'), `${path}.attributes`),
    droppedAttributesCount: uint32(
      field(link, 'droppedAttributesCount', 'dropped_attributes_count'),
      `${path}.droppedAttributesCount`,
    ),
  };
}

/** `depth`: the nesting level of the values in this list (1 for a span's own attributes). */
function attributesOf(value: unknown, path: string, depth = 1): Attributes {
  const attributes: Attributes = {};
  list(value, path).forEach((item, index) => {
    const keyValue = object(item, `${path}[${index}]`);
    const key = field(keyValue, 'key');
    if (typeof key !== 'string') fail(`${path}[${index}].key`, 'a string', key);
    attributes[key] = anyValueOf(field(keyValue, 'value'), `${path}[${index}].value`, depth);
  });
  return attributes;
}

function anyValueOf(value: unknown, path: string, depth: number): AttributeValue {
  if (value === undefined || value === null) return null;
  if (depth > maxAttributeDepth) throw new CollectorError('bad_request', `malformed OTLP/JSON at ${shortPath(path)}: ${depthLimitMessage}`);
  const source = object(value, path);
  const stringValue = field(source, 'stringValue', 'string_value');
  if (stringValue !== undefined) return string(stringValue, `${path}.stringValue`);
  const boolValue = field(source, 'boolValue', 'bool_value');
  if (boolValue !== undefined) {
    if (typeof boolValue !== 'boolean') fail(`${path}.boolValue`, 'a boolean', boolValue);
    return boolValue;
  }
  const intValue = field(source, 'intValue', 'int_value');
  if (intValue !== undefined) return int64(intValue, `${path}.intValue`);
  const doubleValue = field(source, 'doubleValue', 'double_value');
  if (doubleValue !== undefined) return double(doubleValue, `${path}.doubleValue`);
  const arrayValue = field(source, 'arrayValue', 'array_value');
  if (arrayValue !== undefined) {
    const values = field(object(arrayValue, `${path}.arrayValue`), 'values');
    return list(values, `${path}.arrayValue.values`).map((item, index) =>
      anyValueOf(item, `${path}.arrayValue.values[${index}]`, depth + 1),
    );
  }
  const kvlistValue = field(source, 'kvlistValue', 'kvlist_value');
  if (kvlistValue !== undefined) {
    return attributesOf(field(object(kvlistValue, `${path}.kvlistValue`), 'values'), `${path}.kvlistValue.values`, depth + 1);
  }
  const bytesValue = field(source, 'bytesValue', 'bytes_value');
  if (bytesValue !== undefined) {
    if (typeof bytesValue !== 'string' || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(bytesValue)) {
      fail(`${path}.bytesValue`, 'a base64 string', bytesValue);
    }
    return Buffer.from(bytesValue, 'base64').toString('base64');
  }
  return null;
}

function field(source: JsonObject, camel: string, snake?: string): unknown {
  const value = source[camel];
  return value === undefined && snake !== undefined ? source[snake] : value;
}

function object(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(path, 'an object', value);
  return value as JsonObject;
}

function optionalObject(value: unknown, path: string): JsonObject | undefined {
  return value === undefined || value === null ? undefined : object(value, path);
}

function list(value: unknown, path: string): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) fail(path, 'an array', value);
  return value;
}

function string(value: unknown, path: string): string {
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') fail(path, 'a string', value);
  return value;
}

function hexId(value: unknown, path: string): string {
  const text = string(value, path);
  if (!/^[0-9a-fA-F]*$/.test(text) || text.length % 2 !== 0) fail(path, 'a hex-encoded id', value);
  return text.toLowerCase();
}

function uint64(value: unknown, path: string): string {
  if (value === undefined || value === null) return '0';
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return BigInt(value).toString();
  if (typeof value === 'string' && /^\d{1,20}$/.test(value)) {
    const parsed = BigInt(value);
    if (parsed < 2n ** 64n) return parsed.toString();
  }
  return fail(path, 'an unsigned 64-bit integer (number or decimal string)', value);
}

function int64(value: unknown, path: string): number | string {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d{1,19}$/.test(value)) {
    const parsed = BigInt(value);
    if (parsed >= -(2n ** 63n) && parsed < 2n ** 63n) {
      return Number.isSafeInteger(Number(parsed)) ? Number(parsed) : parsed.toString();
    }
  }
  return fail(path, 'a 64-bit integer (number or decimal string)', value);
}

function double(value: unknown, path: string): number | string {
  if (typeof value === 'number') return value;
  // Protobuf JSON spells non-finite doubles as strings; JSON cannot hold them as numbers, so they stay strings.
  if (value === 'NaN' || value === 'Infinity' || value === '-Infinity') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  return fail(path, 'a number', value);
}

function uint32(value: unknown, path: string): number {
  return optionalUint32(value, path) ?? 0;
}

function optionalUint32(value: unknown, path: string): number | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0xffffffff) return value;
  return fail(path, 'an unsigned 32-bit integer', value);
}

function enumValue(value: unknown, names: Record<string, number>, path: string): number {
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && names[value] !== undefined) return names[value];
  return fail(path, `an enum integer or one of ${Object.keys(names).join(', ')}`, value);
}

function fail(path: string, expected: string, got: unknown): never {
  throw new CollectorError('bad_request', `malformed OTLP/JSON at ${shortPath(path)}: expected ${expected}, got ${preview(got)}`);
}

/** A short description of a wrong value. Objects and arrays are not serialised: they may nest without end. */
function preview(got: unknown): string {
  if (Array.isArray(got)) return `an array of ${got.length}`;
  if (typeof got === 'object' && got !== null) return 'an object';
  const shown = typeof got === 'string' ? JSON.stringify(got.length > 60 ? got.slice(0, 60) : got) : String(got);
  return typeof got === 'string' && got.length > 60 ? `${shown}…` : shown;
}

/** Paths through deeply nested values grow with the depth: keep the start and the end. */
function shortPath(path: string): string {
  return path.length > 200 ? `${path.slice(0, 120)}…${path.slice(-60)}` : path;
}
