// What startCollector needs of a store, whichever it is: SQLite, the embedded default (sqlite-collector-store.ts), or
// PostgreSQL shared by several collectors (pg-collector-store.ts). The HTTP and gRPC receivers, the query routes and
// the live hub sit on top of this and know nothing of the database behind it.
import type { PreparedBatch } from '../ingest/prepare-batch.ts';
import type { IngestResult } from '../ingest/ingest.ts';
import type { DatabaseHealth } from '../query/api-types.ts';
import type { QueryAnswer } from '../query/answer-query.ts';
import type { RetentionPolicy, RetentionResult } from '../storage/retention.ts';

export interface CollectorStore {
  /** What the database is, fit to print: the SQLite file, or the PostgreSQL URL without its password. */
  location: string;
  /** Stores a prepared request; resolves once it is committed. */
  enqueue(batch: PreparedBatch): Promise<IngestResult>;
  /** Spans waiting to be written. */
  readonly pendingSpans: number;
  /** One read of the query API (answer-query.ts). */
  read(pathname: string, search: string): Promise<QueryAnswer>;
  /** Threads answering reads (0: they run on the main thread). */
  readonly readWorkers: number;
  /** The database's health now, with the stored traces and spans, for /api/health. Never rejects. */
  health(): Promise<{ database: DatabaseHealth; traces: number; spans: number }> | { database: DatabaseHealth; traces: number; spans: number };
  /** Checks the database now (SQLite: PRAGMA quick_check; PostgreSQL: a query). */
  check(): Promise<DatabaseHealth>;
  applyRetention(policy: RetentionPolicy): Promise<RetentionResult>;
  /** Writes what is queued, then closes (stopping the live feed, if any). */
  close(): Promise<void>;
}

/** Where a store reports what it stored (the counters) and what changed (the live hub). */
export interface StoreListeners {
  /** Requests committed, in order, with the batches they stored. */
  onStored(results: IngestResult[], batches: PreparedBatch[]): void;
  /** Traces changed (by this collector, or by another sharing the database): the trace list's live stream. */
  publish(traceIds: string[]): void;
  /** Spans this collector stored: the live streams of single traces (SQLite). */
  publishSpans(batches: readonly PreparedBatch[]): void;
  /** Spans stored at `receivedMs` by any collector sharing the database (PostgreSQL). */
  relay(traceIds: readonly string[], receivedMs: number): void;
}
