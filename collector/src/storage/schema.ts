// The collector's SQLite schema, the one source of truth: drizzle-kit generates the migrations in ../../drizzle
// from this file (`npx drizzle-kit generate`), and queries take their row types from it.
//
// Spans keep everything OTLP carries (attributes, events, links, status, kind, trace state, flags, dropped
// counts; resource and scope through de-duplicated rows) plus derived columns for fast queries. Trace summaries
// are maintained incrementally at ingest so the trace list never aggregates spans.
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row per distinct resource (service.name and friends), shared by all spans that carry it. */
export const resources = sqliteTable('resources', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** sha256 of `attributes` + schema URL + dropped count: the de-duplication key. */
  hash: text('hash').notNull().unique(),
  attributes: text('attributes').notNull(),
  droppedAttributesCount: integer('dropped_attributes_count').notNull().default(0),
  schemaUrl: text('schema_url'),
});

/** One row per distinct instrumentation scope. */
export const scopes = sqliteTable('scopes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  hash: text('hash').notNull().unique(),
  name: text('name').notNull(),
  version: text('version'),
  attributes: text('attributes').notNull(),
  droppedAttributesCount: integer('dropped_attributes_count').notNull().default(0),
  schemaUrl: text('schema_url'),
});

export const spans = sqliteTable(
  'spans',
  {
    traceId: text('trace_id').notNull(),
    spanId: text('span_id').notNull(),
    parentSpanId: text('parent_span_id'),
    traceState: text('trace_state'),
    flags: integer('flags'),
    name: text('name').notNull(),
    /** OTLP SpanKind number (0 unspecified … 5 consumer). */
    kind: integer('kind').notNull(),
    /** Lossless nanosecond timestamps as decimal strings; the `_ms` doubles are for sorting and arithmetic. */
    startTimeUnixNano: text('start_time_unix_nano').notNull(),
    endTimeUnixNano: text('end_time_unix_nano').notNull(),
    startMs: real('start_ms').notNull(),
    endMs: real('end_ms').notNull(),
    durationMs: real('duration_ms').notNull(),
    /** OTLP StatusCode number (0 unset, 1 ok, 2 error). */
    statusCode: integer('status_code').notNull(),
    statusMessage: text('status_message').notNull(),
    /** JSON object of the span attributes, values as sent (see src/otlp/any-value.ts). */
    attributes: text('attributes').notNull(),
    /** JSON array of `{ name, timeUnixNano, attributes, droppedAttributesCount }`. */
    events: text('events').notNull(),
    /** JSON array of `{ traceId, spanId, traceState, flags, attributes, droppedAttributesCount }`. */
    links: text('links').notNull(),
    droppedAttributesCount: integer('dropped_attributes_count').notNull(),
    droppedEventsCount: integer('dropped_events_count').notNull(),
    droppedLinksCount: integer('dropped_links_count').notNull(),
    resourceId: integer('resource_id').notNull(),
    scopeId: integer('scope_id').notNull(),
    receivedMs: real('received_ms').notNull(),
    // Derived columns (docs/spans.md), null when not applicable.
    service: text('service'),
    operation: text('operation'),
    provider: text('provider'),
    model: text('model'),
    agent: text('agent'),
    toolName: text('tool_name'),
    /** Normalised to include cached tokens, whatever the sender's convention (src/ingest/token-usage.ts). */
    inputTokens: integer('input_tokens'),
    outputTokens: integer('output_tokens'),
    cachedInputTokens: integer('cached_input_tokens'),
    cacheCreationInputTokens: integer('cache_creation_input_tokens'),
    costUsd: real('cost_usd'),
    /** 1 when this span is a model call whose tokens count towards spend (never the run totals on invoke_agent). */
    isModelCall: integer('is_model_call').notNull(),
    cacheHit: text('cache_hit'),
    savedMs: real('saved_ms'),
    routeModel: text('route_model'),
    routeRule: text('route_rule'),
    errorType: text('error_type'),
    simulated: integer('simulated').notNull(),
    /**
     * 1 while this row is only a span's start record (sent by the SDK while the span runs, docs/spans.md): its end,
     * status and results have not arrived. The finished span replaces the row.
     */
    open: integer('open').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.traceId, table.spanId] }),
    // Search by span id alone (the primary key starts with the trace id).
    index('spans_span_id').on(table.spanId),
    // Spend and routing read model calls by time, the cache view tool calls with a cache outcome. Partial indexes
    // hold only those spans, so the other spans cost no index write at ingest. The model calls' index covers every
    // column spend and routing read, so a week of them (200,000 calls) is aggregated from the index alone: reading
    // each call's table row cost 0.6 s of the 1.1 s a week's spend took; the wider entries cost ~10% more time
    // inserting spans, at model calls only (measured on a copy of a 100,000-trace week).
    index('spans_model_call_start')
      .on(table.startMs, table.model, table.routeRule, table.routeModel, table.durationMs, table.inputTokens, table.outputTokens, table.cachedInputTokens, table.costUsd, table.service, table.simulated, table.traceId)
      .where(sql`is_model_call = 1`),
    index('spans_cache_start').on(table.startMs).where(sql`cache_hit is not null`),
    // Routing decisions (rules, decision list, escalations) are the routed model calls only.
    index('spans_routed_start').on(table.startMs).where(sql`route_model is not null`),
  ],
);

/** One row per trace, merged batch by batch as its spans arrive (children usually before the root). */
export const traces = sqliteTable(
  'traces',
  {
    traceId: text('trace_id').primaryKey(),
    rootSpanId: text('root_span_id'),
    /** Root span name, or the earliest span's name while the root is missing. */
    name: text('name').notNull(),
    /** Start of the span `name` came from, so an earlier span can take over while the root is missing. */
    nameStartMs: real('name_start_ms').notNull(),
    service: text('service'),
    agent: text('agent'),
    /** Start of the invoke_agent span `agent` came from (the root-most is the earliest). */
    agentStartMs: real('agent_start_ms'),
    startMs: real('start_ms').notNull(),
    endMs: real('end_ms').notNull(),
    durationMs: real('duration_ms').notNull(),
    rootEndMs: real('root_end_ms'),
    spanCount: integer('span_count').notNull(),
    errorCount: integer('error_count').notNull(),
    /** Spans that worked as designed though something did not happen (hotpath.tool.outcome): never errors. */
    cancelledCount: integer('cancelled_count').notNull().default(0),
    fellBackCount: integer('fell_back_count').notNull().default(0),
    inputTokens: integer('input_tokens').notNull(),
    outputTokens: integer('output_tokens').notNull(),
    cachedInputTokens: integer('cached_input_tokens').notNull(),
    totalTokens: integer('total_tokens').notNull(),
    costUsd: real('cost_usd').notNull(),
    modelCalls: integer('model_calls').notNull(),
    toolCalls: integer('tool_calls').notNull(),
    /** JSON array of distinct model names of model-call spans. */
    models: text('models').notNull(),
    simulated: integer('simulated').notNull(),
    /** JSON object: the root span's `hotpath.workload.*` attributes. */
    attributes: text('attributes').notNull(),
    /** Lower-cased distinct span, agent, tool and model names, newline separated, for `q` (capped, see trace-summary.ts). */
    searchText: text('search_text').notNull(),
    updatedMs: real('updated_ms').notNull(),
    /** Spans of this trace stored as start records only (still running, or never ended). */
    openSpans: integer('open_spans').notNull().default(0),
    /**
     * `key=value` lines (newline-delimited, one leading and trailing newline) of the root span's short attributes,
     * for attribute search (see trace-summary.ts: a compact column scanned, not a row per attribute).
     */
    tags: text('tags').notNull().default(''),
  },
  (table) => [
    // Every sort of the trace list reads an index in order, with the trace id as the keyset tie-breaker.
    index('traces_start').on(table.startMs, table.traceId),
    index('traces_duration').on(table.durationMs, table.traceId),
    index('traces_tokens').on(table.totalTokens, table.traceId),
    index('traces_cost').on(table.costUsd, table.traceId),
    index('traces_end').on(table.endMs),
    index('traces_service_start').on(table.service, table.startMs),
    index('traces_agent_start').on(table.agent, table.startMs),
  ],
);

export type SpanRecord = typeof spans.$inferSelect;
export type TraceRecord = typeof traces.$inferSelect;
export type ResourceRecord = typeof resources.$inferSelect;
export type ScopeRecord = typeof scopes.$inferSelect;
