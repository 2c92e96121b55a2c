// The command line's exit codes, one per cause a supervisor or a script may want to tell apart without reading
// the message (also in `hotpath-collector --help` and collector/README.md). 1 is anything unexpected.
export const exitCodes = {
  /** A bad flag or variable, or an unsafe --host: the command line must change. */
  usage: 2,
  /** The port is in use or may not be bound. */
  portUnavailable: 10,
  /** The database file or its folder cannot be written (read-only, no permission, disk full at start). */
  storageNotWritable: 11,
  /** The file is not a SQLite database. */
  notADatabase: 12,
  /** The database is damaged (PRAGMA quick_check found problems, or SQLite reported corruption). */
  corrupt: 13,
  /** Another process holds a lock on the database. */
  locked: 14,
  /** The PostgreSQL server (--database-url) cannot be reached. */
  databaseUnreachable: 15,
  /** The PostgreSQL server refused the collector: wrong user or password, no such database, no permission. */
  databaseRefused: 16,
} as const;
