// The options every form of instrument() takes, and how they resolve to a tracer, the GenAI metrics and a
// content-capture decision.
import { trace, type Attributes, type MeterProvider, type Tracer, type TracerProvider } from '@opentelemetry/api';
import { captureContentEnabled } from './capture-content.ts';
import { createGenAiMetrics, type GenAiMetrics } from './gen-ai-metrics.ts';
import { TelemetryError } from './telemetry-error.ts';

export interface InstrumentOptions {
  /** Where spans go. Default: the global provider (what `setup()` or your own OTel set-up registered). */
  tracerProvider?: TracerProvider;
  /**
   * Where the GenAI client metrics go (`gen_ai.client.operation.duration`, `gen_ai.client.token.usage`,
   * `gen_ai.client.operation.time_to_first_chunk`). Default: the global provider, if one is registered.
   */
  meterProvider?: MeterProvider;
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
  metrics: GenAiMetrics;
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

const isPrimitive = (value: unknown) => ['string', 'number', 'boolean'].includes(typeof value);

/** An attribute value OpenTelemetry accepts: a primitive, or an array of primitives (nulls allowed). */
function isAttributeValue(value: unknown): boolean {
  if (isPrimitive(value)) return true;
  return Array.isArray(value) && value.every((item) => item === null || item === undefined || isPrimitive(item));
}

/** Rejects options instrument() cannot honour, at instrument() time rather than silently at the first span. */
function validate(options: InstrumentOptions): void {
  if (typeof options !== 'object' || options === null) throw new TelemetryError('instrument() options must be an object.');
  const { tracerProvider, meterProvider, captureContent, attributes, name } = options;
  if (tracerProvider !== undefined && typeof (tracerProvider as Partial<TracerProvider> | null)?.getTracer !== 'function') {
    throw new TelemetryError('instrument({ tracerProvider }) must be an OpenTelemetry TracerProvider (it has no getTracer()).');
  }
  if (meterProvider !== undefined && typeof (meterProvider as Partial<MeterProvider> | null)?.getMeter !== 'function') {
    throw new TelemetryError('instrument({ meterProvider }) must be an OpenTelemetry MeterProvider (it has no getMeter()).');
  }
  if (captureContent !== undefined && typeof captureContent !== 'boolean') {
    throw new TelemetryError(`instrument({ captureContent }) must be true or false, got ${typeof captureContent}.`);
  }
  if (name !== undefined && (typeof name !== 'string' || name.trim() === '')) {
    throw new TelemetryError('instrument({ name }) must be a non-empty string.');
  }
  if (attributes !== undefined) {
    if (typeof attributes !== 'object' || attributes === null || Array.isArray(attributes)) {
      throw new TelemetryError('instrument({ attributes }) must be an object of attribute values.');
    }
    for (const [key, value] of Object.entries(attributes)) {
      if (value !== undefined && !isAttributeValue(value)) {
        throw new TelemetryError(`instrument({ attributes }): "${key}" must be a string, number, boolean or an array of them.`);
      }
    }
  }
}

/**
 * Resolves the tracer and the content-capture decision once per instrument() call (after checking the options). Without a `tracerProvider`,
 * spans go to whatever global provider is registered when each span starts, so instrumenting before `setup()` works.
 *
 * @example
 * const { tracer, metrics, captureContent } = resolveTelemetry({ captureContent: true });
 */
export function resolveTelemetry(options: InstrumentOptions): ResolvedTelemetry {
  validate(options);
  const tracer = options.tracerProvider ? options.tracerProvider.getTracer(TRACER_NAME) : globalTracer;
  return { tracer, metrics: createGenAiMetrics(options.meterProvider), captureContent: captureContentEnabled(options.captureContent) };
}
