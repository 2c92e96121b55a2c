// The query API's JSON shapes: the one TypeScript statement of the contract in docs/query-api.md. The collector's
// query modules return these types, so the compiler checks that what the server sends is what the contract says;
// clients import them with `import type { TraceSummary } from '@hotpath/collector/api-types'`.
// Types only, no imports and nothing Node-specific: the dashboard typechecks this file under DOM and bundler
// resolution, and nothing from it may reach a browser bundle. All times are epoch milliseconds.

/** An attribute value as sent, mapped to JSON: kvlists become objects, bytes base64, an empty value null. */
export type AttributeValue = string | number | boolean | null | AttributeValue[] | { [key: string]: AttributeValue };

/** One trace as listed by `GET /api/traces`. Token and cost figures sum model calls only. */
export interface TraceSummary {
  traceId: string;
  /** Null while the root span has not arrived. */
  rootSpanId: string | null;
  name: string;
  service: string | null;
  agent: string | null;
  startTime: number;
  endTime: number;
  durationMs: number;
  spanCount: number;
  /** Spans with status ERROR: real failures only (docs/spans.md). */
  errorCount: number;
  /** Speculative tool calls cancelled unused (`hotpath.tool.outcome` cancelled): by design, not errors. */
  cancelledCount: number;
  /** Tool calls that failed or timed out and whose fallback answered (`hotpath.tool.outcome` fell_back). */
  fellBackCount: number;
  status: 'ok' | 'error';
  /** A span is still running (its start record is stored, its end is not), the root is missing, or a span outlived it. */
  inProgress: boolean;
  /** Spans stored as start records only: running, or never ended (see `lastSeenTime`). Not in `spanCount`. */
  openSpanCount: number;
  /** When the collector last received anything for this trace (a span, a start record or its keep-alive). */
  lastSeenTime: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costUsd: number;
  models: string[];
  simulated: boolean;
  /** The root span's `hotpath.workload.*` attributes. */
  attributes: Record<string, AttributeValue>;
}

/** The OTLP span kind, by name. */
export type SpanKindName = 'unspecified' | 'internal' | 'server' | 'client' | 'producer' | 'consumer';

/** How a span's cached tool call went (`hotpath.cache.hit`). */
export type CacheOutcome = 'hit' | 'miss' | 'shared' | 'off';

/** A span event (exceptions, condensation, stuck detection, budgets). */
export interface SpanEvent {
  name: string;
  time: number;
  timeUnixNano: string;
  attributes: Record<string, AttributeValue>;
}

/** A link from a span to another span. */
export interface SpanLink {
  traceId: string;
  spanId: string;
  attributes: Record<string, AttributeValue>;
}

/** One stored span; the full-data fields (attributes to scope) are absent when fetched with `view=waterfall`. */
export interface SpanRow {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: SpanKindName;
  startTime: number;
  endTime: number;
  durationMs: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  status: { code: 'unset' | 'ok' | 'error'; message: string };
  operation: string | null;
  provider: string | null;
  model: string | null;
  agent: string | null;
  toolName: string | null;
  inputTokens: number | null;
  outputTokens: number | null;
  cachedInputTokens: number | null;
  costUsd: number | null;
  cacheHit: CacheOutcome | null;
  routeModel: string | null;
  routeRule: string | null;
  errorType: string | null;
  simulated: boolean;
  /** Only the span's start record is stored: it is running, or it never ended (docs/spans.md). */
  open: boolean;
  attributes?: Record<string, AttributeValue>;
  events?: SpanEvent[];
  links?: SpanLink[];
  resource?: Record<string, AttributeValue>;
  scope?: { name: string; version: string | null };
}

/**
 * Spans of one trace in columns (`GET /api/traces/:traceId/spans`): every field an array with one entry per span,
 * strings stored once in `strings` and referred to by index, times as offsets. What the waterfall's rows need, and
 * nothing else: attributes, events and links are fetched per span.
 */
export interface SpanColumns {
  /** Epoch ms that `starts` count from. */
  base: number;
  spanIds: string[];
  /** Index into `strings` of the parent span's id; -1 for a root. */
  parents: number[];
  /** Index into `strings`; names longer than 1,024 characters are cut there (flag 8). */
  names: number[];
  /** Index into `strings` of `gen_ai.operation.name`, -1 when absent. */
  operations: number[];
  /** Start, as ms from `base` (microsecond precision). */
  starts: number[];
  /** ms; 0 for a span still running. */
  durations: number[];
  /** Bits: 1 error status, 2 simulated, 4 open (a start record: still running, or never ended), 8 name cut. */
  flags: number[];
  /** Index into `strings`, -1 when absent. */
  models: number[];
  tools: number[];
  /** Input + output tokens of a model call or an agent run; -1 when unknown. */
  tokens: number[];
  costs: (number | null)[];
  /** Index into `['hit', 'miss', 'shared', 'off']`, -1 when absent. */
  cacheHits: number[];
  strings: string[];
}

/** `GET /api/traces/:traceId/spans` answer: one page of spans in start order. */
export interface SpanPage {
  trace: TraceSummary;
  spans: SpanColumns;
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
  /** The collector's clock when the page was read: live updates `since` a little before it miss nothing. */
  readAt: number;
}

/** `GET /api/traces/:traceId/matches` answer: the spans of the trace matching every search term. */
export interface SpanMatchesResponse {
  spanIds: string[];
  /** More spans matched than the answer holds (at most 100,000). */
  truncated: boolean;
}

/** `GET /api/traces` answer. */
export interface TraceListResponse {
  traces: TraceSummary[];
  nextCursor: string | null;
}

/** `GET /api/traces/:traceId` answer; spans sorted by start time. */
export interface TraceDetail {
  trace: TraceSummary;
  spans: SpanRow[];
}

/** `GET /api/traces/:traceId/spans/:spanId` answer, with full data. */
export interface SpanResponse {
  span: SpanRow;
}

/** `GET /api/facets` answer, each list sorted. */
export interface FacetsResponse {
  services: string[];
  agents: string[];
  models: string[];
}

/** Token and cost figures shared by spend buckets and totals. */
export interface SpendFigures {
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costUsd: number;
  requests: number;
}

/** One time bucket of one group (`unknown` when the call had no value). */
export interface SpendBucket extends SpendFigures {
  start: number;
  group: string;
  /** At least one of its calls belongs to a simulated trace; a group is simulated when any of its buckets is. */
  simulated: boolean;
}

/** `GET /api/spend` answer. */
export interface SpendResponse {
  bucketMs: number;
  groups: string[];
  buckets: SpendBucket[];
  /**
   * `cachedShare` = cachedInputTokens / inputTokens, 0 without input; `simulatedShare` = the share of requests
   * that belong to simulated traces, 0 without requests.
   */
  totals: SpendFigures & { cachedShare: number; simulatedShare: number };
}

/** Per-model figures of `GET /api/routing`; latencies are span durations, percentiles nearest-rank. */
export interface RoutingModelStats {
  model: string;
  calls: number;
  routed: number;
  avgLatencyMs: number;
  p50LatencyMs: number;
  p95LatencyMs: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  /** At least one of its calls belongs to a simulated trace. */
  simulated: boolean;
}

/** How often a routing rule chose a model. */
export interface RoutingRuleCount {
  rule: string;
  model: string;
  count: number;
  /** At least one of these decisions belongs to a simulated trace. */
  simulated: boolean;
}

/** One routing decision (a model call carrying `hotpath.route.*`). */
export interface RoutingDecision {
  traceId: string;
  spanId: string;
  time: number;
  model: string;
  /** `[]` when the span did not carry them. */
  candidates: string[];
  rule: string | null;
  reason: string | null;
  latencyMs: number;
  costUsd: number | null;
  /** The rule mentions escalation (`cascade:escalate`). */
  escalated: boolean;
  /** The call belongs to a simulated trace. */
  simulated: boolean;
}

/** `GET /api/routing` answer; decisions newest first, at most 500. */
export interface RoutingResponse {
  models: RoutingModelStats[];
  rules: RoutingRuleCount[];
  decisions: RoutingDecision[];
  escalations: number;
  /** Share of the model calls that belong to simulated traces, 0 without calls. */
  simulatedShare: number;
}

/** Cache figures shared by per-tool rows and totals. */
export interface CacheFigures {
  calls: number;
  hits: number;
  misses: number;
  shared: number;
  savedMs: number;
}

/** `GET /api/cache` answer. */
export interface CacheResponse {
  /** `simulated`: at least one of the tool's calls ran in a simulated trace. */
  tools: (CacheFigures & { toolName: string; simulated: boolean })[];
  /** `hitRate` = (hits + shared) / (hits + misses + shared), 0 when none counts. */
  totals: CacheFigures & { hitRate: number };
  /** Share of the calls that belong to simulated traces, 0 without calls. */
  simulatedShare: number;
}

/** `GET /api/compare` answer; `diff` is b − a. */
export interface CompareResponse {
  a: TraceDetail;
  b: TraceDetail;
  /** a.durationMs / b.durationMs: above 1 means b was faster; null when b took no time. */
  speedup: number | null;
  diff: {
    inputTokens: number;
    outputTokens: number;
    cachedInputTokens: number;
    costUsd: number;
    spanCount: number;
    modelCalls: number;
    toolCalls: number;
  };
}

/** Ingest counters of `GET /api/health`. */
export interface IngestHealth {
  acceptedSpans: number;
  rejectedSpans: number;
  duplicateSpans: number;
  /** Start records of running spans stored (`POST /v1/traces/started`). */
  startedSpans: number;
  /** Refused OTLP requests by HTTP status. */
  refusedRequests: Record<number, number>;
  pendingSpans: number;
  decodeWorkers: number;
  /** Threads answering query API reads (0: they run on the main thread). */
  readWorkers: number;
}

/** Forwarding counters of `GET /api/health`, when the collector forwards to another OTLP endpoint. */
export interface ForwardingHealth {
  endpoint: string;
  /** `retrying` from a failed attempt until one succeeds again (batches wait in the queue meanwhile). */
  state: 'ok' | 'retrying';
  /** Batches the target accepted. */
  forwarded: number;
  /** Attempts that failed (each retry of a batch counts again). */
  failed: number;
  /** Attempts that were retries of a batch that had failed. */
  retried: number;
  /** Batches given up: the queue was full, the target refused them for good, or they failed for 5 minutes. */
  dropped: number;
  droppedBytes: number;
  /** Batches waiting to be sent, and their size. */
  queued: number;
  queuedBytes: number;
  lastError: string | null;
  /** Epoch ms of `lastError`, and of the last batch the target accepted. */
  lastErrorTime: number | null;
  lastSuccessTime: number | null;
}

/** The database part of `GET /api/health`. */
export interface DatabaseHealth {
  /** False while the file is damaged (PRAGMA quick_check, or a read or write that said so) or the last write failed. */
  ok: boolean;
  /** What is wrong and what to do, when not ok. */
  problem: string | null;
  /** The last quick_check (at start for files up to 256 MiB, then every 10 minutes): epoch ms, how long, sound or not. */
  lastCheck: { time: number; durationMs: number; ok: boolean } | null;
}

/** `GET /api/health` answer. */
export interface HealthResponse {
  /** False while the database is failing (see `database.problem`). */
  ok: boolean;
  database: DatabaseHealth;
  traces: number;
  spans: number;
  uptimeMs: number;
  ingest: IngestHealth;
  forwarding: ForwardingHealth | null;
}

/** Data of a `traces` event on `GET /api/live`: traces a stored batch touched. */
export interface LiveTracesEvent {
  traceIds: string[];
}

/**
 * Data of a `spans` event on `GET /api/live?traceId=…`: the trace's spans stored (or replaced) since the last event,
 * in columns, and its summary as it now stands. Merge by span id; a finished span replaces its start record.
 */
export interface LiveSpansEvent {
  trace: TraceSummary;
  spans: SpanColumns;
}

/** Body of every 4xx/5xx answer. */
export interface ApiErrorResponse {
  error: { code: string; message: string };
}
