// Start records of running spans, for the Hotpath collector (docs/spans.md, "Spans in progress"). OpenTelemetry
// exports a span only once it ends, so a long model call or a hung tool is invisible until it is over. This processor
// watches spans start; one still running after `announceAfterMs` is sent as it stands (name, parent, start,
// attributes so far) to `<traces URL>/started`, and again every `keepAliveMs` while it runs. The finished span then
// goes out through the normal exporter and replaces it.
//
// Why a path of its own rather than the normal OTLP path with a marker attribute: every OTLP backend other than
// Hotpath's would store such a record as a second, zero-length span. Start records go only where the answer carries
// `x-hotpath-collector`; any other answer (a 404 from Jaeger, Tempo, Langfuse…) switches the processor off for good,
// so other backends receive nothing but their usual finished spans, and the collector never forwards start records.
// Spans shorter than `announceAfterMs` (most tool calls) cost a map entry and nothing else.
import { diag, type Context } from '@opentelemetry/api';
import { JsonTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan, Span, SpanProcessor } from '@opentelemetry/sdk-trace-base';

export interface StartedSpanProcessorOptions {
  /** The OTLP/HTTP traces URL finished spans go to; start records go to `${tracesUrl}/started`. */
  tracesUrl: string;
  /** Sent with every request (the same as the exporter's, e.g. an ingest token). */
  headers?: Record<string, string>;
  /** A span still running this long after it started is announced. Default 500 ms. */
  announceAfterMs?: number;
  /** A span still running is announced again this often, so its trace is not taken for a dead one. Default 10 s. */
  keepAliveMs?: number;
  /** One request may take this long. Default 5 s. */
  timeoutMs?: number;
  /** At most this many running spans are watched at once (the rest are not announced). Default 10,000. */
  maxRunningSpans?: number;
}

interface Running {
  span: Span;
  startedAt: number;
  announcedAt: number | null;
}

/** Whether start records are sent: not yet known, yes (a Hotpath collector answered), or never. */
type Reach = 'unknown' | 'hotpath' | 'off';

const tickMs = 250;

/**
 * A SpanProcessor reporting spans while they run; `setup()` installs it beside the batch exporter.
 *
 * @example
 * new NodeSDK({ spanProcessors: [new BatchSpanProcessor(exporter), new StartedSpanProcessor({ tracesUrl: 'http://127.0.0.1:4318/v1/traces' })] });
 */
export class StartedSpanProcessor implements SpanProcessor {
  private readonly running = new Map<string, Running>();
  private readonly url: string;
  private reach: Reach = 'unknown';
  private timer: NodeJS.Timeout | undefined;
  private sending: Promise<void> | undefined;

  constructor(private readonly options: StartedSpanProcessorOptions) {
    this.url = `${options.tracesUrl.replace(/\/+$/, '')}/started`;
  }

  /** Whether start records are being sent (`hotpath`), not yet known, or switched off. */
  get state(): Reach {
    return this.reach;
  }

  onStart(span: Span, _parentContext: Context): void {
    if (this.reach === 'off' || this.running.size >= (this.options.maxRunningSpans ?? 10_000)) return;
    const context = span.spanContext();
    this.running.set(`${context.traceId}/${context.spanId}`, { span, startedAt: Date.now(), announcedAt: null });
    this.timer ??= setInterval(() => this.tick(), tickMs).unref();
  }

  onEnd(span: ReadableSpan): void {
    const context = span.spanContext();
    this.running.delete(`${context.traceId}/${context.spanId}`);
    if (this.running.size === 0) this.stop();
  }

  async forceFlush(): Promise<void> {
    await this.sending;
  }

  async shutdown(): Promise<void> {
    this.stop();
    this.running.clear();
    await this.sending;
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    if (this.sending || this.reach === 'off') return;
    const now = Date.now();
    const announceAfter = this.options.announceAfterMs ?? 500;
    const keepAlive = this.options.keepAliveMs ?? 10_000;
    const due: Running[] = [];
    for (const entry of this.running.values()) {
      if (entry.announcedAt === null ? now - entry.startedAt >= announceAfter : now - entry.announcedAt >= keepAlive) due.push(entry);
    }
    if (due.length === 0) return;
    for (const entry of due) entry.announcedAt = now;
    this.sending = this.send(due.map((entry) => entry.span)).finally(() => (this.sending = undefined));
  }

  private async send(spans: ReadableSpan[]): Promise<void> {
    const body = JsonTraceSerializer.serializeRequest(spans);
    if (!body) return;
    try {
      const response = await fetch(this.url, {
        method: 'POST',
        headers: { ...this.options.headers, 'content-type': 'application/json' },
        // OTLP/JSON is text; as a string the body suits every fetch typing (DOM and Node).
        body: new TextDecoder().decode(body),
        signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
      });
      await response.body?.cancel();
      if (response.headers.get('x-hotpath-collector') === null) {
        // Not Hotpath's collector: it gets finished spans only, from now on.
        this.switchOff(`${this.url} answered ${response.status} without x-hotpath-collector`);
      } else if (response.ok) {
        this.reach = 'hotpath';
      } else if (response.status < 500 && response.status !== 429) {
        this.switchOff(`${this.url} refused start records (${response.status})`);
      }
    } catch (error) {
      // Not reachable right now (not started yet, restarting): these spans are announced again at their keep-alive.
      diag.debug(`@hotpath/sdk: start records not sent to ${this.url}: ${(error as Error).message}`);
    }
  }

  private switchOff(reason: string): void {
    diag.debug(`@hotpath/sdk: running spans are not reported (${reason})`);
    this.reach = 'off';
    this.running.clear();
    this.stop();
  }
}
