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

export interface ResolvedTelemetry {
  tracer: Tracer;
  captureContent: boolean;
}

const TRACER_NAME = '@hotpath/sdk';

/**
 * Resolves the tracer once per instrument() call. A tracer from the global provider is a proxy, so instrumenting
 * before `setup()` still reaches the exporter `setup()` registers later.
 *
 * @example
 * const { tracer, captureContent } = resolveTelemetry({ captureContent: true });
 */
export function resolveTelemetry(options: InstrumentOptions): ResolvedTelemetry {
  const provider = options.tracerProvider ?? trace.getTracerProvider();
  return { tracer: provider.getTracer(TRACER_NAME), captureContent: captureContentEnabled(options.captureContent) };
}
