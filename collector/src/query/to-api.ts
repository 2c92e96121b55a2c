// Stored rows → query API shapes (docs/query-api.md).
import type { Attributes, DecodedEvent, DecodedLink } from '../otlp/otlp-types.ts';
import { nanosToMs } from '../ingest/prepare-batch.ts';
import { isInProgress } from '../ingest/trace-summary.ts';
import { readStoredJson } from '../storage/read-stored-json.ts';
import type { SpanRecord, TraceRecord } from '../storage/schema.ts';
import type { SpanKindName, SpanRow, TraceSummary } from './api-types.ts';
import { byCodeUnit } from './query-store.ts';

const kindNames: SpanKindName[] = ['unspecified', 'internal', 'server', 'client', 'producer', 'consumer'];
const statusNames = ['unset', 'ok', 'error'] as const;

/**
 * A stored trace summary as the API's TraceSummary.
 *
 * @example
 * toTraceSummary(record).inProgress;
 */
export function toTraceSummary(record: TraceRecord): TraceSummary {
  return {
    traceId: record.traceId,
    rootSpanId: record.rootSpanId,
    name: record.name,
    service: record.service,
    agent: record.agent,
    startTime: record.startMs,
    endTime: record.endMs,
    durationMs: record.durationMs,
    spanCount: record.spanCount,
    errorCount: record.errorCount,
    cancelledCount: record.cancelledCount,
    fellBackCount: record.fellBackCount,
    status: record.errorCount > 0 ? 'error' : 'ok',
    inProgress: isInProgress(record),
    openSpanCount: record.openSpans,
    lastSeenTime: record.updatedMs,
    inputTokens: record.inputTokens,
    outputTokens: record.outputTokens,
    cachedInputTokens: record.cachedInputTokens,
    costUsd: record.costUsd,
    // In name order: stores merge the set in different orders (PostgreSQL sorts it, SQLite keeps arrival order).
    models: readStoredJson<string[]>(record.models).sort(byCodeUnit),
    simulated: record.simulated === 1,
    attributes: readStoredJson<Attributes>(record.attributes),
  };
}

/** A span row with, when full data was read, its resource and scope. */
export type StoredSpan = SpanRecord & {
  resourceAttributes?: string | null;
  scopeName?: string | null;
  scopeVersion?: string | null;
};

/**
 * A stored span as the API's SpanRow; `full` adds attributes, events, links, resource and scope.
 *
 * @example
 * toSpanRow(stored, true).attributes;
 */
export function toSpanRow(span: StoredSpan, full: boolean): SpanRow {
  const row: SpanRow = {
    traceId: span.traceId,
    spanId: span.spanId,
    parentSpanId: span.parentSpanId,
    name: span.name,
    kind: kindNames[span.kind] ?? 'unspecified',
    startTime: span.startMs,
    endTime: span.endMs,
    durationMs: span.durationMs,
    startTimeUnixNano: span.startTimeUnixNano,
    endTimeUnixNano: span.endTimeUnixNano,
    status: { code: statusNames[span.statusCode] ?? 'unset', message: span.statusMessage },
    operation: span.operation,
    provider: span.provider,
    model: span.model,
    agent: span.agent,
    toolName: span.toolName,
    inputTokens: span.inputTokens,
    outputTokens: span.outputTokens,
    cachedInputTokens: span.cachedInputTokens,
    costUsd: span.costUsd,
    cacheHit: span.cacheHit as SpanRow['cacheHit'],
    routeModel: span.routeModel,
    routeRule: span.routeRule,
    errorType: span.errorType,
    simulated: span.simulated === 1,
    open: span.open === 1,
  };
  if (!full) return row;
  row.attributes = readStoredJson<Attributes>(span.attributes);
  row.events = readStoredJson<DecodedEvent[]>(span.events).map((event) => ({
    name: event.name,
    time: nanosToMs(event.timeUnixNano),
    timeUnixNano: event.timeUnixNano,
    attributes: event.attributes,
  }));
  row.links = readStoredJson<DecodedLink[]>(span.links).map((link) => ({
    traceId: link.traceId,
    spanId: link.spanId,
    attributes: link.attributes,
  }));
  row.resource = span.resourceAttributes ? readStoredJson<Attributes>(span.resourceAttributes) : {};
  row.scope = { name: span.scopeName ?? '', version: span.scopeVersion ?? null };
  return row;
}
