// A real OTLP/HTTP receiver for tests: a node:http server that records every POST and decodes trace requests in
// both encodings (protobuf through a minimal wire-format reader, JSON as is), so tests inspect what went on the wire;
// other signals (metrics) are kept as sent.
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export type AttributeValue = string | number | boolean | AttributeValue[] | undefined;

export interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId: string;
  name: string;
  /** OTLP SpanKind: 1 internal, 2 server, 3 client. */
  kind: number;
  attributes: Record<string, AttributeValue>;
}

export interface ReceivedExport {
  path: string;
  headers: IncomingHttpHeaders;
  /** The request body as sent (for signals other than traces, which are not decoded). */
  body: Uint8Array;
  resource: Record<string, AttributeValue>;
  spans: ReceivedSpan[];
}

export interface OtlpTestReceiver {
  url: string;
  exports: ReceivedExport[];
  close(): Promise<void>;
}

// --- protobuf wire format (https://protobuf.dev/programming-guides/encoding/), just what OTLP traces need ---

type Fields = Map<number, Array<number | Uint8Array>>;

function readFields(bytes: Uint8Array): Fields {
  const fields: Fields = new Map();
  let offset = 0;
  const varint = (): number => {
    let result = 0;
    let scale = 1;
    for (;;) {
      const byte = bytes[offset++]!;
      result += (byte & 0x7f) * scale;
      if (byte < 0x80) return result;
      scale *= 128;
    }
  };
  while (offset < bytes.length) {
    const key = varint();
    const field = Math.floor(key / 8);
    const wireType = key % 8;
    let value: number | Uint8Array;
    if (wireType === 0) value = varint();
    else if (wireType === 1) {
      value = bytes.subarray(offset, offset + 8);
      offset += 8;
    } else if (wireType === 2) {
      const length = varint();
      value = bytes.subarray(offset, offset + length);
      offset += length;
    } else if (wireType === 5) {
      value = bytes.subarray(offset, offset + 4);
      offset += 4;
    } else throw new Error(`unsupported protobuf wire type ${wireType}`);
    const list = fields.get(field) ?? [];
    list.push(value);
    fields.set(field, list);
  }
  return fields;
}

const text = (value: number | Uint8Array | undefined) => (value instanceof Uint8Array ? Buffer.from(value).toString('utf8') : '');
const hex = (value: number | Uint8Array | undefined) => (value instanceof Uint8Array ? Buffer.from(value).toString('hex') : '');
const messages = (fields: Fields, field: number) => (fields.get(field) ?? []).filter((v): v is Uint8Array => v instanceof Uint8Array).map(readFields);

function protobufAnyValue(fields: Fields): AttributeValue {
  if (fields.has(1)) return text(fields.get(1)![0]);
  if (fields.has(2)) return fields.get(2)![0] === 1;
  if (fields.has(3)) return fields.get(3)![0] as number;
  if (fields.has(4)) return Buffer.from(fields.get(4)![0] as Uint8Array).readDoubleLE(0);
  if (fields.has(5)) return messages(messages(fields, 5)[0]!, 1).map(protobufAnyValue);
  return undefined;
}

function protobufAttributes(list: Fields[]): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  for (const keyValue of list) attributes[text(keyValue.get(1)?.[0])] = protobufAnyValue(messages(keyValue, 2)[0] ?? new Map());
  return attributes;
}

function decodeProtobuf(body: Uint8Array): Omit<ReceivedExport, 'path' | 'headers' | 'body'> {
  const request = readFields(body);
  const resourceSpans = messages(request, 1)[0] ?? new Map();
  const resource = protobufAttributes(messages(messages(resourceSpans, 1)[0] ?? new Map(), 1));
  const spans = messages(resourceSpans, 2).flatMap((scopeSpans) =>
    messages(scopeSpans, 2).map((span) => ({
      traceId: hex(span.get(1)?.[0]),
      spanId: hex(span.get(2)?.[0]),
      parentSpanId: hex(span.get(4)?.[0]),
      name: text(span.get(5)?.[0]),
      kind: (span.get(6)?.[0] as number | undefined) ?? 0,
      attributes: protobufAttributes(messages(span, 9)),
    })),
  );
  return { resource, spans };
}

// --- OTLP/JSON ---

interface JsonAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: JsonAnyValue[] };
}
type JsonKeyValue = { key: string; value: JsonAnyValue };

function jsonAnyValue(value: JsonAnyValue): AttributeValue {
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(jsonAnyValue);
  return undefined;
}

const jsonAttributes = (list: JsonKeyValue[] = []) => Object.fromEntries(list.map(({ key, value }) => [key, jsonAnyValue(value)]));

function decodeJson(body: Uint8Array): Omit<ReceivedExport, 'path' | 'headers' | 'body'> {
  const request = JSON.parse(Buffer.from(body).toString('utf8')) as {
    resourceSpans: Array<{
      resource?: { attributes?: JsonKeyValue[] };
      scopeSpans: Array<{ spans: Array<{ traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number; attributes?: JsonKeyValue[] }> }>;
    }>;
  };
  const resourceSpans = request.resourceSpans[0]!;
  return {
    resource: jsonAttributes(resourceSpans.resource?.attributes),
    spans: resourceSpans.scopeSpans.flatMap((scope) =>
      scope.spans.map((span) => ({
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId ?? '',
        name: span.name,
        kind: span.kind,
        attributes: jsonAttributes(span.attributes),
      })),
    ),
  };
}

/**
 * Starts a receiver on 127.0.0.1 (a free port). It answers 200 with an empty OTLP response.
 *
 * @example
 * const receiver = await startOtlpTestReceiver();
 * const shutdown = await setup({ serviceName: 't', endpoint: receiver.url });
 */
export async function startOtlpTestReceiver(): Promise<OtlpTestReceiver> {
  const exports: ReceivedExport[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = new Uint8Array(Buffer.concat(chunks));
      const json = String(request.headers['content-type']).startsWith('application/json');
      const path = request.url ?? '';
      const decoded = !path.endsWith('/v1/traces') ? { resource: {}, spans: [] } : json ? decodeJson(body) : decodeProtobuf(body);
      exports.push({ path, headers: request.headers, body, ...decoded });
      response.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
      response.end(json ? '{}' : undefined);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    exports,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
