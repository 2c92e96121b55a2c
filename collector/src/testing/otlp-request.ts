// Builds OTLP export requests from a compact span description, as OTLP/JSON objects or OTLP/protobuf bytes,
// for tests and the benchmark. Integers become intValue, other numbers doubleValue, arrays arrayValue.
import { otlpTypes } from '../otlp/otlp-schema.ts';

export type FixtureValue = string | number | boolean | FixtureValue[];

export interface FixtureSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  /** OTLP SpanKind number; default 1 (internal). */
  kind?: number;
  startMs: number;
  endMs: number;
  attributes?: Record<string, FixtureValue>;
  status?: { code: number; message?: string };
  events?: { name: string; timeMs: number; attributes?: Record<string, FixtureValue> }[];
  links?: { traceId: string; spanId: string; attributes?: Record<string, FixtureValue> }[];
}

export interface FixtureResource {
  attributes: Record<string, FixtureValue>;
  scope?: { name: string; version?: string };
}

/**
 * An OTLP/JSON ExportTraceServiceRequest object (hex ids, nanosecond strings), ready for JSON.stringify.
 *
 * @example
 * await fetch(`${url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' },
 *   body: JSON.stringify(otlpJson([{ traceId, spanId, name: 'chat sim-small', startMs: 0, endMs: 5 }])) });
 */
export function otlpJson(spans: FixtureSpan[], resource: FixtureResource = { attributes: { 'service.name': 'test-service' } }) {
  return {
    resourceSpans: [
      {
        resource: { attributes: keyValues(resource.attributes) },
        scopeSpans: [
          {
            scope: resource.scope ?? { name: 'hotpath-test', version: '1.0.0' },
            spans: spans.map((span) => ({
              traceId: span.traceId,
              spanId: span.spanId,
              parentSpanId: span.parentSpanId ?? '',
              name: span.name,
              kind: span.kind ?? 1,
              startTimeUnixNano: msToNanos(span.startMs),
              endTimeUnixNano: msToNanos(span.endMs),
              attributes: keyValues(span.attributes ?? {}),
              events: (span.events ?? []).map((event) => ({
                name: event.name,
                timeUnixNano: msToNanos(event.timeMs),
                attributes: keyValues(event.attributes ?? {}),
              })),
              links: (span.links ?? []).map((link) => ({ ...link, attributes: keyValues(link.attributes ?? {}) })),
              status: span.status ?? { code: 0 },
            })),
          },
        ],
      },
    ],
  };
}

/**
 * The same request as OTLP/protobuf bytes.
 *
 * @example
 * await fetch(`${url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/x-protobuf' }, body: otlpProtobuf(spans) });
 */
export function otlpProtobuf(spans: FixtureSpan[], resource?: FixtureResource): Uint8Array {
  const json = otlpJson(spans, resource);
  const bytes = (hex: string) => Buffer.from(hex, 'hex');
  const request = {
    resourceSpans: json.resourceSpans.map((resourceSpans) => ({
      ...resourceSpans,
      scopeSpans: resourceSpans.scopeSpans.map((scopeSpans) => ({
        ...scopeSpans,
        spans: scopeSpans.spans.map((span) => ({
          ...span,
          traceId: bytes(span.traceId),
          spanId: bytes(span.spanId),
          parentSpanId: bytes(span.parentSpanId),
          links: span.links.map((link) => ({ ...link, traceId: bytes(link.traceId), spanId: bytes(link.spanId) })),
        })),
      })),
    })),
  };
  const type = otlpTypes.exportTraceServiceRequest;
  return type.encode(type.fromObject(request)).finish();
}

function msToNanos(ms: number): string {
  return (BigInt(Math.floor(ms)) * 1_000_000n + BigInt(Math.round((ms % 1) * 1e6))).toString();
}

function keyValues(attributes: Record<string, FixtureValue>) {
  return Object.entries(attributes).map(([key, value]) => ({ key, value: anyValue(value) }));
}

type JsonAnyValue =
  | { stringValue: string }
  | { boolValue: boolean }
  | { intValue: string }
  | { doubleValue: number }
  | { arrayValue: { values: JsonAnyValue[] } };

function anyValue(value: FixtureValue): JsonAnyValue {
  if (typeof value === 'string') return { stringValue: value };
  if (typeof value === 'boolean') return { boolValue: value };
  if (typeof value === 'number') return Number.isInteger(value) ? { intValue: String(value) } : { doubleValue: value };
  return { arrayValue: { values: value.map(anyValue) } };
}

let counter = 0;
/**
 * A fresh random-looking id of `bytes` bytes as hex (unique within the process).
 *
 * @example
 * const traceId = newId(16), spanId = newId(8);
 */
export function newId(bytes: 16 | 8): string {
  counter += 1;
  const random = Math.floor(Math.random() * 0xffffffff).toString(16).padStart(8, '0');
  return (random + counter.toString(16).padStart(8, '0')).padEnd(bytes * 2, 'a').slice(0, bytes * 2);
}
