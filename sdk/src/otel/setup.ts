// setup(): OpenTelemetry for users who have none — @opentelemetry/sdk-node with an OTLP/HTTP trace exporter and a
// batch span processor, configured by the standard OTEL_* variables, explicit arguments first. This file and this
// folder are the only places in the SDK that load the OpenTelemetry SDK; the rest uses @opentelemetry/api only.
import { metrics, trace } from '@opentelemetry/api';
import { parseKeyPairsIntoRecord } from '@opentelemetry/core';
import { NodeSDK, type NodeSDKConfiguration } from '@opentelemetry/sdk-node';
import { BatchSpanProcessor, type SpanProcessor } from '@opentelemetry/sdk-trace-base';
import { TelemetryError } from '../telemetry/index.ts';
import { CountingSpanExporter, type ExportStats } from './counting-span-exporter.ts';
import { StartedSpanProcessor } from './started-span-processor.ts';

export type OtlpProtocol = 'http/protobuf' | 'http/json';

export interface SetupOptions {
  /** `service.name`. Default: `OTEL_SERVICE_NAME`, else the SDK's `unknown_service:node`. */
  serviceName?: string;
  /**
   * The OTLP/HTTP base URL; `/v1/traces` is appended unless the URL already ends with it.
   * Default: `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT` (used as is), else `OTEL_EXPORTER_OTLP_ENDPOINT` + `/v1/traces`,
   * else `http://localhost:4318/v1/traces` (the Hotpath collector's default address).
   */
  endpoint?: string;
  /** Default: `OTEL_EXPORTER_OTLP_TRACES_PROTOCOL`, else `OTEL_EXPORTER_OTLP_PROTOCOL`, else `http/protobuf`. */
  protocol?: OtlpProtocol;
  /** Sent with every export (e.g. an API key), on top of `OTEL_EXPORTER_OTLP_HEADERS`; these win on a clash. */
  headers?: Record<string, string>;
  /** How long one export may take, retries included. Default: `OTEL_EXPORTER_OTLP_TIMEOUT`, else 10 000 ms. */
  exportTimeoutMs?: number;
  /**
   * Report spans while they run, so the Hotpath dashboard shows a long model call or a hung tool before it ends
   * (docs/spans.md, "Spans in progress"). Only a Hotpath collector receives these start records; with any other
   * backend the first answer switches them off. Default: `HOTPATH_REPORT_RUNNING_SPANS` (`false` turns it off), else on.
   */
  reportRunningSpans?: boolean;
}

/** Flushes the spans still buffered and stops exporting. Never throws; `exportStats` says what was lost. */
export type TelemetryShutdown = (() => Promise<void>) & { readonly exportStats: Readonly<ExportStats> };

const PROTOCOLS: readonly string[] = ['http/protobuf', 'http/json'];
let active = false;

function resolveProtocol(option: OtlpProtocol | undefined): OtlpProtocol {
  const fromEnv = process.env.OTEL_EXPORTER_OTLP_TRACES_PROTOCOL?.trim() || process.env.OTEL_EXPORTER_OTLP_PROTOCOL?.trim();
  const protocol = option ?? fromEnv ?? 'http/protobuf';
  if (!PROTOCOLS.includes(protocol)) {
    const source = option === undefined ? 'OTEL_EXPORTER_OTLP_(TRACES_)PROTOCOL' : 'setup({ protocol })';
    throw new TelemetryError(`${source} is "${protocol}"; setup() exports over OTLP/HTTP: use http/protobuf or http/json`);
  }
  return protocol as OtlpProtocol;
}

function tracesUrl(endpoint: string): string {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch (error) {
    throw new TelemetryError(`setup({ endpoint }) is not a URL: "${endpoint}"`, { cause: error });
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TelemetryError(`setup({ endpoint }) must be an http(s) URL, got "${endpoint}"`);
  }
  const base = endpoint.replace(/\/+$/, '');
  return base.endsWith('/v1/traces') ? base : `${base}/v1/traces`;
}

/** Where spans will go, for the failure message (the exporter resolves the same order itself). */
function exportUrl(options: SetupOptions): string {
  if (options.endpoint !== undefined) return tracesUrl(options.endpoint);
  const traces = process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT?.trim();
  if (traces) return traces;
  const base = process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  return base ? `${base.replace(/\/+$/, '')}/v1/traces` : 'http://localhost:4318/v1/traces';
}

/** The headers the exporter sends (the OTEL_* variables, then `headers`), for the start records' requests. */
function exportHeaders(options: SetupOptions): Record<string, string> {
  const fromEnv = process.env.OTEL_EXPORTER_OTLP_TRACES_HEADERS?.trim() || process.env.OTEL_EXPORTER_OTLP_HEADERS?.trim() || '';
  return { ...parseKeyPairsIntoRecord(fromEnv), ...options.headers };
}

function validate(options: SetupOptions): void {
  if (options.serviceName !== undefined && (typeof options.serviceName !== 'string' || options.serviceName.trim() === '')) {
    throw new TelemetryError('setup({ serviceName }) must be a non-empty string');
  }
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (typeof value !== 'string') throw new TelemetryError(`setup({ headers }): the value of "${name}" must be a string`);
  }
  const timeout = options.exportTimeoutMs;
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) {
    throw new TelemetryError(`setup({ exportTimeoutMs }) must be a positive number of milliseconds, got ${timeout}`);
  }
}

async function createExporter(protocol: OtlpProtocol, options: SetupOptions) {
  const config = {
    ...(options.endpoint !== undefined && { url: tracesUrl(options.endpoint) }),
    ...(options.headers !== undefined && { headers: options.headers }),
    ...(options.exportTimeoutMs !== undefined && { timeoutMillis: options.exportTimeoutMs }),
  };
  // Loaded on demand: only the chosen encoding's exporter is imported.
  if (protocol === 'http/json') {
    const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-http');
    return new OTLPTraceExporter(config);
  }
  const { OTLPTraceExporter } = await import('@opentelemetry/exporter-trace-otlp-proto');
  return new OTLPTraceExporter(config);
}

/**
 * Sends spans to an OTLP/HTTP endpoint: the Hotpath collector, or any OTel backend (Jaeger, Grafana Tempo, Langfuse,
 * Phoenix…; see sdk/src/telemetry/README.md). Registers the global tracer provider, which `instrument()` uses by
 * default. Export failures are counted and reported once on stderr, never thrown into the agent.
 *
 * Only traces are set up; metrics and logs are exported only if `OTEL_METRICS_EXPORTER` / `OTEL_LOGS_EXPORTER` ask
 * for them. `OTEL_SDK_DISABLED=true` or `OTEL_TRACES_EXPORTER=none` turn it into a no-op.
 *
 * @example
 * import { setup } from '@hotpath/sdk/otel';
 * const shutdown = await setup({ serviceName: 'support-desk', endpoint: 'http://127.0.0.1:4318' });
 * const runner = instrument(new Runner({ provider }));
 * await runner.run(agent, 'Where is order 42?');
 * await shutdown(); // flushes
 */
export async function setup(options: SetupOptions = {}): Promise<TelemetryShutdown> {
  validate(options);
  const protocol = resolveProtocol(options.protocol);
  if (active) throw new TelemetryError('setup() was already called; await its shutdown before calling it again');
  const tracesOff = process.env.OTEL_TRACES_EXPORTER?.split(',').some((name) => name.trim() === 'none') ?? false;
  if (tracesOff || process.env.OTEL_SDK_DISABLED?.trim().toLowerCase() === 'true') {
    return Object.assign(async () => {}, { exportStats: { exportedSpans: 0, failedSpans: 0, failedExports: 0 } });
  }

  active = true; // before the first await, so that two concurrent calls cannot both set up
  let otlp: Awaited<ReturnType<typeof createExporter>>;
  try {
    otlp = await createExporter(protocol, options);
  } catch (error) {
    active = false;
    throw error;
  }
  const target = exportUrl(options);
  const exporter = new CountingSpanExporter(otlp, (error) => {
    process.stderr.write(
      `@hotpath/sdk: exporting spans to ${target} failed (${error.message}). The agent is unaffected; ` +
        'further failures are counted in shutdown.exportStats, not logged.\n',
    );
  });
  const spanProcessors: SpanProcessor[] = [new BatchSpanProcessor(exporter)];
  if (options.reportRunningSpans ?? process.env.HOTPATH_REPORT_RUNNING_SPANS?.trim().toLowerCase() !== 'false') {
    spanProcessors.push(new StartedSpanProcessor({ tracesUrl: target, headers: exportHeaders(options) }));
  }
  const configuration: Partial<NodeSDKConfiguration> = { spanProcessors };
  if (options.serviceName !== undefined) configuration.serviceName = options.serviceName;
  // NodeSDK would otherwise also start OTLP metric and log exporters by default. Metrics (instrument()'s GenAI client
  // metrics) go out only when asked for with OTEL_METRICS_EXPORTER, configured by NodeSDK from the OTEL_* variables
  // alone (OTEL_EXPORTER_OTLP_METRICS_ENDPOINT, …): they go to a metrics backend, as the Hotpath collector keeps traces.
  if (!process.env.OTEL_METRICS_EXPORTER) configuration.metricReaders = [];
  if (!process.env.OTEL_LOGS_EXPORTER) configuration.logRecordProcessors = [];

  const sdk = new NodeSDK(configuration);
  sdk.start();

  let stopped: Promise<void> | undefined;
  const shutdown = () => {
    stopped ??= sdk
      .shutdown()
      .catch(() => {
        // already counted by the exporter: a failed final flush is data, not an exception at exit
      })
      .finally(() => {
        // so that setup() can be called again
        trace.disable();
        metrics.disable();
        active = false;
      });
    return stopped;
  };
  return Object.assign(shutdown, { exportStats: exporter.stats });
}
