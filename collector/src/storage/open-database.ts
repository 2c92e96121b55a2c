// Opens (or creates) the collector's SQLite database: WAL so the query API reads while ingest writes, the
// drizzle-kit migrations from ../../drizzle applied at start, and a drizzle handle for queries.
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema.ts';
import { storageFailure } from './storage-failure.ts';

export interface CollectorDatabase {
  /** The raw connection, for prepared statements on the ingest hot path. */
  sqlite: Database.Database;
  /** drizzle over the same connection. */
  db: BetterSQLite3Database<typeof schema>;
  path: string;
  /** Whether PRAGMA quick_check ran at open (files up to 256 MiB); larger files are checked in the background. */
  checkedAtOpen: boolean;
  close(): void;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Checked at open, before anything is served, when the file is at most this large (about a second of reading);
 * a larger file is checked by integrity-check.ts in the background instead, so a restart is not held up.
 */
const startCheckMaxBytes = 256 * 1024 * 1024;

/**
 * Opens the database file (creating its folder), applies pending migrations and sets the pragmas. Every way this
 * can fail with the file (read-only, not a database, damaged, locked by another process) is a CollectorError naming
 * the file, the cause and what to do, with the command line's exit code for it (storage-failure.ts).
 *
 * @example
 * const database = openDatabase('./data/hotpath.sqlite'); // or ':memory:' in tests
 */
export function openDatabase(path: string): CollectorDatabase {
  let sqlite: Database.Database | undefined;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    sqlite = new Database(path);
    // Wait out a lock held for a moment at start; once running, waits stay short (below).
    sqlite.pragma('busy_timeout = 2000');
    sqlite.pragma('journal_mode = WAL');
    // NORMAL in WAL mode: a commit survives a crash of the process (what "acknowledged" promises); only an OS
    // crash or power loss can lose the last commits. FULL would fsync every batch for that last guarantee.
    sqlite.pragma('synchronous = NORMAL');
    // Checkpoint (copy the WAL into the database file, with an fsync) every ~40 MB instead of every 4 MB: ingest
    // writes about 1 MB per 1,000 spans, and fewer, larger checkpoints measured ~15% less CPU per span.
    sqlite.pragma('wal_autocheckpoint = 10000');
    sqlite.pragma('temp_store = MEMORY');
    sqlite.pragma('cache_size = -32000');
    const db = drizzle(sqlite, { schema });
    migrate(db, { migrationsFolder });
    const checkedAtOpen = path === ':memory:' || statSync(path).size <= startCheckMaxBytes;
    if (checkedAtOpen) {
      const problems = quickCheck(sqlite);
      if (problems !== undefined) throw storageFailure(new Error(problems), path, 'corrupt', problems);
    }
    // Can this process write? Another one holding the write lock, or a file opened read-only, says so now.
    sqlite.exec('BEGIN IMMEDIATE');
    sqlite.exec('ROLLBACK');
    // better-sqlite3 is synchronous: waiting for a lock held by another process stalls every request. The collector
    // is normally the only writer, so wait briefly, then fail the batch with a retryable 503.
    sqlite.pragma('busy_timeout = 100');
    const opened = sqlite;
    return { sqlite: opened, db, path, checkedAtOpen, close: () => opened.close() };
  } catch (error) {
    sqlite?.close();
    throw storageFailure(error, path);
  }
}

/**
 * `PRAGMA quick_check`: undefined when the file is sound, else the first problems SQLite found.
 *
 * @example
 * quickCheck(database.sqlite); // undefined, or 'row 12 missing from index …'
 */
export function quickCheck(sqlite: Database.Database): string | undefined {
  const rows = sqlite.pragma('quick_check(5)', { simple: false }) as { quick_check: string }[];
  const problems = rows.map((row) => row.quick_check).filter((line) => line !== 'ok');
  return problems.length === 0 ? undefined : problems.join('; ');
}
