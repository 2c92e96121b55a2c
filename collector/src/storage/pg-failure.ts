// What a PostgreSQL failure means for the person running the collector, in the words storage-failure.ts uses for
// SQLite: the server (its URL without the password), the cause, what to do, and the command line's exit code. The
// same sentence serves a refusal to start, a 503 to a sender and /api/health.
import { CollectorError } from '../errors.ts';
import { exitCodes } from '../exit-codes.ts';

export type PgCause = 'unreachable' | 'refused' | 'read-only' | 'full' | 'timeout';

const advice: Record<PgCause, { says: string; fix: string; exitCode: number }> = {
  unreachable: {
    says: 'cannot be reached (not running, a wrong host or port, or the connection was lost)',
    fix: 'start it or check --database-url; the collector retries on its own',
    exitCode: exitCodes.databaseUnreachable,
  },
  refused: {
    says: 'refused the collector (wrong user or password, no such database, or no permission)',
    fix: 'check the user, password and database name in --database-url and what that user may do',
    exitCode: exitCodes.databaseRefused,
  },
  'read-only': {
    says: 'accepts no writes (a read-only standby, or default_transaction_read_only)',
    fix: 'point --database-url at the primary server',
    exitCode: exitCodes.storageNotWritable,
  },
  full: {
    says: 'is out of resources (disk full, out of memory, or too many connections)',
    fix: 'free disk space, raise max_connections, or set --retention-max-age / --retention-max-spans',
    exitCode: exitCodes.storageNotWritable,
  },
  timeout: {
    says: 'did not answer in time',
    fix: 'check the load on the server; the statement was cancelled',
    exitCode: exitCodes.databaseUnreachable,
  },
};

const unreachableCodes = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ETIMEDOUT', 'ECONNRESET', 'EPIPE', '57P01', '57P02', '57P03']);

/**
 * The cause of a node-postgres error, or undefined when it is not about the server (a bug, bad SQL).
 *
 * @example
 * pgCause(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })); // 'unreachable'
 */
export function pgCause(error: unknown): PgCause | undefined {
  // drizzle wraps the driver's error (DrizzleQueryError): the code is on a cause.
  for (let depth = 0; depth < 3 && error instanceof Error && (error as { code?: unknown }).code === undefined && error.cause !== undefined; depth++) error = error.cause;
  const code = String((error as { code?: unknown })?.code ?? '');
  const message = error instanceof Error ? error.message : '';
  if (unreachableCodes.has(code) || code.startsWith('08')) return 'unreachable';
  // node-postgres says these without a code.
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended/i.test(message)) return 'unreachable';
  if (code === '28P01' || code === '28000' || code === '3D000' || code === '42501') return 'refused';
  if (code === '25006') return 'read-only';
  if (code === '53100' || code === '53200' || code === '53300') return 'full';
  if (code === '57014') return 'timeout';
  return undefined;
}

/**
 * A database URL fit to print: the password replaced by `***`.
 *
 * @example
 * redactDatabaseUrl('postgres://hotpath:secret@db:5432/hotpath'); // 'postgres://hotpath:***@db:5432/hotpath'
 */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '***';
    for (const key of [...parsed.searchParams.keys()]) if (/pass/i.test(key)) parsed.searchParams.set(key, '***');
    return parsed.toString();
  } catch {
    return '(an unparsable database URL)';
  }
}

/**
 * One sentence: the server, what is wrong, what to do.
 *
 * @example
 * describePg('postgres://hotpath@db/hotpath', 'unreachable', 'connect ECONNREFUSED 10.0.0.5:5432');
 */
export function describePg(url: string, cause: PgCause, detail?: string): string {
  const { says, fix } = advice[cause];
  return `PostgreSQL ${redactDatabaseUrl(url)} ${says}${detail ? ` (${detail.replace(/\s*\n\s*/g, '; ')})` : ''}: ${fix}`;
}

/**
 * A failure to connect at start as the error the command line reports, with its exit code; other errors as they are.
 *
 * @example
 * throw pgStartFailure(error, url);
 */
export function pgStartFailure(error: unknown, url: string): unknown {
  const cause = pgCause(error);
  if (cause === undefined) return error;
  return new CollectorError('unavailable', describePg(url, cause, messageOf(error)), { cause: error, exitCode: advice[cause].exitCode });
}

/** The innermost message (drizzle's wrapper only repeats the SQL). */
export function messageOf(error: unknown): string {
  for (let depth = 0; depth < 3 && error instanceof Error && (error as { code?: unknown }).code === undefined && error.cause !== undefined; depth++) error = error.cause;
  const message = error instanceof Error ? error.message : String(error);
  return message === '' ? String((error as { code?: unknown })?.code ?? 'unknown error') : message;
}
