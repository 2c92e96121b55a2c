// What a SQLite failure means for the person running the collector: the cause in words (read-only, not a
// database, damaged, locked, full), what to do about it, and the exit code the command line uses for it. The same
// words serve a refusal to start, a 503 to a sender, and /api/health.
import { CollectorError } from '../errors.ts';
import { exitCodes } from '../exit-codes.ts';

export type StorageCause = 'read-only' | 'not-a-database' | 'corrupt' | 'locked' | 'full' | 'io';

const advice: Record<StorageCause, { says: string; fix: string; exitCode: number }> = {
  'read-only': {
    says: 'cannot be written (a read-only file or folder, or no permission for this user)',
    fix: 'make the file and its folder writable for this user, or choose another --data-dir or --db',
    exitCode: exitCodes.storageNotWritable,
  },
  'not-a-database': {
    says: 'is not a SQLite database (another file, or its header is damaged)',
    fix: "point --db at the collector's database, or move this file away to start a new one",
    exitCode: exitCodes.notADatabase,
  },
  corrupt: {
    says: 'is damaged',
    fix: 'stop the collector, restore a backup or recover what is left (sqlite3 FILE ".recover" | sqlite3 NEW.sqlite) and start on that file; moving the file away starts empty',
    exitCode: exitCodes.corrupt,
  },
  locked: {
    says: 'is locked by another process (another collector on the same file, or a tool holding a transaction)',
    fix: 'stop that process, or give this collector a database of its own (--db)',
    exitCode: exitCodes.locked,
  },
  full: {
    says: 'cannot grow: the disk is full',
    fix: 'free disk space, or set --retention-max-age / --retention-max-spans',
    exitCode: exitCodes.storageNotWritable,
  },
  io: {
    says: 'cannot be read or written (an I/O error from the disk)',
    fix: 'check the disk and the file system the database is on',
    exitCode: exitCodes.storageNotWritable,
  },
};

/**
 * The cause of a SQLite (or file system) error, or undefined when it is not a storage failure.
 *
 * @example
 * storageCause(sqliteError); // 'locked' for SQLITE_BUSY
 */
export function storageCause(error: unknown): StorageCause | undefined {
  // Query builders wrap the driver's error (drizzle's DrizzleQueryError): the code is on a cause.
  for (let depth = 0; depth < 3 && error instanceof Error && (error as { code?: unknown }).code === undefined; depth++) error = error.cause;
  const code = String((error as { code?: unknown })?.code ?? '');
  if (code.startsWith('SQLITE_READONLY') || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM' || code === 'SQLITE_AUTH') return 'read-only';
  if (code === 'EACCES' || code === 'EROFS' || code === 'EPERM') return 'read-only';
  if (code === 'SQLITE_NOTADB') return 'not-a-database';
  if (code.startsWith('SQLITE_CORRUPT')) return 'corrupt';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'full';
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') return 'io';
  return undefined;
}

/**
 * One sentence: the file, what is wrong, what to do.
 *
 * @example
 * describeStorage('/data/hotpath.sqlite', 'locked');
 * // 'database /data/hotpath.sqlite is locked by another process (…): stop that process, or …'
 */
export function describeStorage(path: string, cause: StorageCause, detail?: string): string {
  const { says, fix } = advice[cause];
  // One line whatever SQLite said (quick_check reports several, headed `*** in database main ***`).
  const oneLine = detail?.replace(/\*\*\* in database \w+ \*\*\*/g, '').trim().replace(/\s*\n\s*/g, '; ');
  return `database ${path} ${says}${oneLine ? ` (${oneLine})` : ''}: ${fix}`;
}

/**
 * A failure to open the database as the error the command line reports, with its exit code; other errors as they are.
 *
 * @example
 * throw storageFailure(error, path);
 */
export function storageFailure(error: unknown, path: string, cause = storageCause(error), detail?: string): unknown {
  if (cause === undefined) return error;
  const message = describeStorage(path, cause, detail ?? (error instanceof Error ? error.message : undefined));
  return new CollectorError('unavailable', message, { cause: error, exitCode: advice[cause].exitCode });
}
