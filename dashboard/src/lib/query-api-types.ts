// The collector query API's JSON shapes (docs/query-api.md), as the dashboard reads them.
// All times are epoch milliseconds.

/** A root span attribute value as the collector reports it. */
export type TraceAttributeValue = string | number | boolean | string[];

/** One trace as listed by `GET /api/traces`. */
export interface TraceSummary {
  traceId: string;
  rootSpanId: string | null;
  name: string;
  service: string | null;
  agent: string | null;
  startTime: number;
  endTime: number;
  durationMs: number;
  spanCount: number;
  errorCount: number;
  status: 'ok' | 'error';
  inProgress: boolean;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  costUsd: number;
  models: string[];
  simulated: boolean;
  attributes: Record<string, TraceAttributeValue>;
}

/** How a span's cached tool call went (`hotpath.cache.hit`). */
export type CacheOutcome = 'hit' | 'miss' | 'shared' | 'off';

/** One stored span; the full-data fields are absent when fetched with `view=waterfall`. */
export interface SpanRow {
  traceId: string;
  spanId: string;
  parentSpanId: string | null;
  name: string;
  kind: 'internal' | 'server' | 'client' | 'producer' | 'consumer' | 'unspecified';
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
  attributes?: Record<string, unknown>;
  events?: SpanEvent[];
  links?: { traceId: string; spanId: string; attributes: Record<string, unknown> }[];
  resource?: Record<string, unknown>;
  scope?: { name: string; version: string | null };
}

/** A span event (exceptions, condensation, stuck detection, budgets). */
export interface SpanEvent {
  name: string;
  time: number;
  timeUnixNano: string;
  attributes: Record<string, unknown>;
}

/** `GET /api/traces` answer. */
export interface TraceListResponse {
  traces: TraceSummary[];
  nextCursor: string | null;
}

/** `GET /api/traces/:traceId` answer. */
export interface TraceDetailResponse {
  trace: TraceSummary;
  spans: SpanRow[];
}

/** `GET /api/facets` answer. */
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

/** `GET /api/spend` answer. */
export interface SpendResponse {
  bucketMs: number;
  groups: string[];
  buckets: (SpendFigures & { start: number; group: string })[];
  totals: SpendFigures & { cachedShare: number };
}

/** Per-model figures of `GET /api/routing`. */
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
}

/** One routing decision (a `chat` span carrying `hotpath.route.*`). */
export interface RoutingDecision {
  traceId: string;
  spanId: string;
  time: number;
  model: string;
  candidates: string[];
  rule: string | null;
  reason: string | null;
  latencyMs: number;
  costUsd: number | null;
  escalated: boolean;
}

/** `GET /api/routing` answer. */
export interface RoutingResponse {
  models: RoutingModelStats[];
  rules: { rule: string; model: string; count: number }[];
  decisions: RoutingDecision[];
  escalations: number;
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
  tools: (CacheFigures & { toolName: string })[];
  totals: CacheFigures & { hitRate: number };
}

/** `GET /api/compare` answer; `diff` is b − a and `speedup` is a.durationMs / b.durationMs (null when b took no time). */
export interface CompareResponse {
  a: TraceDetailResponse;
  b: TraceDetailResponse;
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

/** `GET /api/health` answer. */
export interface HealthResponse {
  ok: boolean;
  traces: number;
  spans: number;
  dbPath: string;
  uptimeMs: number;
}
