import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExportResultCode, type ExportResult } from '@opentelemetry/core';
import type { ReadableSpan, SpanExporter } from '@opentelemetry/sdk-trace-base';
import { CountingSpanExporter } from './counting-span-exporter.ts';

/** An exporter that answers from a list of results, in order. */
function scriptedExporter(results: ExportResult[]): SpanExporter & { shutdowns: number } {
  return {
    shutdowns: 0,
    export(_spans, callback) {
      callback(results.shift()!);
    },
    async shutdown() {
      this.shutdowns++;
    },
  };
}

const spans = (n: number) => Array.from({ length: n }, () => ({}) as ReadableSpan);
const exportOnce = (exporter: SpanExporter, n: number) => new Promise<ExportResult>((resolve) => exporter.export(spans(n), resolve));

describe('CountingSpanExporter', () => {
  it('counts exported and lost spans, reports the first failure only, and passes every result on', async () => {
    const failures: string[] = [];
    const inner = scriptedExporter([
      { code: ExportResultCode.SUCCESS },
      { code: ExportResultCode.FAILED, error: new Error('connect ECONNREFUSED') },
      { code: ExportResultCode.FAILED, error: new Error('503') },
    ]);
    const exporter = new CountingSpanExporter(inner, (error) => failures.push(error.message));
    assert.equal((await exportOnce(exporter, 3)).code, ExportResultCode.SUCCESS);
    assert.equal((await exportOnce(exporter, 2)).code, ExportResultCode.FAILED);
    assert.equal((await exportOnce(exporter, 4)).code, ExportResultCode.FAILED);
    assert.deepEqual(exporter.stats, { exportedSpans: 3, failedSpans: 6, failedExports: 2, firstError: 'connect ECONNREFUSED' });
    assert.deepEqual(failures, ['connect ECONNREFUSED']);
    await exporter.shutdown();
    assert.equal(inner.shutdowns, 1);
    await exporter.forceFlush(); // the inner exporter has none: still resolves
  });

  it('keeps exporting when the failure report itself throws', async () => {
    const inner = scriptedExporter([{ code: ExportResultCode.FAILED }, { code: ExportResultCode.SUCCESS }]);
    const exporter = new CountingSpanExporter(inner, () => {
      throw new Error('stderr closed');
    });
    assert.equal((await exportOnce(exporter, 1)).code, ExportResultCode.FAILED);
    assert.equal((await exportOnce(exporter, 1)).code, ExportResultCode.SUCCESS);
    assert.equal(exporter.stats.firstError, 'span export failed');
  });
});
