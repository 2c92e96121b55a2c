import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { maxAttributeDepth } from '../otlp/attribute-depth.ts';
import { otlpTypes } from '../otlp/otlp-schema.ts';
import { startCollector, type RunningCollector } from '../start-collector.ts';
import { newId, otlpJson } from '../testing/otlp-request.ts';

/** An OTLP/JSON AnyValue whose kvlist (or array) nests `depth` levels deep, the innermost a string, as text. */
function nestedJson(depth: number, shape: 'kvlist' | 'array'): string {
  const [open, close] = shape === 'kvlist' ? ['{"kvlistValue":{"values":[{"key":"k","value":', '}]}}'] : ['{"arrayValue":{"values":[', ']}}'];
  return `${open.repeat(depth - 1)}{"stringValue":"bottom"}${close.repeat(depth - 1)}`;
}

/** A protobuf field: tag, then a varint length and the bytes. */
function field(number: number, bytes: Uint8Array): Buffer {
  const varint = (value: number) => {
    const out: number[] = [];
    for (; value > 0x7f; value >>>= 7) out.push((value & 0x7f) | 0x80);
    out.push(value);
    return out;
  };
  return Buffer.concat([Buffer.from([...varint((number << 3) | 2), ...varint(bytes.length)]), bytes]);
}

/** The same AnyValue as OTLP/protobuf bytes, written by hand: protobufjs's own encoder stops at 100 messages deep. */
function nestedProtobuf(depth: number, shape: 'kvlist' | 'array'): Buffer {
  let value = field(1, Buffer.from('bottom'));
  for (let level = 1; level < depth; level++) {
    value = shape === 'kvlist' ? field(6, field(1, Buffer.concat([field(1, Buffer.from('k')), field(2, value)]))) : field(5, field(1, value));
  }
  return value;
}

function requestWith(depth: number, shape: 'kvlist' | 'array') {
  const traceId = newId(16);
  const spanId = newId(8);
  const body = otlpJson([{ traceId, spanId, name: 'deep', startMs: 1, endMs: 2 }]);
  const span = body.resourceSpans[0]!.scopeSpans[0]!.spans[0]! as { attributes: unknown[] };
  span.attributes.push({ key: 'deep', value: '@deep@' });
  const times = Buffer.alloc(18);
  times.writeUInt8((7 << 3) | 1, 0);
  times.writeBigUInt64LE(1_000_000n, 1);
  times.writeUInt8((8 << 3) | 1, 9);
  times.writeBigUInt64LE(2_000_000n, 10);
  const protobufSpan = Buffer.concat([
    field(1, Buffer.from(traceId, 'hex')),
    field(2, Buffer.from(spanId, 'hex')),
    field(5, Buffer.from('deep')),
    times,
    field(9, Buffer.concat([field(1, Buffer.from('deep')), field(2, nestedProtobuf(depth, shape))])),
  ]);
  return { traceId, json: JSON.stringify(body).replace('"@deep@"', nestedJson(depth, shape)), protobuf: field(1, field(2, field(2, protobufSpan))) };
}

describe('hostile input', () => {
  let collector: RunningCollector;
  const logged: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'hotpath-hostile-'));
  before(async () => {
    collector = await startCollector({ port: 0, dbPath: join(dir, 'hotpath.sqlite'), decodeWorkers: 0, log: (line) => logged.push(line) });
  });
  after(async () => {
    await collector.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const send = (body: string | Uint8Array, type: string) =>
    fetch(`${collector.url}/v1/traces`, { method: 'POST', body, headers: { 'content-type': type } });

  for (const shape of ['kvlist', 'array'] as const) {
    it(`accepts a ${shape} nested ${maxAttributeDepth} levels deep in both encodings, and the trace opens`, async () => {
      for (const encoding of ['json', 'protobuf'] as const) {
        const request = requestWith(maxAttributeDepth, shape);
        const response =
          encoding === 'json' ? await send(request.json, 'application/json') : await send(request.protobuf, 'application/x-protobuf');
        assert.equal(response.status, 200, `${encoding}: ${await response.text()}`);
        const detail = await fetch(`${collector.url}/api/traces/${request.traceId}`);
        assert.equal(detail.status, 200);
        let value = ((await detail.json()) as { spans: { attributes: Record<string, unknown> }[] }).spans[0]!.attributes.deep;
        for (let level = 1; level < maxAttributeDepth; level++) value = shape === 'kvlist' ? (value as Record<string, unknown>).k : (value as unknown[])[0];
        assert.equal(value, 'bottom', `${encoding}: every level kept`);
      }
    });

    for (const depth of [maxAttributeDepth + 1, 10_000]) {
      it(`refuses a ${shape} nested ${depth} levels deep with the same 400 naming the limit in both encodings`, async () => {
        const request = requestWith(depth, shape);
        const statuses: string[] = [];
        for (const [body, type] of [
          [request.json, 'application/json'],
          [request.protobuf, 'application/x-protobuf'],
        ] as const) {
          const response = await send(body, type);
          const text = type === 'application/json' ? ((await response.json()) as { message: string }).message : otlpTypes.rpcStatus.decode(new Uint8Array(await response.arrayBuffer())).toJSON().message;
          statuses.push(`${response.status}`);
          assert.match(text, new RegExp(`nested deeper than ${maxAttributeDepth} levels`));
        }
        assert.deepEqual(statuses, ['400', '400']);
        assert.equal((await fetch(`${collector.url}/api/traces/${request.traceId}`)).status, 404, 'nothing stored');
      });
    }
  }

  it('answers no 5xx to malformed bodies of any kind', async () => {
    const bodies: [string | Uint8Array, string][] = [
      [new Uint8Array([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), 'application/x-protobuf'],
      [new Uint8Array(Array.from({ length: 4096 }, (_, index) => (index * 7919) % 256)), 'application/x-protobuf'],
      ['{"resourceSpans":[{"scopeSpans":[{"spans":[{"attributes":[{"key":"x","value":{"kvlistValue":{"values":"no"}}}]}]}]}]}', 'application/json'],
      ['[', 'application/json'],
      ['"\\ud800"', 'application/json'],
      [`{"resourceSpans":${'['.repeat(50_000)}${']'.repeat(50_000)}}`, 'application/json'],
    ];
    for (const [body, type] of bodies) {
      const response = await send(body, type);
      assert.ok(response.status >= 400 && response.status < 500, `${type} ${String(body).slice(0, 40)}: ${response.status}`);
    }
  });

  it('opens a trace stored before the limit existed, however deep its attributes', async () => {
    const traceId = newId(16);
    assert.equal((await send(JSON.stringify(otlpJson([{ traceId, spanId: newId(8), name: 'old', startMs: 1, endMs: 2 }])), 'application/json')).status, 200);
    const deep = `${'{"k":'.repeat(20_000)}"bottom"${'}'.repeat(20_000)}`;
    const database = new Database(collector.dbPath);
    database.prepare('UPDATE spans SET attributes = ?, events = ? WHERE trace_id = ?').run(`{"deep":${deep}}`, `[{"name":"e","timeUnixNano":"1","attributes":{"deep":${deep}}}]`, traceId);
    database.close();
    for (const path of [`/api/traces/${traceId}`, `/api/compare?a=${traceId}&b=${traceId}`]) {
      const response = await fetch(`${collector.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.match(await response.text(), new RegExp(`nested deeper than ${maxAttributeDepth} levels`));
    }
  });

  it('logs every 5xx with the request id it answered with', async () => {
    // Another process holding the write lock makes the store unable to write: a 503 the sender retries.
    const holder = new Database(collector.dbPath);
    holder.exec('BEGIN EXCLUSIVE');
    try {
      const body = JSON.stringify(otlpJson([{ traceId: newId(16), spanId: newId(8), name: 'locked out', startMs: 1, endMs: 2 }]));
      const response = await fetch(`${collector.url}/v1/traces`, { method: 'POST', body, headers: { 'content-type': 'application/json', 'x-request-id': 'req-from-proxy-1' } });
      assert.equal(response.status, 503);
      assert.equal(response.headers.get('x-request-id'), 'req-from-proxy-1');
      const generated = await send(body, 'application/json');
      assert.match(generated.headers.get('x-request-id') ?? '', /^[0-9a-f-]{36}$/);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    const line = logged.find((entry) => entry.includes('req-from-proxy-1'));
    assert.ok(line, `logged: ${logged.join('\n')}`);
    const entry = JSON.parse(line) as { status: number; path: string; error: string };
    assert.equal(entry.status, 503);
    assert.equal(entry.path, '/v1/traces');
    assert.match(entry.error, /locked/);
  });
});
