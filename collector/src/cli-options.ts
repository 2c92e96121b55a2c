// Command-line flags and environment variables → CollectorOptions. Flags win over env vars; both are documented
// in `helpText`, which `hotpath-collector --help` prints.
import { parseArgs } from 'node:util';
import { CollectorError } from './errors.ts';
import { loadPricingFile } from './ingest/pricing.ts';
import type { CollectorOptions } from './start-collector.ts';

/** What `--help` prints. */
export const helpText = `hotpath-collector: OTLP/HTTP receiver storing spans in SQLite (or PostgreSQL), with the query API for the dashboard.

Usage: hotpath-collector [flags]

Flags (each also read from the environment variable shown; a flag wins over its variable):
  --port <n>                    HOTPATH_COLLECTOR_PORT       port to listen on (default 4318; 0 = any free port)
  --host <address>              HOTPATH_COLLECTOR_HOST       interface to listen on (default 127.0.0.1, loopback only)
  --grpc-port <n>               HOTPATH_COLLECTOR_GRPC_PORT  also receive OTLP/gRPC on this port (usually 4317; default off)
  --data-dir <path>             HOTPATH_DATA_DIR             folder of the default database file (default ./data)
  --db <path>                   HOTPATH_DB                   database file (default <data-dir>/hotpath.sqlite; :memory: for none)
  --database-url <url>          HOTPATH_DATABASE_URL         postgres://user:password@host:5432/db: store in PostgreSQL instead
                                                             of a SQLite file, shared with every collector given the same URL
                                                             (scale-out; not with --db or --data-dir)
  --ingest-token <token>        HOTPATH_INGEST_TOKEN         require "Authorization: Bearer <token>" on POST /v1/traces
  --query-token <token>         HOTPATH_QUERY_TOKEN          require "Authorization: Bearer <token>" on /api/*
  --forward-endpoint <url>      HOTPATH_FORWARD_ENDPOINT     also send every accepted batch to this OTLP/HTTP endpoint
                                                             (a base URL gets /v1/traces added); failed batches are
                                                             retried with backoff, honouring Retry-After
  --forward-queue-bytes <n>     HOTPATH_FORWARD_QUEUE_BYTES  batches waiting for the forward target at most, in bytes
                                                             (default 67108864; more are dropped and counted in health)
  --retention-max-age <age>     HOTPATH_RETENTION_MAX_AGE    delete traces that ended longer ago, e.g. 30m, 12h, 7d
  --retention-max-spans <n>     HOTPATH_RETENTION_MAX_SPANS  keep at most about n spans, deleting the oldest traces
  --pricing-file <path>         HOTPATH_PRICING_FILE         JSON { "models": { "<model>": { input, cachedInput, output,
                                                             cacheWrite? } } } in USD per million tokens, over the defaults
  --max-body-bytes <n>          HOTPATH_MAX_BODY_BYTES       largest request body, compressed or decoded (default 16777216)
  --max-concurrent-requests <n> HOTPATH_MAX_CONCURRENT_REQUESTS  export requests in progress before 429 (default 64)
  --max-pending-spans <n>       HOTPATH_MAX_PENDING_SPANS    spans waiting to be written before 503 (default 200000)
  --decode-workers <n>          HOTPATH_DECODE_WORKERS       threads decoding bodies beside the writer (default 1 with
                                                             two or more cores, else 0: decode on the main thread)
  --headers-timeout <duration>  HOTPATH_HEADERS_TIMEOUT      a client must send its request headers within this (default 10s)
  --request-timeout <duration>  HOTPATH_REQUEST_TIMEOUT      ... and its whole request, body included (default 60s; then 408)
  --keep-alive-timeout <dur.>   HOTPATH_KEEP_ALIVE_TIMEOUT   idle keep-alive connections close after this (default 30s)
  --max-connections <n>         HOTPATH_MAX_CONNECTIONS      open connections at most; more are dropped (default 1024)
  --insecure-open-query         HOTPATH_INSECURE_OPEN_QUERY=1   serve /api/* without a query token on a non-loopback
                                                             --host (refused otherwise: every trace would be readable)
  --insecure-open-ingest        HOTPATH_INSECURE_OPEN_INGEST=1  accept spans without an ingest token on a non-loopback
                                                             --host (refused otherwise: anyone could write spans)
  -h, --help                                                 print this help

Endpoints: POST /v1/traces (OTLP/HTTP, protobuf or JSON, gzip or not); GET /api/* (docs/query-api.md);
with --grpc-port, opentelemetry.proto.collector.trace.v1.TraceService/Export (OTLP/gRPC).

Exit codes: 0 stopped cleanly; 1 unexpected failure; 2 bad flag or variable, or an unsafe --host (see above);
10 the port cannot be used; 11 the database cannot be written (read-only file or folder, no permission; PostgreSQL:
a read-only server, a full disk); 12 the file is not a SQLite database; 13 the database is corrupt; 14 the database is
locked by another process; 15 the PostgreSQL server cannot be reached; 16 it refused the collector (user, password,
database name or permission).
`;

const flags = {
  port: { env: 'HOTPATH_COLLECTOR_PORT' },
  host: { env: 'HOTPATH_COLLECTOR_HOST' },
  'grpc-port': { env: 'HOTPATH_COLLECTOR_GRPC_PORT' },
  'data-dir': { env: 'HOTPATH_DATA_DIR' },
  db: { env: 'HOTPATH_DB' },
  'database-url': { env: 'HOTPATH_DATABASE_URL' },
  'ingest-token': { env: 'HOTPATH_INGEST_TOKEN' },
  'query-token': { env: 'HOTPATH_QUERY_TOKEN' },
  'forward-endpoint': { env: 'HOTPATH_FORWARD_ENDPOINT' },
  'forward-queue-bytes': { env: 'HOTPATH_FORWARD_QUEUE_BYTES' },
  'retention-max-age': { env: 'HOTPATH_RETENTION_MAX_AGE' },
  'retention-max-spans': { env: 'HOTPATH_RETENTION_MAX_SPANS' },
  'pricing-file': { env: 'HOTPATH_PRICING_FILE' },
  'max-body-bytes': { env: 'HOTPATH_MAX_BODY_BYTES' },
  'max-concurrent-requests': { env: 'HOTPATH_MAX_CONCURRENT_REQUESTS' },
  'max-pending-spans': { env: 'HOTPATH_MAX_PENDING_SPANS' },
  'decode-workers': { env: 'HOTPATH_DECODE_WORKERS' },
  'headers-timeout': { env: 'HOTPATH_HEADERS_TIMEOUT' },
  'request-timeout': { env: 'HOTPATH_REQUEST_TIMEOUT' },
  'keep-alive-timeout': { env: 'HOTPATH_KEEP_ALIVE_TIMEOUT' },
  'max-connections': { env: 'HOTPATH_MAX_CONNECTIONS' },
} as const;
/** Flags that take no value; their variables are on when set to 1, true or yes. */
const switches = {
  'insecure-open-query': { env: 'HOTPATH_INSECURE_OPEN_QUERY' },
  'insecure-open-ingest': { env: 'HOTPATH_INSECURE_OPEN_INGEST' },
} as const;
type Flag = keyof typeof flags;

/**
 * Parses flags and env vars.
 *
 * @throws CollectorError `bad_request` naming the flag or variable that is wrong.
 * @example
 * parseCollectorArgs(['--port', '0', '--retention-max-age', '7d'], process.env);
 * // → { help: false, options: { port: 0, retention: { maxAgeMs: 604800000 }, … } }
 */
export function parseCollectorArgs(
  argv: string[],
  env: Record<string, string | undefined>,
): { help: true } | { help: false; options: CollectorOptions } {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      options: {
        help: { type: 'boolean', short: 'h' },
        ...Object.fromEntries(Object.keys(flags).map((name) => [name, { type: 'string' as const }])),
        ...Object.fromEntries(Object.keys(switches).map((name) => [name, { type: 'boolean' as const }])),
      },
    });
  } catch (error) {
    // node's parser explains some mistakes over three lines; a refusal is one line.
    const message = (error as Error).message.replace(/\s*\n\s*/g, ' ');
    throw new CollectorError('bad_request', `${message} (see --help)`, { cause: error });
  }
  if (parsed.values.help) return { help: true };
  const read = (flag: Flag): { value: string; source: string } | undefined => {
    const fromFlag = parsed.values[flag];
    if (fromFlag === '') throw new CollectorError('bad_request', `--${flag}: expected a value, got an empty string`);
    if (typeof fromFlag === 'string') return { value: fromFlag, source: `--${flag}` };
    const fromEnv = env[flags[flag].env];
    return fromEnv === undefined || fromEnv === '' ? undefined : { value: fromEnv, source: flags[flag].env };
  };
  const integer = (flag: Flag, min: number): number | undefined => {
    const found = read(flag);
    if (found === undefined) return undefined;
    if (!/^\d+$/.test(found.value) || Number(found.value) < min) {
      throw new CollectorError('bad_request', `${found.source}: expected an integer ≥ ${min}, got ${JSON.stringify(found.value)}`);
    }
    return Number(found.value);
  };
  const text = (flag: Flag) => read(flag)?.value;
  const duration = (flag: Flag): number | undefined => {
    const found = read(flag);
    return found === undefined ? undefined : parseDuration(found.value, found.source);
  };
  const enabled = (name: keyof typeof switches): true | undefined => {
    if (parsed.values[name] === true) return true;
    const fromEnv = env[switches[name].env]?.trim().toLowerCase();
    if (fromEnv === undefined || fromEnv === '' || fromEnv === '0' || fromEnv === 'false' || fromEnv === 'no') return undefined;
    if (fromEnv === '1' || fromEnv === 'true' || fromEnv === 'yes') return true;
    throw new CollectorError('bad_request', `${switches[name].env}: expected 1 or 0, got ${JSON.stringify(env[switches[name].env])}`);
  };
  const portNumber = (flag: 'port' | 'grpc-port'): number | undefined => {
    const value = integer(flag, 0);
    if (value !== undefined && value > 65_535) {
      throw new CollectorError('bad_request', `${read(flag)!.source}: expected a port from 0 to 65535, got ${value}`);
    }
    return value;
  };
  const port = portNumber('port');
  const grpcPort = portNumber('grpc-port');
  const maxAge = read('retention-max-age');
  const maxSpans = integer('retention-max-spans', 1);
  const forward = read('forward-endpoint');
  if (forward !== undefined && !/^https?:\/\//.test(forward.value)) {
    throw new CollectorError('bad_request', `${forward.source}: expected an http:// or https:// URL, got ${JSON.stringify(forward.value)}`);
  }
  const databaseUrl = read('database-url');
  if (databaseUrl !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(databaseUrl.value)) {
      throw new CollectorError('bad_request', `${databaseUrl.source}: expected a postgres:// or postgresql:// URL (SQLite is chosen with --db or --data-dir instead)`);
    }
    const file = read('db') ?? read('data-dir');
    if (file !== undefined) throw new CollectorError('bad_request', `${databaseUrl.source} and ${file.source} were both given: the collector stores in PostgreSQL or in a SQLite file, not both`);
  }
  const pricingFile = text('pricing-file');
  const options: CollectorOptions = {
    port,
    grpcPort,
    host: text('host'),
    dataDir: text('data-dir'),
    dbPath: text('db'),
    databaseUrl: databaseUrl?.value,
    ingestToken: text('ingest-token'),
    queryToken: text('query-token'),
    forwardEndpoint: forward?.value,
    forwardMaxQueueBytes: integer('forward-queue-bytes', 1024),
    pricing: pricingFile === undefined ? undefined : loadPricingFile(pricingFile),
    retention:
      maxAge === undefined && maxSpans === undefined
        ? undefined
        : { maxAgeMs: maxAge === undefined ? undefined : parseDuration(maxAge.value, maxAge.source), maxSpans },
    maxBodyBytes: integer('max-body-bytes', 1024),
    maxConcurrentRequests: integer('max-concurrent-requests', 1),
    maxPendingSpans: integer('max-pending-spans', 1),
    decodeWorkers: integer('decode-workers', 0),
    headersTimeoutMs: duration('headers-timeout'),
    requestTimeoutMs: duration('request-timeout'),
    keepAliveTimeoutMs: duration('keep-alive-timeout'),
    maxConnections: integer('max-connections', 1),
    insecureOpenQuery: enabled('insecure-open-query'),
    insecureOpenIngest: enabled('insecure-open-ingest'),
  };
  return { help: false, options: Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)) };
}

const units: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/**
 * `30m`, `12h`, `7d`, `1500ms` (a bare number is milliseconds) → milliseconds.
 *
 * @example
 * parseDuration('7d', '--retention-max-age'); // 604800000
 */
export function parseDuration(value: string, source: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)?$/.exec(value.trim());
  if (!match) throw new CollectorError('bad_request', `${source}: expected a duration like 30m, 12h or 7d, got ${JSON.stringify(value)}`);
  return Math.round(Number(match[1]) * units[match[2] ?? 'ms']!);
}
