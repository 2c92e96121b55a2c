// A read-only connection to the collector's database, for the query API's read worker (http/read-pool.ts). In WAL
// mode readers never block the writer nor wait for it: each query reads the last committed state while ingest goes on.
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import * as schema from './schema.ts';

export interface ReadDatabase {
  db: BetterSQLite3Database<typeof schema>;
  close(): void;
}

/**
 * Opens `path` read-only (the writer must have created and migrated it).
 *
 * @example
 * const reader = openReadDatabase('./data/hotpath.sqlite');
 * listTraces(reader.db, params);
 */
export function openReadDatabase(path: string): ReadDatabase {
  const sqlite = new Database(path, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 1000');
  sqlite.pragma('temp_store = MEMORY');
  // Reads of whole traces and aggregates touch more pages than ingest's working set: a larger cache of their own.
  sqlite.pragma('cache_size = -64000');
  return { db: drizzle(sqlite, { schema }), close: () => sqlite.close() };
}
