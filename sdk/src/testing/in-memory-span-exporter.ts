// Spans in memory for tests (yours and ours): a tracer provider that exports every finished span synchronously to
// OpenTelemetry's InMemorySpanExporter, so a test can assert on names, kinds, parents and attributes.
import { context } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { BasicTracerProvider, InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { formatSpanTree } from '../telemetry/index.ts';

export interface TestTracing {
  /** Pass to `instrument(target, { tracerProvider })`. */
  tracerProvider: BasicTracerProvider;
  exporter: InMemorySpanExporter;
  /** Finished spans, in the order they ended. */
  spans(): ReadableSpan[];
  /** Finished spans with this exact name. */
  spansNamed(name: string): ReadableSpan[];
  /** The finished spans as an indented tree with durations and time bars (for failure messages and debugging). */
  tree(): string;
  /** Forgets the spans recorded so far. */
  reset(): void;
  shutdown(): Promise<void>;
}

/**
 * Creates an in-memory tracer provider for tests. It also installs an AsyncLocalStorage context manager if none is
 * registered yet: without one OpenTelemetry cannot carry the active span across `await`, and spans would not nest.
 *
 * @example
 * const tracing = createTestTracing();
 * const runner = instrument(new Runner({ provider: scriptedModel([...]) }), { tracerProvider: tracing.tracerProvider });
 * await runner.run(agent, 'hi');
 * assert.deepEqual(tracing.spans().map((span) => span.name), ['chat sim-small', 'invoke_agent support']);
 */
export function createTestTracing(): TestTracing {
  // Returns false (and changes nothing) when the application or another test already registered one.
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  const exporter = new InMemorySpanExporter();
  const tracerProvider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
  return {
    tracerProvider,
    exporter,
    spans: () => exporter.getFinishedSpans(),
    spansNamed: (name) => exporter.getFinishedSpans().filter((span) => span.name === name),
    tree: () => formatSpanTree(exporter.getFinishedSpans()),
    reset: () => exporter.reset(),
    shutdown: () => tracerProvider.shutdown(),
  };
}
