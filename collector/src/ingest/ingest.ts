// The pure core of the collector: a decoded OTLP request in, rows in SQLite out. No HTTP here, so tests call it
// directly; the route only decodes and hands over. It runs in two halves — prepareBatch (no database; may run on
// a worker thread) and storeBatch (one transaction: a request is stored whole or, when something throws, not at all).
import type { TraceExportRequest } from '../otlp/otlp-types.ts';
import type { SpanWriter } from '../storage/span-writer.ts';
import type { PreparedBatch } from './prepare-batch.ts';
import { prepareBatch } from './prepare-batch.ts';
import type { PricingTable } from './pricing.ts';
import { addOpenSpan, addSpan, closeOpenSpan, closeTrace, openTrace, type TraceAccumulator } from './trace-summary.ts';

export interface IngestOptions {
  pricing: PricingTable;
  /** Clock for `received_ms`; tests pin it. */
  nowMs?: number;
}

/** The outcome, shaped after OTLP's partial success. */
export interface IngestResult {
  /** Spans stored by this call. */
  acceptedSpans: number;
  /** Spans refused as invalid (bad ids): OTLP `rejected_spans`. */
  rejectedSpans: number;
  /** Spans already stored (a sender retrying a batch): acknowledged, not stored twice. */
  duplicateSpans: number;
  /** Start records of running spans stored (docs/spans.md); not counted in `acceptedSpans` until they end. */
  startedSpans: number;
  /** Why spans were rejected, empty when none were. */
  errorMessage: string;
  /** Traces this call touched. */
  traceIds: string[];
}

/**
 * Stores every valid span of a decoded OTLP request and updates the trace summaries, in one transaction.
 *
 * @example
 * const writer = createSpanWriter(openDatabase(':memory:'));
 * const result = ingest(writer, decodeJsonTraces(body), { pricing: defaultPricing });
 * // result.acceptedSpans, result.rejectedSpans (OTLP partial success)
 */
export function ingest(writer: SpanWriter, request: TraceExportRequest, options: IngestOptions): IngestResult {
  return storeBatch(writer, prepareBatch(request, options.pricing), options.nowMs ?? Date.now());
}

/**
 * Writes a prepared batch in one transaction: new spans are inserted (spans already stored are acknowledged and
 * skipped, so a retried batch is not counted twice) and the summaries of the touched traces merged.
 *
 * @example
 * storeBatch(writer, prepareBatch(request, defaultPricing), Date.now());
 */
export function storeBatch(writer: SpanWriter, batch: PreparedBatch, nowMs: number): IngestResult {
  const result: IngestResult = { acceptedSpans: 0, rejectedSpans: batch.rejectedSpans, duplicateSpans: 0, startedSpans: 0, errorMessage: '', traceIds: [] };
  writer.transaction(() => {
    const touched = new Map<string, TraceAccumulator>();
    const summaryOf = (traceId: string): TraceAccumulator => {
      let trace = touched.get(traceId);
      if (trace === undefined) {
        trace = openTrace(traceId, writer.getTrace(traceId));
        touched.set(traceId, trace);
      }
      return trace;
    };
    for (const group of batch.groups) {
      const resourceId = writer.resourceId(group.resource.attributes, group.resource.droppedAttributesCount, group.resource.schemaUrl);
      const { name, version, attributes, droppedAttributesCount, schemaUrl } = group.scope;
      const scopeId = writer.scopeId(name, version, attributes, droppedAttributesCount, schemaUrl);
      for (const row of group.rows) {
        row.resourceId = resourceId;
        row.scopeId = scopeId;
        row.receivedMs = nowMs;
        if (row.open === 1) {
          // A start record: stored unless the span (or its start) is already there. A repeated start is the
          // sender's keep-alive for a span still running: it only tells the trace it is not quiet.
          if (writer.insertSpan(row)) {
            result.startedSpans += 1;
            addOpenSpan(summaryOf(row.traceId), row, group.workloadAttributes[row.spanId], nowMs, group.rootTags[row.spanId]);
          } else summaryOf(row.traceId).record.updatedMs = nowMs;
          continue;
        }
        let replacedOpen = false;
        if (!writer.insertSpan(row)) {
          // Only a start record gives way to the finished span; anything else is a retried batch.
          replacedOpen = writer.replaceOpenSpan(row);
          if (!replacedOpen) {
            result.duplicateSpans += 1;
            continue;
          }
        }
        result.acceptedSpans += 1;
        const trace = summaryOf(row.traceId);
        if (replacedOpen) closeOpenSpan(trace);
        addSpan(trace, row, group.workloadAttributes[row.spanId], nowMs, group.rootTags[row.spanId], group.toolOutcomes[row.spanId]);
      }
    }
    for (const trace of touched.values()) writer.putTrace(closeTrace(trace));
    result.traceIds = [...touched.keys()];
  });
  if (batch.rejectedSpans > 0) {
    const more = batch.rejectedSpans > batch.problems.length ? `; and ${batch.rejectedSpans - batch.problems.length} more` : '';
    result.errorMessage = `${batch.rejectedSpans} span(s) rejected: ${batch.problems.join('; ')}${more}`;
  }
  return result;
}
