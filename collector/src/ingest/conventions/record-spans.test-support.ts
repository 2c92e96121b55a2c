// Records the spans a real instrumentation library emits (in memory, through the OpenTelemetry SDK) and stores them
// the way the collector does in production: serialized as OTLP/protobuf by OpenTelemetry's own serializer, decoded,
// and written by `ingest` into a SQLite database, to be read back through the query layer.
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { decodeProtobufTraces } from '../../otlp/decode-protobuf.ts';
import type { TraceDetail } from '../../query/api-types.ts';
import { getTrace } from '../../query/get-trace.ts';
import { sqliteQueryStore } from '../../query/query-store.ts';
import { openDatabase } from '../../storage/open-database.ts';
import { createSpanWriter } from '../../storage/span-writer.ts';
import { ingest } from '../ingest.ts';
import { defaultPricing } from '../pricing.ts';

export interface RecordedTrace {
  detail: TraceDetail;
  modelCalls: number;
  toolCalls: number;
}

export interface SpanRecorder {
  tracerProvider: BasicTracerProvider;
  exporter: InMemorySpanExporter;
  /**
   * Stores every span recorded so far through `ingest` and returns the one trace they form as the API serves it,
   * with the summary's model and tool call counts.
   */
  ingestRecorded(): Promise<RecordedTrace>;
}

/**
 * A tracer provider recording in memory, with a context manager so spans nest across `await`.
 *
 * @example
 * const recorder = createSpanRecorder();
 * // … let the library under test write spans through recorder.tracerProvider …
 * const { detail, modelCalls } = await recorder.ingestRecorded();
 */
export function createSpanRecorder(): SpanRecorder {
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({
    resource: resourceFromAttributes({ 'service.name': 'conventions-test' }),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  return {
    tracerProvider,
    exporter,
    async ingestRecorded() {
      const finished = exporter.getFinishedSpans();
      const traceIds = new Set(finished.map((span) => span.spanContext().traceId));
      if (traceIds.size !== 1) throw new Error(`expected the recording to form one trace, got ${traceIds.size}`);
      const body = ProtobufTraceSerializer.serializeRequest(finished);
      if (!body) throw new Error('the OTLP serializer returned nothing');
      const database = openDatabase(':memory:');
      ingest(createSpanWriter(database), decodeProtobufTraces(body), { pricing: defaultPricing });
      const traceId = [...traceIds][0]!;
      const detail = await getTrace(sqliteQueryStore(database.db), traceId, { full: true });
      if (!detail) throw new Error('the trace was not stored');
      const counts = database.sqlite.prepare('SELECT model_calls AS modelCalls, tool_calls AS toolCalls FROM traces WHERE trace_id = ?').get(traceId) as {
        modelCalls: number;
        toolCalls: number;
      };
      database.sqlite.close();
      return { detail, ...counts };
    },
  };
}
