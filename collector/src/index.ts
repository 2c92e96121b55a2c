// @hotpath/collector: the OTLP receiver, SQLite store and query API, as a library. `startCollector` runs the
// whole thing; `ingest` is the pure core tests and embedders call without HTTP.
export { startCollector } from './start-collector.ts';
export type { CollectorOptions, CollectorStats, RunningCollector } from './start-collector.ts';
export { ingest, storeBatch } from './ingest/ingest.ts';
export { nanosToMs, prepareBatch } from './ingest/prepare-batch.ts';
export type { PreparedBatch } from './ingest/prepare-batch.ts';
export type { IngestOptions, IngestResult } from './ingest/ingest.ts';
export { decodeJsonTraces } from './otlp/decode-json.ts';
export { decodeProtobufTraces } from './otlp/decode-protobuf.ts';
export { otlpTypes } from './otlp/otlp-schema.ts';
export type { Attributes, TraceExportRequest } from './otlp/otlp-types.ts';
export { openDatabase } from './storage/open-database.ts';
export type { CollectorDatabase } from './storage/open-database.ts';
export { createSpanWriter } from './storage/span-writer.ts';
export type { SpanWriter } from './storage/span-writer.ts';
export { applyRetention } from './storage/retention.ts';
export type { RetentionPolicy } from './storage/retention.ts';
export { costOf, defaultPricing, loadPricingFile, priceOf } from './ingest/pricing.ts';
export type { ModelPrice, PricingTable } from './ingest/pricing.ts';
export { CollectorError } from './errors.ts';
// How long-running commands (the collector's CLI, the viewer, the demo) stop, and make the processes they start stop.
export { exitWithParentImport, STOP_SIGNALS, untilStopSignal, watchParent } from './lifecycle/index.ts';
export type { StopReason } from './lifecycle/index.ts';
export type { CollectorErrorCode } from './errors.ts';
// The query API's JSON shapes; browser code imports them from `@hotpath/collector/api-types`, which pulls in nothing else.
export type {
  ApiErrorResponse,
  AttributeValue,
  CacheFigures,
  CacheOutcome,
  CacheResponse,
  CompareResponse,
  FacetsResponse,
  ForwardingHealth,
  HealthResponse,
  IngestHealth,
  LiveTracesEvent,
  RoutingDecision,
  RoutingModelStats,
  RoutingResponse,
  RoutingRuleCount,
  SpanEvent,
  SpanKindName,
  SpanLink,
  SpanResponse,
  SpanRow,
  SpendBucket,
  SpendFigures,
  SpendResponse,
  TraceDetail,
  TraceListResponse,
  TraceSummary,
} from './query/api-types.ts';
