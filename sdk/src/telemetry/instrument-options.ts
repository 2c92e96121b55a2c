// The options every form of instrument() takes, and how they resolve to a tracer and a content-capture decision.
import { trace, type Attributes, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { captureContentEnabled } from './capture-content.ts';

export interface InstrumentOptions {
  /** Where spans go. Default: the global provider (what `setup()` or your own OTel set-up registered). */
  tracerProvider?: TracerProvider;
  /**
   * Record messages, system instructions, tool definitions, tool arguments and results on spans.
   * Default: `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true`, else off.
   */
  captureContent?: boolean;
  /** Extra attributes for the root span of each run or call, as given (e.g. `hotpath.workload.variant`). */
  attributes?: Attributes;
  /** For `instrument(fn)`: the agent name in the span name `invoke_agent {name}`. Default: the function's name. */
  name?: string;
}

/** The one thing telemetry needs from a tracer (it never makes a span active itself, except via context.with). */
export type SpanStarter = Pick<Tracer, 'startSpan'>;

export interface ResolvedTelemetry {
  tracer: SpanStarter;
  captureContent: boolean;
}

const TRACER_NAME = '@hotpath/sdk';

/**
 * The global provider's tracer, looked up at each span rather than once. A tracer taken before `setup()` would stay
 * a no-op: `@opentelemetry/api` ships ESM and CommonJS builds, and the OTel SDK (CommonJS) registers its provider
 * through the other copy's proxy, which a tracer from this copy never learns about. The lookup is a global read
 * plus the SDK's own tracer cache.
 */
const globalTracer: SpanStarter = {
  startSpan: (name, options, parent) => trace.getTracer(TRACER_NAME).startSpan(name, options, parent),
};

/**
 * Resolves the tracer and the content-capture decision once per instrument() call. Without a `tracerProvider`,
 * spans go to whatever global provider is registered when each span starts, so instrumenting before `setup()` works.
 *
 * @example
 * const { tracer, captureContent } = resolveTelemetry({ captureContent: true });
 */
export function resolveTelemetry(options: InstrumentOptions): ResolvedTelemetry {
  const tracer = options.tracerProvider ? options.tracerProvider.getTracer(TRACER_NAME) : globalTracer;
  return { tracer, captureContent: captureContentEnabled(options.captureContent) };
}
