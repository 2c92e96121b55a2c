// Connections to PostgreSQL as the collector needs them, for writes and for the query API alike:
// - every string sent has U+0000 replaced by U+FFFD: PostgreSQL text cannot hold NUL (SQLite can), and one span name
//   carrying it would otherwise fail its whole batch forever (the JSON columns keep such values exactly: JSON text
//   spells NUL as the six characters \u0000);
// - 64-bit integers and numerics come back as numbers, as SQLite gives them (counts and token sums, far below 2^53),
//   so the query layer reads the same values from both stores;
// - connecting gives up after a few seconds, so a server that is down is reported instead of hanging requests.
import pg from 'pg';

export interface PgPoolOptions {
  /** Connections at most. */
  max: number;
  /** Statements running longer are cancelled by the server (error 57014). Default: none. */
  statementTimeoutMs?: number;
  /** Shown in pg_stat_activity. */
  applicationName?: string;
}

type TypeParsers = { getTypeParser(oid: number, format?: string): (value: string) => unknown };

const int8 = 20;
const numeric = 1700;
/** Numbers for int8 and numeric, else what `fallback` parses. */
const numbersOver = (fallback: TypeParsers): TypeParsers => ({
  getTypeParser(oid, format) {
    if (oid === int8 || oid === numeric) return Number;
    return fallback.getTypeParser(oid, format);
  },
});
const typeParsers = numbersOver({ getTypeParser: (oid, format) => pg.types.getTypeParser(oid, format as 'text') });

const clean = (value: unknown): unknown => (typeof value === 'string' && value.includes('\u0000') ? value.replaceAll('\u0000', '\uFFFD') : value);

/** node-postgres's client with NUL-free string parameters and numbers for 64-bit integers (see above). */
class CollectorClient extends pg.Client {
  // Both call forms node-postgres has: query(config) and query(text, values, callback?). drizzle passes a config with
  // type parsers of its own for every query, which would win over the client's: numbers are laid over those.
  override query(...args: unknown[]): never {
    const [first, second] = args;
    if (Array.isArray(second)) args[1] = second.map(clean);
    // (A submittable query object, which has a submit() of its own, passes as it is.)
    if (typeof first === 'object' && first !== null && typeof (first as { submit?: unknown }).submit !== 'function') {
      const config = first as { values?: unknown[]; types?: TypeParsers };
      args[0] = {
        ...config,
        ...(Array.isArray(config.values) ? { values: config.values.map(clean) } : {}),
        ...(config.types === undefined ? {} : { types: numbersOver(config.types) }),
      };
    }
    return (super.query as (...values: unknown[]) => never)(...args);
  }
}

/**
 * Opens a pool (connections are made on first use).
 *
 * @example
 * const pool = createPgPool('postgres://hotpath@db/hotpath', { max: 4, statementTimeoutMs: 30_000 });
 */
export function createPgPool(url: string, options: PgPoolOptions): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max,
    Client: CollectorClient,
    types: typeParsers,
    connectionTimeoutMillis: 5_000,
    // A connection that died with the server is noticed by the OS within a minute instead of hanging.
    keepAlive: true,
    application_name: options.applicationName ?? 'hotpath-collector',
    ...(options.statementTimeoutMs === undefined ? {} : { statement_timeout: options.statementTimeoutMs }),
  });
  // An idle connection the server closed emits 'error' on the pool; without a listener that would end the process.
  // The next query reconnects, and a failing one says why.
  pool.on('error', () => {});
  return pool;
}
