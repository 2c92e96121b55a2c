// The GenAI client metrics of the OpenTelemetry conventions, recorded once per model call beside its chat span:
// `gen_ai.client.operation.duration`, `gen_ai.client.token.usage` (input and output) and, for streamed calls,
// `gen_ai.client.operation.time_to_first_chunk`. Backends that keep metrics rather than traces (Prometheus behind
// an OpenTelemetry Collector, say) then see model latency and token use per provider and model. Like the spans,
// they cost nothing until a MeterProvider is registered (setup() registers one when OTEL_METRICS_EXPORTER is set).
import { metrics, type Attributes, type Histogram, type MeterProvider } from '@opentelemetry/api';

/** What one finished model call measured. */
export interface ModelCallMeasurement {
  provider: string;
  requestModel: string;
  responseModel?: string;
  serverAddress?: string;
  serverPort?: number;
  /** Set when the call failed: the error's class name or HTTP status, as on the span's `error.type`. */
  errorType?: string;
  durationMs: number;
  inputTokens?: number;
  outputTokens?: number;
  /** Streamed calls only. */
  timeToFirstChunkMs?: number;
}

export interface GenAiMetrics {
  recordModelCall(call: ModelCallMeasurement): void;
}

const METER_NAME = '@hotpath/sdk';
// The bucket boundaries the conventions advise for each histogram.
const TOKEN_BUCKETS = [1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864];
const SECONDS_BUCKETS = [0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92];

interface Instruments {
  duration: Histogram;
  tokens: Histogram;
  firstChunk: Histogram;
}

function instrumentsOf(provider: MeterProvider): Instruments {
  const meter = provider.getMeter(METER_NAME);
  return {
    duration: meter.createHistogram('gen_ai.client.operation.duration', {
      unit: 's',
      description: 'GenAI operation duration.',
      advice: { explicitBucketBoundaries: SECONDS_BUCKETS },
    }),
    tokens: meter.createHistogram('gen_ai.client.token.usage', {
      unit: '{token}',
      description: 'Number of input and output tokens used.',
      advice: { explicitBucketBoundaries: TOKEN_BUCKETS },
    }),
    firstChunk: meter.createHistogram('gen_ai.client.operation.time_to_first_chunk', {
      unit: 's',
      description: 'Time from issuing the request to receiving the first chunk of the response stream.',
      advice: { explicitBucketBoundaries: SECONDS_BUCKETS },
    }),
  };
}

/**
 * Creates the recorder. Without a `meterProvider`, the global one is looked up at each call: the metrics API has no
 * proxy provider, so a meter taken before `setup()` registered the real provider would stay a no-op forever.
 *
 * @example
 * const genAiMetrics = createGenAiMetrics();
 * genAiMetrics.recordModelCall({ provider: 'openai', requestModel: 'gpt-4.1', durationMs: 840, inputTokens: 1200, outputTokens: 80 });
 */
export function createGenAiMetrics(meterProvider?: MeterProvider): GenAiMetrics {
  let cachedFor: MeterProvider | undefined;
  let cached: Instruments | undefined;
  const current = (): Instruments => {
    const provider = meterProvider ?? metrics.getMeterProvider();
    if (provider !== cachedFor || cached === undefined) {
      cached = instrumentsOf(provider);
      cachedFor = provider;
    }
    return cached;
  };
  return {
    recordModelCall(call) {
      const instruments = current();
      const attributes: Attributes = {
        'gen_ai.operation.name': 'chat',
        'gen_ai.provider.name': call.provider,
        'gen_ai.request.model': call.requestModel,
      };
      if (call.responseModel !== undefined) attributes['gen_ai.response.model'] = call.responseModel;
      if (call.serverAddress !== undefined) attributes['server.address'] = call.serverAddress;
      if (call.serverPort !== undefined) attributes['server.port'] = call.serverPort;
      const withError = call.errorType === undefined ? attributes : { ...attributes, 'error.type': call.errorType };
      instruments.duration.record(Math.max(0, call.durationMs) / 1000, withError);
      if (call.timeToFirstChunkMs !== undefined) instruments.firstChunk.record(Math.max(0, call.timeToFirstChunkMs) / 1000, attributes);
      // The conventions: report usage only when the provider reported it (a failed call has none).
      if (call.inputTokens !== undefined) instruments.tokens.record(call.inputTokens, { ...attributes, 'gen_ai.token.type': 'input' });
      if (call.outputTokens !== undefined) instruments.tokens.record(call.outputTokens, { ...attributes, 'gen_ai.token.type': 'output' });
    },
  };
}
