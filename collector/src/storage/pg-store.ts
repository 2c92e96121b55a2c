// The write side of storage on PostgreSQL, for several collectors sharing one database with no coordination of
// their own. What makes that correct:
// - a span is inserted with ON CONFLICT: whichever collector inserts it first owns it, the others count it as a
//   duplicate, so a span sent to all of them is stored and summed once (a start record gives way to its finished
//   span the same way, once);
// - each transaction folds only the spans *it* inserted into partial trace summaries (ingest/trace-summary.ts),
//   and merges them into the stored row with one upsert whose every column is an order-free fold (sums, min/max,
//   set unions, "the root's value wins"), so concurrent merges of the same trace give the one-instance answer;
// - rows are written in key order (spans by trace and span id, summaries by trace id), so two transactions never
//   wait on each other in a circle; a deadlock or serialization failure is retried anyway.
// It keeps the SQLite writer's semantics (ingest/ingest.ts storeBatch), which pg-store.test.ts checks by comparing
// summaries: start records, a repeated start record as the trace's keep-alive, quiet tool outcomes. Where PostgreSQL
// cannot hold what SQLite can, values are bounded rather than failing the batch: text without NUL (pg-pool.ts), and
// token counts up to 10^12 and costs up to 10^9 USD per span, with trace sums capped at 2^53 − 1 (64-bit columns
// must not overflow; SQLite's dynamic typing stores any number).
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type pg from 'pg';
import type { IngestResult } from '../ingest/ingest.ts';
import type { PreparedBatch, PreparedRow } from '../ingest/prepare-batch.ts';
import { addOpenSpan, addSpan, closeTrace, openTrace, type QuietOutcome, type TraceAccumulator } from '../ingest/trace-summary.ts';
import { pgStartFailure } from './pg-failure.ts';
import { createPgPool } from './pg-pool.ts';
import * as schema from './pg-schema.ts';
import type { TraceRecord } from './schema.ts';

export interface PgStore {
  pool: pg.Pool;
  db: NodePgDatabase<typeof schema>;
  /** Stores requests in one transaction; one result per request, in order. */
  storeBatches(batches: PreparedBatch[], nowMs: number): Promise<IngestResult[]>;
  close(): Promise<void>;
}

export interface PgStoreOptions {
  /** Connections for writing at most. Default 8. */
  maxConnections?: number;
  /**
   * Announce each commit on this NOTIFY channel, from inside the transaction (so only committed data is announced,
   * in commit order): the payload is {@link PgCommitNotice} as JSON. Other collectors' live streams listen.
   */
  announce?: { channel: string; instance: string };
}

/** What a commit announces: who wrote, the arrival time it gave the rows, and the traces it touched. */
export interface PgCommitNotice {
  instance: string;
  receivedMs: number;
  traceIds: string[];
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle-pg', import.meta.url));
/** Any number all Hotpath collectors agree on: they take turns applying migrations under this advisory lock. */
const migrationLock = 4318_0001;

/** Span columns in schema order: property (on a prepared row) and column name. */
const spanColumns = Object.entries(schema.spans)
  .filter(([, column]) => typeof column === 'object' && column !== null && 'columnType' in column)
  .map(([property, column]) => ({ property: property as keyof PreparedRow, name: (column as { name: string }).name }));
const traceColumns = Object.entries(schema.traces)
  .filter(([, column]) => typeof column === 'object' && column !== null && 'columnType' in column)
  .map(([property, column]) => ({ property: property as keyof TraceRecord, name: (column as { name: string }).name }));

/** How each trace column merges a batch's partial summary (`excluded`) into the stored one (`traces`). */
const rootArrivesNow = 'traces.root_span_id IS NULL AND excluded.root_span_id IS NOT NULL';
const earlierName = `(traces.root_span_id IS NULL AND (excluded.root_span_id IS NOT NULL OR excluded.name_start_ms < traces.name_start_ms))`;
const earlierAgent = 'excluded.agent_start_ms IS NOT NULL AND (traces.agent_start_ms IS NULL OR excluded.agent_start_ms < traces.agent_start_ms)';
const merges: Record<string, string> = {
  root_span_id: 'coalesce(traces.root_span_id, excluded.root_span_id)',
  root_end_ms: 'CASE WHEN traces.root_span_id IS NULL THEN excluded.root_end_ms ELSE traces.root_end_ms END',
  name: `CASE WHEN ${earlierName} THEN excluded.name ELSE traces.name END`,
  name_start_ms: `CASE WHEN ${earlierName} THEN excluded.name_start_ms ELSE traces.name_start_ms END`,
  service: `CASE WHEN ${rootArrivesNow} AND excluded.service IS NOT NULL THEN excluded.service ELSE coalesce(traces.service, excluded.service) END`,
  agent: `CASE WHEN ${earlierAgent} THEN excluded.agent ELSE traces.agent END`,
  agent_start_ms: `CASE WHEN ${earlierAgent} THEN excluded.agent_start_ms ELSE traces.agent_start_ms END`,
  start_ms: 'least(traces.start_ms, excluded.start_ms)',
  end_ms: 'greatest(traces.end_ms, excluded.end_ms)',
  duration_ms: 'greatest(0, greatest(traces.end_ms, excluded.end_ms) - least(traces.start_ms, excluded.start_ms))',
  simulated: 'greatest(traces.simulated, excluded.simulated)',
  // Elements as their JSON text: turning them into strings would fail on an escaped NUL, which text cannot hold.
  models: `(SELECT '[' || coalesce(string_agg(model, ',' ORDER BY model), '') || ']' FROM (SELECT json_array_elements(traces.models::json)::text AS model UNION SELECT json_array_elements(excluded.models::json)::text) AS merged)`,
  attributes: `CASE WHEN ${rootArrivesNow} THEN excluded.attributes ELSE traces.attributes END`,
  tags: `CASE WHEN traces.tags = '' THEN excluded.tags ELSE traces.tags END`,
  search_text: `(SELECT coalesce(string_agg(term, E'\\n' ORDER BY term), '') FROM (SELECT unnest(string_to_array(traces.search_text, E'\\n')) AS term UNION SELECT unnest(string_to_array(excluded.search_text, E'\\n'))) AS merged WHERE term <> '')`,
  updated_ms: 'greatest(traces.updated_ms, excluded.updated_ms)',
  open_spans: 'greatest(0, traces.open_spans + excluded.open_spans)',
};
for (const name of ['span_count', 'error_count', 'cancelled_count', 'fell_back_count', 'input_tokens', 'output_tokens', 'cached_input_tokens', 'total_tokens', 'cost_usd', 'model_calls', 'tool_calls']) {
  merges[name] = `traces.${name} + excluded.${name}`;
}
for (const name of ['input_tokens', 'output_tokens', 'cached_input_tokens', 'total_tokens']) {
  merges[name] = `least(traces.${name} + excluded.${name}, ${Number.MAX_SAFE_INTEGER})`;
}
const upsertTraceSql = (rows: number) =>
  `INSERT INTO traces (${traceColumns.map((column) => column.name).join(', ')}) VALUES ${placeholders(rows, traceColumns.length)} ` +
  `ON CONFLICT (trace_id) DO UPDATE SET ${traceColumns
    .filter((column) => column.name !== 'trace_id')
    .map((column) => `${column.name} = ${merges[column.name] ?? missingMerge(column.name)}`)
    .join(', ')}`;

function missingMerge(column: string): never {
  throw new Error(`pg-store.ts: no merge rule for traces.${column}; add one (schema.ts and pg-schema.ts gained a column)`);
}

/** `($1, $2), ($3, $4)` for `rows` rows of `columns` values. */
function placeholders(rows: number, columns: number): string {
  const groups: string[] = [];
  for (let row = 0; row < rows; row++) {
    groups.push(`(${Array.from({ length: columns }, (_, column) => `$${row * columns + column + 1}`).join(', ')})`);
  }
  return groups.join(', ');
}

/** Rows per INSERT statement: PostgreSQL takes at most 65,535 parameters. */
const rowsPerInsert = Math.floor(65_535 / spanColumns.length);
const retryableCodes = new Set(['40P01', '40001']);
/** Bounds per span (see the top of this file). */
const maxTokens = 1e12;
const maxCostUsd = 1e9;
/** NOTIFY payloads must stay under 8,000 bytes: trace ids per notice. */
const traceIdsPerNotice = 200;

const bounded = (value: number | null, max: number): number | null => (value === null || value <= max ? value : max);

/**
 * Connects, applies pending migrations (one collector at a time) and prepares the writer.
 *
 * @example
 * const store = await openPgStore('postgres://hotpath@db:5432/hotpath');
 * await store.storeBatches([prepareBatch(request, defaultPricing)], Date.now());
 */
export async function openPgStore(url: string, options: PgStoreOptions = {}): Promise<PgStore> {
  const pool = createPgPool(url, { max: options.maxConnections ?? 8 });
  const db = drizzle(pool, { schema });
  try {
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [migrationLock]);
      await migrate(db, { migrationsFolder });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLock]).catch(() => {});
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => {});
    throw pgStartFailure(error, url);
  }
  const ids = new Map<string, number>();

  const dedupId = async (client: pg.PoolClient, table: 'resources' | 'scopes', key: string, values: unknown[]): Promise<number> => {
    const cached = ids.get(key);
    if (cached !== undefined) return cached;
    const hash = createHash('sha256').update(key).digest('hex');
    const columns = table === 'resources' ? ['hash', 'attributes', 'dropped_attributes_count', 'schema_url'] : ['hash', 'name', 'version', 'attributes', 'dropped_attributes_count', 'schema_url'];
    // DO UPDATE (a no-op) rather than DO NOTHING so the id comes back whoever inserted the row.
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${placeholders(1, columns.length).slice(1, -1)}) ON CONFLICT (hash) DO UPDATE SET hash = excluded.hash RETURNING id`,
      [hash, ...values],
    );
    ids.set(key, rows[0]!.id);
    return rows[0]!.id;
  };

  const attempt = async (batches: PreparedBatch[], nowMs: number): Promise<IngestResult[]> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const results: IngestResult[] = batches.map((batch) => ({ acceptedSpans: 0, rejectedSpans: batch.rejectedSpans, duplicateSpans: 0, startedSpans: 0, errorMessage: '', traceIds: [] }));
      // Every span of every request once, in key order: a span twice in this flush counts once (its finished form
      // wins over a start record).
      type Entry = { row: PreparedRow; request: number; workload: Record<string, unknown> | undefined; tags: string | undefined; outcome: QuietOutcome | undefined };
      const byKey = new Map<string, Entry>();
      for (const [request, batch] of batches.entries()) {
        for (const group of batch.groups) {
          const { resource, scope } = group;
          const resourceId = await dedupId(client, 'resources', `r\u0000${resource.droppedAttributesCount}\u0000${resource.schemaUrl}\u0000${resource.attributes}`, [
            resource.attributes,
            resource.droppedAttributesCount,
            resource.schemaUrl === '' ? null : resource.schemaUrl,
          ]);
          const scopeId = await dedupId(client, 'scopes', `s\u0000${scope.name}\u0000${scope.version}\u0000${scope.droppedAttributesCount}\u0000${scope.schemaUrl}\u0000${scope.attributes}`, [
            scope.name,
            scope.version === '' ? null : scope.version,
            scope.attributes,
            scope.droppedAttributesCount,
            scope.schemaUrl === '' ? null : scope.schemaUrl,
          ]);
          for (const row of group.rows) {
            row.resourceId = resourceId;
            row.scopeId = scopeId;
            row.receivedMs = nowMs;
            row.inputTokens = bounded(row.inputTokens, maxTokens);
            row.outputTokens = bounded(row.outputTokens, maxTokens);
            row.cachedInputTokens = bounded(row.cachedInputTokens, maxTokens);
            row.cacheCreationInputTokens = bounded(row.cacheCreationInputTokens, maxTokens);
            row.costUsd = bounded(row.costUsd, maxCostUsd);
            const key = `${row.traceId}/${row.spanId}`;
            const earlier = byKey.get(key);
            if (earlier !== undefined && (earlier.row.open === 0 || row.open === 1)) {
              if (row.open === 0) results[request]!.duplicateSpans += 1;
              continue;
            }
            byKey.set(key, { row, request, workload: group.workloadAttributes[row.spanId], tags: group.rootTags[row.spanId], outcome: group.toolOutcomes[row.spanId] });
          }
        }
      }
      const entries = [...byKey.values()];
      entries.sort((a, b) => (a.row.traceId < b.row.traceId ? -1 : a.row.traceId > b.row.traceId ? 1 : a.row.spanId < b.row.spanId ? -1 : 1));
      // Inserted, or a start record replaced by its finished span (xmax ≠ 0 marks an update).
      const written = new Map<string, boolean>();
      for (let from = 0; from < entries.length; from += rowsPerInsert) {
        const chunk = entries.slice(from, from + rowsPerInsert);
        const values: unknown[] = [];
        for (const { row } of chunk) for (const column of spanColumns) values.push(row[column.property]);
        const { rows } = await client.query<{ trace_id: string; span_id: string; replaced: boolean }>(
          `INSERT INTO spans (${spanColumns.map((column) => column.name).join(', ')}) VALUES ${placeholders(chunk.length, spanColumns.length)} ` +
            `ON CONFLICT (trace_id, span_id) DO UPDATE SET ${spanColumns
              .filter((column) => column.name !== 'trace_id' && column.name !== 'span_id')
              .map((column) => `${column.name} = excluded.${column.name}`)
              .join(', ')} WHERE spans.open = 1 AND excluded.open = 0 ` +
            'RETURNING trace_id, span_id, (xmax <> 0) AS replaced',
          values,
        );
        for (const row of rows) written.set(`${row.trace_id}/${row.span_id}`, row.replaced);
      }
      const touched = new Map<string, TraceAccumulator>();
      const touchedBy = results.map(() => new Set<string>());
      const summaryOf = (traceId: string): TraceAccumulator => {
        let trace = touched.get(traceId);
        if (trace === undefined) {
          trace = openTrace(traceId, undefined);
          touched.set(traceId, trace);
        }
        return trace;
      };
      for (const { row, request, workload, tags, outcome } of entries) {
        const key = `${row.traceId}/${row.spanId}`;
        const replaced = written.get(key);
        const result = results[request]!;
        if (replaced === undefined) {
          if (row.open === 0) result.duplicateSpans += 1;
          else {
            // A start record of a span already stored: the sender's keep-alive for a span still running, which only
            // tells the trace it is not quiet. The partial summary adds nothing else (its folds' neutral values).
            summaryOf(row.traceId).record.updatedMs = nowMs;
            touchedBy[request]!.add(row.traceId);
          }
          continue;
        }
        const trace = summaryOf(row.traceId);
        touchedBy[request]!.add(row.traceId);
        if (row.open === 1) {
          result.startedSpans += 1;
          addOpenSpan(trace, row, workload as never, nowMs, tags);
        } else {
          result.acceptedSpans += 1;
          // A replaced start record leaves the count of open spans (the stored row counted it): −1 in this partial.
          if (replaced) trace.record.openSpans -= 1;
          addSpan(trace, row, workload as never, nowMs, tags, outcome);
        }
      }
      const summaries = [...touched.keys()].sort().map((traceId) => closeTrace(touched.get(traceId)!));
      for (let from = 0; from < summaries.length; from += 1_000) {
        const chunk = summaries.slice(from, from + 1_000);
        const values: unknown[] = [];
        for (const record of chunk) for (const column of traceColumns) values.push(record[column.property]);
        await client.query(upsertTraceSql(chunk.length), values);
      }
      if (options.announce !== undefined && touched.size > 0) {
        const traceIds = [...touched.keys()];
        for (let from = 0; from < traceIds.length; from += traceIdsPerNotice) {
          const notice: PgCommitNotice = { instance: options.announce.instance, receivedMs: nowMs, traceIds: traceIds.slice(from, from + traceIdsPerNotice) };
          await client.query('SELECT pg_notify($1, $2)', [options.announce.channel, JSON.stringify(notice)]);
        }
      }
      await client.query('COMMIT');
      for (const [request, result] of results.entries()) result.traceIds = [...touchedBy[request]!];
      return results;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  };

  return {
    pool,
    db,
    async storeBatches(batches, nowMs) {
      for (let tries = 1; ; tries++) {
        try {
          return await attempt(batches, nowMs);
        } catch (error) {
          // Cached resource and scope ids may name rows a rolled-back transaction created.
          ids.clear();
          if (!retryableCodes.has((error as { code?: string }).code ?? '') || tries >= 5) throw error;
          await new Promise((resolve) => setTimeout(resolve, 10 * tries * Math.random()));
        }
      }
    },
    close: () => pool.end(),
  };
}
