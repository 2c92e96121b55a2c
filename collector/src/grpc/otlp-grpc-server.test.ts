import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { credentials, makeGenericClientConstructor, Metadata, status, type ServiceError } from '@grpc/grpc-js';
import { SpanKind } from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-grpc';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { otlpTypes } from '../otlp/otlp-schema.ts';
import type { TraceDetail, TraceSummary } from '../query/api-types.ts';
import { startCollector, type RunningCollector } from '../start-collector.ts';
import { newId, otlpProtobuf } from '../testing/otlp-request.ts';

const exportPath = '/opentelemetry.proto.collector.trace.v1.TraceService/Export';
const identity = (bytes: Buffer) => bytes;
const Client = makeGenericClientConstructor(
  { Export: { path: exportPath, requestStream: false, responseStream: false, requestSerialize: identity, requestDeserialize: identity, responseSerialize: identity, responseDeserialize: identity } },
  'TraceService',
);

/** One raw Export call: the response bytes, or the gRPC error. */
function exportRaw(collector: RunningCollector, body: Uint8Array, metadata = new Metadata()): Promise<Buffer> {
  const client = new Client(`127.0.0.1:${collector.grpcPort}`, credentials.createInsecure());
  return new Promise<Buffer>((resolve, reject) =>
    client.makeUnaryRequest(exportPath, identity, identity, Buffer.from(body), metadata, (error: ServiceError | null, value?: Buffer) => {
      client.close();
      if (error) reject(error);
      else resolve(value!);
    }),
  );
}

describe('OTLP/gRPC receiver', () => {
  it('stores what the official gRPC exporter sends', async () => {
    const collector = await startCollector({ port: 0, grpcPort: 0, dbPath: ':memory:' });
    try {
      const provider = new BasicTracerProvider({
        resource: resourceFromAttributes({ 'service.name': 'grpc-service' }),
        spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: `http://127.0.0.1:${collector.grpcPort}` }))],
      });
      const span = provider.getTracer('grpc-test').startSpan('chat sim-small', {
        kind: SpanKind.CLIENT,
        attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'sim-small', 'gen_ai.usage.input_tokens': 10, 'gen_ai.usage.output_tokens': 2 },
      });
      span.end();
      await provider.forceFlush();
      await provider.shutdown();
      const { traces } = (await (await fetch(`${collector.url}/api/traces`)).json()) as { traces: TraceSummary[] };
      assert.equal(traces.length, 1);
      assert.equal(traces[0]!.service, 'grpc-service');
      const detail = (await (await fetch(`${collector.url}/api/traces/${traces[0]!.traceId}`)).json()) as TraceDetail;
      assert.equal(detail.spans[0]!.model, 'sim-small');
      assert.equal(detail.spans[0]!.kind, 'client');
    } finally {
      await collector.close();
    }
  });

  it('answers partial success, INVALID_ARGUMENT for malformed bytes and UNAUTHENTICATED for a wrong token', async () => {
    const collector = await startCollector({ port: 0, grpcPort: 0, dbPath: ':memory:', ingestToken: 'g-secret' });
    try {
      const authorized = new Metadata();
      authorized.set('authorization', 'Bearer g-secret');
      const good = { traceId: newId(16), spanId: newId(8), name: 'ok', startMs: 1, endMs: 2 };
      const reply = await exportRaw(collector, otlpProtobuf([good, { ...good, spanId: '' }]), authorized);
      const decoded = otlpTypes.exportTraceServiceResponse.toObject(otlpTypes.exportTraceServiceResponse.decode(reply), { longs: Number });
      assert.equal(decoded.partialSuccess.rejectedSpans, 1);
      await assert.rejects(exportRaw(collector, Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]), authorized), (error: ServiceError) => {
        assert.equal(error.code, status.INVALID_ARGUMENT);
        assert.match(error.details, /malformed OTLP\/protobuf/);
        return true;
      });
      await assert.rejects(exportRaw(collector, otlpProtobuf([good])), (error: ServiceError) => error.code === status.UNAUTHENTICATED);
      const health = (await (await fetch(`${collector.url}/api/health`)).json()) as { spans: number };
      assert.equal(health.spans, 1);
    } finally {
      await collector.close();
    }
  });
});
