// The collector's schema for PostgreSQL (scale-out: several collectors sharing one database), kept equal to the
// SQLite schema in schema.ts column for column and index for index by pg-schema.test.ts, which fails naming any
// difference: change both files together. drizzle-kit generates its migrations into ../../drizzle-pg
// (`npx drizzle-kit generate --config drizzle-pg.config.ts`).
//
// Types: SQLite's integer is 64-bit, so counts that add up across a trace (tokens, spans) are bigint here; reals
// are double precision; JSON columns stay text so both stores hold the same JSON text.
import { sql } from 'drizzle-orm';
import { bigint, doublePrecision, index, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';

/** Mirrors `resources` in schema.ts. */
export const resources = pgTable('resources', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull().unique(),
  attributes: text('attributes').notNull(),
  droppedAttributesCount: integer('dropped_attributes_count').notNull().default(0),
  schemaUrl: text('schema_url'),
});

/** Mirrors `scopes` in schema.ts. */
export const scopes = pgTable('scopes', {
  id: serial('id').primaryKey(),
  hash: text('hash').notNull().unique(),
  name: text('name').notNull(),
  version: text('version'),
  attributes: text('attributes').notNull(),
  droppedAttributesCount: integer('dropped_attributes_count').notNull().default(0),
  schemaUrl: text('schema_url'),
});

const count = (name: string) => bigint(name, { mode: 'number' });

/** Mirrors `spans` in schema.ts. */
export const spans = pgTable(
  'spans',
  {
    traceId: text('trace_id').notNull(),
    spanId: text('span_id').notNull(),
    parentSpanId: text('parent_span_id'),
    traceState: text('trace_state'),
    flags: bigint('flags', { mode: 'number' }),
    name: text('name').notNull(),
    kind: integer('kind').notNull(),
    startTimeUnixNano: text('start_time_unix_nano').notNull(),
    endTimeUnixNano: text('end_time_unix_nano').notNull(),
    startMs: doublePrecision('start_ms').notNull(),
    endMs: doublePrecision('end_ms').notNull(),
    durationMs: doublePrecision('duration_ms').notNull(),
    statusCode: integer('status_code').notNull(),
    statusMessage: text('status_message').notNull(),
    attributes: text('attributes').notNull(),
    events: text('events').notNull(),
    links: text('links').notNull(),
    droppedAttributesCount: bigint('dropped_attributes_count', { mode: 'number' }).notNull(),
    droppedEventsCount: bigint('dropped_events_count', { mode: 'number' }).notNull(),
    droppedLinksCount: bigint('dropped_links_count', { mode: 'number' }).notNull(),
    resourceId: integer('resource_id').notNull(),
    scopeId: integer('scope_id').notNull(),
    receivedMs: doublePrecision('received_ms').notNull(),
    service: text('service'),
    operation: text('operation'),
    provider: text('provider'),
    model: text('model'),
    agent: text('agent'),
    toolName: text('tool_name'),
    inputTokens: count('input_tokens'),
    outputTokens: count('output_tokens'),
    cachedInputTokens: count('cached_input_tokens'),
    cacheCreationInputTokens: count('cache_creation_input_tokens'),
    costUsd: doublePrecision('cost_usd'),
    isModelCall: integer('is_model_call').notNull(),
    cacheHit: text('cache_hit'),
    savedMs: doublePrecision('saved_ms'),
    routeModel: text('route_model'),
    routeRule: text('route_rule'),
    errorType: text('error_type'),
    simulated: integer('simulated').notNull(),
    open: integer('open').notNull().default(0),
  },
  (table) => [
    primaryKey({ columns: [table.traceId, table.spanId] }),
    index('spans_span_id').on(table.spanId),
    index('spans_model_call_start')
      .on(table.startMs, table.model, table.routeRule, table.routeModel, table.durationMs, table.inputTokens, table.outputTokens, table.cachedInputTokens, table.costUsd, table.service, table.simulated, table.traceId)
      .where(sql`is_model_call = 1`),
    index('spans_cache_start').on(table.startMs).where(sql`cache_hit is not null`),
    index('spans_routed_start').on(table.startMs).where(sql`route_model is not null`),
  ],
);

/** Mirrors `traces` in schema.ts. */
export const traces = pgTable(
  'traces',
  {
    traceId: text('trace_id').primaryKey(),
    rootSpanId: text('root_span_id'),
    name: text('name').notNull(),
    nameStartMs: doublePrecision('name_start_ms').notNull(),
    service: text('service'),
    agent: text('agent'),
    agentStartMs: doublePrecision('agent_start_ms'),
    startMs: doublePrecision('start_ms').notNull(),
    endMs: doublePrecision('end_ms').notNull(),
    durationMs: doublePrecision('duration_ms').notNull(),
    rootEndMs: doublePrecision('root_end_ms'),
    spanCount: count('span_count').notNull(),
    errorCount: count('error_count').notNull(),
    cancelledCount: count('cancelled_count').notNull().default(0),
    fellBackCount: count('fell_back_count').notNull().default(0),
    inputTokens: count('input_tokens').notNull(),
    outputTokens: count('output_tokens').notNull(),
    cachedInputTokens: count('cached_input_tokens').notNull(),
    totalTokens: count('total_tokens').notNull(),
    costUsd: doublePrecision('cost_usd').notNull(),
    modelCalls: count('model_calls').notNull(),
    toolCalls: count('tool_calls').notNull(),
    models: text('models').notNull(),
    simulated: integer('simulated').notNull(),
    attributes: text('attributes').notNull(),
    searchText: text('search_text').notNull(),
    updatedMs: doublePrecision('updated_ms').notNull(),
    openSpans: count('open_spans').notNull().default(0),
    tags: text('tags').notNull().default(''),
  },
  (table) => [
    index('traces_start').on(table.startMs, table.traceId),
    index('traces_duration').on(table.durationMs, table.traceId),
    index('traces_tokens').on(table.totalTokens, table.traceId),
    index('traces_cost').on(table.costUsd, table.traceId),
    index('traces_end').on(table.endMs),
    index('traces_service_start').on(table.service, table.startMs),
    index('traces_agent_start').on(table.agent, table.startMs),
  ],
);
