// A span exporter decorator that counts what was exported and what failed, and says so once. A collector that is
// down must never throw into the user's agent, but it must not be silent either (OpenTelemetry's own error handler
// only logs through `diag`, which is off unless configured).
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';

export interface ExportStats {
  exportedSpans: number;
  failedSpans: number;
  failedExports: number;
  /** The first failure's message, if any. */
  firstError?: string;
}

/**
 * Wraps an exporter; `stats` counts spans exported and lost, and `onFirstFailure` is called for the first failure
 * only (later ones are counted, so a dead collector does not flood the log).
 *
 * @example
 * const exporter = new CountingSpanExporter(new OTLPTraceExporter(), (error) => console.warn(error.message));
 */
export class CountingSpanExporter implements SpanExporter {
  readonly stats: ExportStats = { exportedSpans: 0, failedSpans: 0, failedExports: 0 };

  constructor(
    private readonly inner: SpanExporter,
    private readonly onFirstFailure: (error: Error) => void,
  ) {}

  export(spans: ReadableSpan[], resultCallback: (result: ExportResult) => void): void {
    this.inner.export(spans, (result) => {
      if (result.code === ExportResultCode.SUCCESS) {
        this.stats.exportedSpans += spans.length;
      } else {
        this.stats.failedSpans += spans.length;
        this.stats.failedExports += 1;
        if (this.stats.firstError === undefined) {
          const error = result.error ?? new Error('span export failed');
          this.stats.firstError = error.message;
          try {
            this.onFirstFailure(error);
          } catch {
            // reporting must not break exporting
          }
        }
      }
      resultCallback(result);
    });
  }

  shutdown(): Promise<void> {
    return this.inner.shutdown();
  }

  forceFlush(): Promise<void> {
    return this.inner.forceFlush?.() ?? Promise.resolve();
  }
}
