// The pure core of the collector: a decoded OTLP request in, rows in SQLite out. No HTTP here, so tests call it
// directly; the route only decodes and hands over. One call is one transaction: a request is stored whole or,
// when something throws, not at all.
import type { TraceExportRequest, DecodedSpan } from '../otlp/otlp-types.ts';
import type { SpanWriter } from '../storage/span-writer.ts';
import type { SpanRecord } from '../storage/schema.ts';
import { deriveSpan } from './derive-span.ts';
import type { PricingTable } from './pricing.ts';
import { addSpan, closeTrace, openTrace, type TraceAccumulator } from './trace-summary.ts';

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
  /** Why spans were rejected, empty when none were. */
  errorMessage: string;
  /** Traces this call touched. */
  traceIds: string[];
}

const zeroTraceId = '0'.repeat(32);
const zeroSpanId = '0'.repeat(16);
const maxReportedProblems = 5;

/**
 * Stores every valid span of a decoded OTLP request and updates the trace summaries, in one transaction.
 *
 * @example
 * const writer = createSpanWriter(openDatabase(':memory:'));
 * const result = ingest(writer, decodeJsonTraces(body), { pricing: defaultPricing });
 * // result.acceptedSpans, result.rejectedSpans (OTLP partial success)
 */
export function ingest(writer: SpanWriter, request: TraceExportRequest, options: IngestOptions): IngestResult {
  const nowMs = options.nowMs ?? Date.now();
  const result: IngestResult = { acceptedSpans: 0, rejectedSpans: 0, duplicateSpans: 0, errorMessage: '', traceIds: [] };
  const problems: string[] = [];
  writer.transaction(() => {
    const touched = new Map<string, TraceAccumulator>();
    request.resourceSpans.forEach((resourceSpans, resourceIndex) => {
      const resource = resourceSpans.resource;
      let resourceId: number | undefined;
      resourceSpans.scopeSpans.forEach((scopeSpans, scopeIndex) => {
        let scopeId: number | undefined;
        scopeSpans.spans.forEach((span, spanIndex) => {
          const problem = validate(span);
          if (problem !== null) {
            result.rejectedSpans += 1;
            if (problems.length < maxReportedProblems) {
              problems.push(`resourceSpans[${resourceIndex}].scopeSpans[${scopeIndex}].spans[${spanIndex}]: ${problem}`);
            }
            return;
          }
          resourceId ??= writer.resourceId(resource.attributes, resource.droppedAttributesCount, resourceSpans.schemaUrl);
          const scope = scopeSpans.scope;
          scopeId ??= writer.scopeId(scope.name, scope.version, scope.attributes, scope.droppedAttributesCount, scopeSpans.schemaUrl);
          const derived = deriveSpan(span, resource.attributes, options.pricing);
          const startMs = nanosToMs(span.startTimeUnixNano);
          const endMs = nanosToMs(span.endTimeUnixNano);
          const row: SpanRecord = {
            traceId: span.traceId,
            spanId: span.spanId,
            parentSpanId: isRoot(span) ? null : span.parentSpanId,
            traceState: span.traceState === '' ? null : span.traceState,
            flags: span.flags,
            name: span.name,
            kind: span.kind,
            startTimeUnixNano: span.startTimeUnixNano,
            endTimeUnixNano: span.endTimeUnixNano,
            startMs,
            endMs,
            durationMs: Math.max(0, endMs - startMs),
            statusCode: span.status.code,
            statusMessage: span.status.message,
            attributes: JSON.stringify(span.attributes),
            events: JSON.stringify(span.events),
            links: JSON.stringify(span.links),
            droppedAttributesCount: span.droppedAttributesCount,
            droppedEventsCount: span.droppedEventsCount,
            droppedLinksCount: span.droppedLinksCount,
            resourceId,
            scopeId,
            receivedMs: nowMs,
            service: derived.service,
            operation: derived.operation,
            provider: derived.provider,
            model: derived.model,
            agent: derived.agent,
            toolName: derived.toolName,
            inputTokens: derived.inputTokens,
            outputTokens: derived.outputTokens,
            cachedInputTokens: derived.cachedInputTokens,
            cacheCreationInputTokens: derived.cacheCreationInputTokens,
            costUsd: derived.costUsd,
            isModelCall: derived.isModelCall ? 1 : 0,
            cacheHit: derived.cacheHit,
            savedMs: derived.savedMs,
            routeModel: derived.routeModel,
            routeRule: derived.routeRule,
            errorType: derived.errorType,
            simulated: derived.simulated ? 1 : 0,
          };
          if (!writer.insertSpan(row)) {
            result.duplicateSpans += 1;
            return;
          }
          result.acceptedSpans += 1;
          let trace = touched.get(span.traceId);
          if (trace === undefined) {
            trace = openTrace(span.traceId, writer.getTrace(span.traceId));
            touched.set(span.traceId, trace);
          }
          addSpan(
            trace,
            {
              spanId: span.spanId,
              parentSpanId: isRoot(span) ? '' : span.parentSpanId,
              name: span.name,
              startMs,
              endMs,
              statusCode: span.status.code,
              attributes: span.attributes,
              derived,
            },
            nowMs,
          );
        });
      });
    });
    for (const trace of touched.values()) writer.putTrace(closeTrace(trace));
    result.traceIds = [...touched.keys()];
  });
  if (result.rejectedSpans > 0) {
    const more = result.rejectedSpans > problems.length ? `; and ${result.rejectedSpans - problems.length} more` : '';
    result.errorMessage = `${result.rejectedSpans} span(s) rejected: ${problems.join('; ')}${more}`;
  }
  return result;
}

/** An all-zero parent id is invalid, which OTLP readers treat as "no parent". */
function isRoot(span: DecodedSpan): boolean {
  return span.parentSpanId === '' || span.parentSpanId === zeroSpanId;
}

function validate(span: DecodedSpan): string | null {
  if (span.traceId.length !== 32 || span.traceId === zeroTraceId) {
    return 'traceId must be 16 bytes and not all zero';
  }
  if (span.spanId.length !== 16 || span.spanId === zeroSpanId) return 'spanId must be 8 bytes and not all zero';
  if (span.parentSpanId !== '' && span.parentSpanId.length !== 16) return 'parentSpanId must be empty or 8 bytes';
  return null;
}

/**
 * Nanoseconds (decimal string) to milliseconds as a double: exact to the microsecond for current dates.
 *
 * @example
 * nanosToMs('1700000000123456789'); // 1700000000123.4568
 */
export function nanosToMs(nanos: string): number {
  // Split so the whole-millisecond part stays an exact integer before the fraction is added.
  if (nanos.length <= 6) return Number(nanos) / 1e6;
  return Number(nanos.slice(0, -6)) + Number(nanos.slice(-6)) / 1e6;
}
