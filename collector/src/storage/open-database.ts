// Opens (or creates) the collector's SQLite database: WAL so the query API reads while ingest writes, the
// drizzle-kit migrations from ../../drizzle applied at start, and a drizzle handle for queries.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';

export interface CollectorDatabase {
  /** The raw connection, for prepared statements on the ingest hot path. */
  sqlite: Database.Database;
  /** drizzle over the same connection. */
  db: BetterSQLite3Database<typeof schema>;
  path: string;
  close(): void;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Opens the database file (creating its folder), applies pending migrations and sets the pragmas.
 *
 * @example
 * const database = openDatabase('./data/hotpath.sqlite'); // or ':memory:' in tests
 */
export function openDatabase(path: string): CollectorDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma('journal_mode = WAL');
  // NORMAL in WAL mode: a commit survives a crash of the process (what "acknowledged" promises); only an OS
  // crash or power loss can lose the last commits. FULL would fsync every batch for that last guarantee.
  sqlite.pragma('synchronous = NORMAL');
  // Checkpoint (copy the WAL into the database file, with an fsync) every ~40 MB instead of every 4 MB: ingest
  // writes about 1 MB per 1,000 spans, and fewer, larger checkpoints measured ~15% less CPU per span.
  sqlite.pragma('wal_autocheckpoint = 10000');
  // better-sqlite3 is synchronous: waiting for a lock held by another process stalls every request. The collector
  // is normally the only writer, so wait briefly, then fail the batch with a retryable 503.
  sqlite.pragma('busy_timeout = 100');
  sqlite.pragma('temp_store = MEMORY');
  sqlite.pragma('cache_size = -32000');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  return {
    sqlite,
    db,
    path,
    close: () => sqlite.close(),
  };
}
