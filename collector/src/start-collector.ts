// Starts the collector: one node:http listener serving OTLP (`POST /v1/traces`) and the query API (`/api/*`)
// over one store — a SQLite file (the embedded default), or a PostgreSQL database several collectors share
// (`databaseUrl`) — with retention and optional forwarding.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { CollectorError } from './errors.ts';
import { exitCodes } from './exit-codes.ts';
import { createForwarder, type ForwarderStats } from './forward/forwarder.ts';
import { startOtlpGrpcServer, type OtlpGrpcServer } from './grpc/otlp-grpc-server.ts';
import { createAdmission } from './http/admission.ts';
import { createDecodePool, defaultDecodeWorkers } from './http/decode-pool.ts';
import { createLiveHub } from './http/live-hub.ts';
import { createOtlpRoute } from './http/otlp-route.ts';
import { createQueryRoutes, sendError } from './http/query-routes.ts';
import { checkExposure } from './http/exposure.ts';
import { createReceiveBatch } from './http/receive-batch.ts';
import { createRequestLog, type LogWriter } from './http/request-log.ts';
import { defaultPricing, validatePricing, type PricingTable } from './ingest/pricing.ts';
import { markStarted } from './ingest/started-spans.ts';
import type { DatabaseHealth } from './query/api-types.ts';
import { redactDatabaseUrl } from './storage/pg-failure.ts';
import type { RetentionPolicy, RetentionResult } from './storage/retention.ts';
import type { CollectorStore, StoreListeners } from './stores/collector-store.ts';
import { openPgCollectorStore } from './stores/pg-collector-store.ts';
import { openSqliteCollectorStore, type SqliteCollectorStore } from './stores/sqlite-collector-store.ts';

export interface CollectorOptions {
  /** Port to listen on; 0 picks a free one. Default 4318 (OTLP/HTTP). */
  port?: number;
  /** Also receive OTLP/gRPC on this port (4317 by convention; 0 picks a free one). Default: no gRPC. */
  grpcPort?: number;
  /** Interface to listen on. Default 127.0.0.1 (loopback only). */
  host?: string;
  /** Folder for the default database file. Default `./data`. */
  dataDir?: string;
  /** Database file; `:memory:` for a throwaway store. Default `<dataDir>/hotpath.sqlite`. */
  dbPath?: string;
  /**
   * `postgres://user:password@host:5432/database`: store in this PostgreSQL database instead of a SQLite file, shared
   * with any other collectors given the same URL (collector/README.md, *PostgreSQL*). Not with `dbPath` or `dataDir`.
   */
  databaseUrl?: string;
  /** Prices laid over the built-in table (src/ingest/default-pricing.json). */
  pricing?: PricingTable;
  retention?: RetentionPolicy & { intervalMs?: number };
  /** Forward every accepted batch to this OTLP/HTTP endpoint. */
  forwardEndpoint?: string;
  forwardHeaders?: Record<string, string>;
  /** Bytes of batches waiting for the forward target at most (more are dropped and counted). Default 64 MiB. */
  forwardMaxQueueBytes?: number;
  /** When set, `POST /v1/traces` needs `Authorization: Bearer <ingestToken>`. */
  ingestToken?: string;
  /** When set, `/api/*` needs `Authorization: Bearer <queryToken>`. */
  queryToken?: string;
  /** Largest accepted request body, compressed or decoded. Default 16 MiB. */
  maxBodyBytes?: number;
  /** Export requests in progress before answering 429. Default 64. */
  maxConcurrentRequests?: number;
  /** Spans waiting for their transaction before answering 503. Default 200,000. */
  maxPendingSpans?: number;
  /**
   * Threads decoding request bodies beside the writing main thread. Default 1 on a machine with two or more cores,
   * else 0 (inline): see defaultDecodeWorkers.
   */
  decodeWorkers?: number;
  /** Where failures (every 5xx, with its request id) are logged as JSON lines. Default: stderr. */
  log?: LogWriter;
  /** Serve the query API without a token on a non-loopback host (something in front authenticates). Default false. */
  insecureOpenQuery?: boolean;
  /** Accept spans without a token on a non-loopback host. Default false. */
  insecureOpenIngest?: boolean;
  /** A client must send its request headers within this time, else the connection is closed. Default 10 s. */
  headersTimeoutMs?: number;
  /** A client must send its whole request (headers and body) within this time, else 408 and closed. Default 60 s. */
  requestTimeoutMs?: number;
  /** An idle keep-alive connection is closed after this time. Default 30 s. */
  keepAliveTimeoutMs?: number;
  /** Open connections at most; more are dropped at once. Default 1,024. */
  maxConnections?: number;
  /** How often PRAGMA quick_check runs on a worker thread (0: never; it also runs at start). Default 10 minutes. SQLite only. */
  integrityCheckIntervalMs?: number;
  /**
   * Threads answering query API reads on their own read-only connection (0: on the main thread). Default 1. SQLite
   * only: on PostgreSQL the server runs the reads and the collector awaits them.
   */
  readWorkers?: number;
  /** A query API read running longer is answered with 503 `query_timeout`. Default 30 s. */
  queryTimeoutMs?: number;
}

export interface CollectorStats {
  acceptedSpans: number;
  rejectedSpans: number;
  duplicateSpans: number;
  startedSpans: number;
  refusedRequests: Record<number, number>;
  forwarding: ForwarderStats | null;
}

export interface RunningCollector {
  /** Base URL, e.g. `http://127.0.0.1:4318`. OTLP goes to `${url}/v1/traces`, queries to `${url}/api/…`. */
  url: string;
  port: number;
  /** The OTLP/gRPC port, when `grpcPort` was given. */
  grpcPort: number | null;
  host: string;
  /** The SQLite file, or the PostgreSQL URL without its password. */
  dbPath: string;
  stats(): CollectorStats;
  /** Applies the retention policy now (it also runs every `retention.intervalMs`). */
  applyRetention(): Promise<RetentionResult>;
  /**
   * Checks the database now (SQLite: PRAGMA quick_check, which also runs every `integrityCheckIntervalMs`;
   * PostgreSQL: a query); /api/health reports the result.
   */
  checkDatabase(): Promise<DatabaseHealth>;
  /** Stops listening, writes what is queued, waits briefly for forwarding, closes the database. */
  close(): Promise<void>;
}

/** A port that cannot be bound, said plainly, with the exit code the command line uses for it. */
function listenFailure(error: unknown, host: string, port: number): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'EADDRINUSE' ? 'is in use by another process' : code === 'EACCES' ? 'may not be bound by this user' : code === 'EADDRNOTAVAIL' ? 'is not an address of this machine' : undefined;
  if (why === undefined) return error;
  const what = code === 'EADDRNOTAVAIL' ? `${host}` : `port ${port} on ${host}`;
  return new CollectorError('unavailable', `${what} ${why}: choose another --port (0 picks a free one) or --host`, { cause: error, exitCode: exitCodes.portUnavailable });
}

/** A database URL, or SQLite's file settings, not both: a collector has one store. */
function checkDatabaseChoice(options: CollectorOptions): void {
  if (options.databaseUrl === undefined) return;
  if (options.dbPath !== undefined || options.dataDir !== undefined) {
    throw new CollectorError('bad_request', `a database URL and ${options.dbPath !== undefined ? 'a database file (dbPath)' : 'a data folder (dataDir)'} were both given: the collector stores in one of them`);
  }
  if (!/^postgres(ql)?:\/\//.test(options.databaseUrl)) {
    throw new CollectorError('bad_request', `the database URL must start with postgres:// or postgresql:// (SQLite is chosen with a file path instead), got ${JSON.stringify(redactDatabaseUrl(options.databaseUrl))}`);
  }
}

/**
 * Starts a collector.
 *
 * @example
 * const collector = await startCollector({ port: 0, dbPath: ':memory:' });
 * // point an OTLP exporter at `${collector.url}/v1/traces`, read `${collector.url}/api/traces`
 * await collector.close();
 */
export async function startCollector(options: CollectorOptions = {}): Promise<RunningCollector> {
  const host = options.host ?? '127.0.0.1';
  checkExposure({ host, ...options });
  checkDatabaseChoice(options);
  const pricing = options.pricing ? { ...defaultPricing, ...validatePricing(options.pricing, 'options.pricing') } : defaultPricing;
  const startedAt = Date.now();
  const requestLog = createRequestLog(options.log);
  const stats = { acceptedSpans: 0, rejectedSpans: 0, duplicateSpans: 0, startedSpans: 0, refusedRequests: {} as Record<number, number> };
  // The hub reads through the store, which reports to the hub: the store is set just below.
  let store: CollectorStore | undefined;
  let sqliteStore: SqliteCollectorStore | undefined;
  const live = createLiveHub({
    summary: (traceId) => sqliteStore?.summary(traceId),
    readSpans: (traceId, search) => store!.read(`/api/traces/${traceId}/spans`, search),
  });
  const listeners: StoreListeners = {
    onStored(results) {
      for (const result of results) {
        stats.acceptedSpans += result.acceptedSpans;
        stats.rejectedSpans += result.rejectedSpans;
        stats.duplicateSpans += result.duplicateSpans;
        stats.startedSpans += result.startedSpans;
      }
    },
    publish: (traceIds) => live.publish(traceIds),
    publishSpans: (batches) => live.publishSpans(batches),
    relay: (traceIds, receivedMs) => live.relay(traceIds, receivedMs),
  };
  const maxPendingSpans = options.maxPendingSpans ?? 200_000;
  try {
    if (options.databaseUrl !== undefined) {
      store = await openPgCollectorStore({ url: options.databaseUrl, maxPendingSpans, queryTimeoutMs: options.queryTimeoutMs ?? 30_000 }, listeners);
    } else {
      sqliteStore = openSqliteCollectorStore(
        {
          path: options.dbPath ?? join(resolve(options.dataDir ?? 'data'), 'hotpath.sqlite'),
          maxPendingSpans,
          integrityCheckIntervalMs: options.integrityCheckIntervalMs ?? 600_000,
          readWorkers: options.readWorkers,
          queryTimeoutMs: options.queryTimeoutMs,
        },
        listeners,
      );
      store = sqliteStore;
    }
  } catch (error) {
    live.close();
    throw error;
  }
  const opened = store;
  const forwarder = options.forwardEndpoint
    ? createForwarder({ endpoint: options.forwardEndpoint, headers: options.forwardHeaders, maxQueueBytes: options.forwardMaxQueueBytes })
    : undefined;
  const decoder = createDecodePool({ workers: options.decodeWorkers ?? defaultDecodeWorkers, pricing });
  const queue = { enqueue: (batch: Parameters<CollectorStore['enqueue']>[0]) => opened.enqueue(batch) };
  const receive = createReceiveBatch({
    decoder,
    queue,
    onAccepted: forwarder ? (body, contentType) => forwarder.forward(body, contentType) : undefined,
  });
  const admission = createAdmission(options.maxConcurrentRequests ?? 64);
  const maxBodyBytes = options.maxBodyBytes ?? 16 * 1024 * 1024;
  const onRefused = (error: CollectorError) => {
    stats.refusedRequests[error.status] = (stats.refusedRequests[error.status] ?? 0) + 1;
  };
  const otlp = createOtlpRoute({ receive, admission, maxBodyBytes, ingestToken: options.ingestToken, onRefused });
  // Start records of running spans (docs/spans.md): stored as open spans, never forwarded (other backends get
  // finished spans only). The header tells the SDK it reached a Hotpath collector.
  const started = createOtlpRoute({
    receive: createReceiveBatch({ decoder, queue, transform: markStarted }),
    admission,
    maxBodyBytes,
    ingestToken: options.ingestToken,
    onRefused,
    headers: { 'x-hotpath-collector': 'started-spans' },
  });
  const api = createQueryRoutes({
    reads: { read: (pathname, search) => opened.read(pathname, search), workers: opened.readWorkers, close: async () => {} },
    live,
    queryToken: options.queryToken,
    // Health answers even when the database does not: that is when it matters.
    health: async () => {
      const { database, traces, spans } = await opened.health();
      return {
        ok: database.ok,
        database,
        traces,
        spans,
        uptimeMs: Date.now() - startedAt,
        ingest: { ...stats, pendingSpans: opened.pendingSpans, decodeWorkers: decoder.workers, readWorkers: opened.readWorkers },
        forwarding: forwarder?.stats() ?? null,
      };
    },
  });

  // Slow clients (slowloris) cannot hold connections: headers, then the whole request, must arrive in time, checked
  // every second (Node checks every 30 s by default, which lets a limit run late by as much).
  const headersTimeout = options.headersTimeoutMs ?? 10_000;
  const requestTimeout = Math.max(headersTimeout, options.requestTimeoutMs ?? 60_000);
  const limits = { headersTimeout, requestTimeout, connectionsCheckingInterval: Math.min(1_000, headersTimeout) };
  const server = createServer(limits, (request: IncomingMessage, response: ServerResponse) => {
    requestLog.begin(request, response);
    const url = new URL(request.url ?? '/', 'http://collector');
    if (url.pathname === '/v1/traces') void otlp(request, response);
    else if (url.pathname === '/v1/traces/started') void started(request, response);
    else if (url.pathname === '/api' || url.pathname.startsWith('/api/')) api(request, response, url);
    else sendError(response, new CollectorError('not_found', `no route ${url.pathname}: OTLP goes to POST /v1/traces, queries to /api/*`));
  });
  server.keepAliveTimeout = options.keepAliveTimeoutMs ?? 30_000;
  server.maxConnections = options.maxConnections ?? 1_024;

  const retention = options.retention;
  const runRetention = () => (retention ? opened.applyRetention(retention) : Promise.resolve({ deletedTraces: 0, deletedSpans: 0 }));
  // Retention failing (the database away for a moment) is reported by health; the next round tries again.
  const retentionRound = () => void runRetention().catch(() => {});
  retentionRound();
  const retentionTimer =
    retention && (retention.maxAgeMs !== undefined || retention.maxSpans !== undefined)
      ? setInterval(retentionRound, retention.intervalMs ?? 60_000).unref()
      : undefined;

  const releaseResources = async () => {
    if (retentionTimer) clearInterval(retentionTimer);
    live.close();
    await decoder.close();
    await opened.close();
  };
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 4318, host, () => {
      server.off('error', rejectListen);
      resolveListen();
    });
  }).catch(async (error: unknown) => {
    await releaseResources();
    throw listenFailure(error, host, options.port ?? 4318);
  });
  let grpc: OtlpGrpcServer | undefined;
  if (options.grpcPort !== undefined) {
    try {
      grpc = await startOtlpGrpcServer({ host, port: options.grpcPort, receive, admission, maxBodyBytes, ingestToken: options.ingestToken, onRefused, requestLog });
    } catch (error) {
      await new Promise((resolveClose) => server.close(resolveClose));
      await releaseResources();
      throw error;
    }
  }
  const port = (server.address() as AddressInfo).port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${urlHost}:${port}`,
    port,
    grpcPort: grpc?.port ?? null,
    host,
    dbPath: opened.location,
    stats: () => ({ ...stats, refusedRequests: { ...stats.refusedRequests }, forwarding: forwarder?.stats() ?? null }),
    applyRetention: runRetention,
    checkDatabase: () => opened.check(),
    close() {
      closing ??= (async () => {
        if (retentionTimer) clearInterval(retentionTimer);
        live.close();
        const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
        server.closeIdleConnections();
        await Promise.all([closed, grpc?.close()]);
        // Everything received is stored before the store closes (SQLite writes what is queued, PostgreSQL waits).
        await Promise.all([decoder.close(), opened.close(), forwarder?.close()]);
      })();
      return closing;
    },
  };
}
