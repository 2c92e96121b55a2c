// Starts the collector: one node:http listener serving OTLP (`POST /v1/traces`) and the query API (`/api/*`)
// over one SQLite database, with retention and optional forwarding.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { eq } from 'drizzle-orm';
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
import { createReadPool } from './http/read-pool.ts';
import { checkExposure } from './http/exposure.ts';
import { createReceiveBatch } from './http/receive-batch.ts';
import { createRequestLog, type LogWriter } from './http/request-log.ts';
import { createWriteQueue } from './http/write-queue.ts';
import { defaultPricing, validatePricing, type PricingTable } from './ingest/pricing.ts';
import { markStarted } from './ingest/started-spans.ts';
import { toTraceSummary } from './query/to-api.ts';
import { openDatabase, type CollectorDatabase } from './storage/open-database.ts';
import { applyRetention, type RetentionPolicy } from './storage/retention.ts';
import { traces } from './storage/schema.ts';
import { createIntegrityMonitor, type DatabaseHealth } from './storage/integrity-check.ts';
import { createSpanWriter } from './storage/span-writer.ts';

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
  /** How often PRAGMA quick_check runs on a worker thread (0: never; it also runs at start). Default 10 minutes. */
  integrityCheckIntervalMs?: number;
  /** Threads answering query API reads on their own read-only connection (0: on the main thread). Default 1. */
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
  dbPath: string;
  stats(): CollectorStats;
  /** Applies the retention policy now (it also runs every `retention.intervalMs`). */
  applyRetention(): { deletedTraces: number; deletedSpans: number };
  /** Runs PRAGMA quick_check now (it also runs every `integrityCheckIntervalMs`); /api/health reports the result. */
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
  const dbPath = options.dbPath ?? join(resolve(options.dataDir ?? 'data'), 'hotpath.sqlite');
  const pricing = options.pricing ? { ...defaultPricing, ...validatePricing(options.pricing, 'options.pricing') } : defaultPricing;
  const startedAt = Date.now();
  const requestLog = createRequestLog(options.log);
  const database: CollectorDatabase = openDatabase(dbPath);
  const integrity = createIntegrityMonitor({ path: dbPath, intervalMs: options.integrityCheckIntervalMs ?? 600_000 });
  // A file too large to check before serving is checked in the background at once.
  if (!database.checkedAtOpen) void integrity.check();
  const writer = integrity.guard(createSpanWriter(database));
  const reads = createReadPool({ dbPath, db: database.db, workers: options.readWorkers, timeoutMs: options.queryTimeoutMs });
  const live = createLiveHub({
    summary: (traceId) => {
      const record = database.db.select().from(traces).where(eq(traces.traceId, traceId)).get();
      return record ? toTraceSummary(record) : undefined;
    },
    readSpans: (traceId, search) => reads.read(`/api/traces/${traceId}/spans`, search),
  });
  const forwarder = options.forwardEndpoint
    ? createForwarder({ endpoint: options.forwardEndpoint, headers: options.forwardHeaders, maxQueueBytes: options.forwardMaxQueueBytes })
    : undefined;
  const stats = { acceptedSpans: 0, rejectedSpans: 0, duplicateSpans: 0, startedSpans: 0, refusedRequests: {} as Record<number, number> };
  const decoder = createDecodePool({ workers: options.decodeWorkers ?? defaultDecodeWorkers, pricing });
  const queue = createWriteQueue(writer, { maxPendingSpans: options.maxPendingSpans ?? 200_000 }, (results, batches) => {
    const traceIds = new Set<string>();
    for (const result of results) {
      stats.acceptedSpans += result.acceptedSpans;
      stats.rejectedSpans += result.rejectedSpans;
      stats.duplicateSpans += result.duplicateSpans;
      stats.startedSpans += result.startedSpans;
      for (const traceId of result.traceIds) traceIds.add(traceId);
    }
    live.publish([...traceIds]);
    live.publishSpans(batches);
  });
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
  const countRows = database.sqlite.prepare('SELECT count(*) AS traces, coalesce(sum(span_count), 0) AS spans FROM traces');
  // Health answers even when the database does not: that is when it matters.
  const storeHealth = () => {
    let counts = { traces: 0, spans: 0 };
    try {
      counts = countRows.get() as typeof counts;
    } catch (error) {
      integrity.readFailed(error);
    }
    const health = integrity.health();
    return { ok: health.ok, database: health, ...counts };
  };
  const api = createQueryRoutes({
    reads,
    live,
    queryToken: options.queryToken,
    health: () => ({
      ...storeHealth(),
      uptimeMs: Date.now() - startedAt,
      ingest: { ...stats, pendingSpans: queue.pendingSpans, decodeWorkers: decoder.workers, readWorkers: reads.workers },
      forwarding: forwarder?.stats() ?? null,
    }),
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
  const runRetention = () => (retention ? applyRetention(database, retention) : { deletedTraces: 0, deletedSpans: 0 });
  runRetention();
  const retentionTimer =
    retention && (retention.maxAgeMs !== undefined || retention.maxSpans !== undefined)
      ? setInterval(runRetention, retention.intervalMs ?? 60_000).unref()
      : undefined;

  const releaseResources = async () => {
    if (retentionTimer) clearInterval(retentionTimer);
    await integrity.close();
    live.close();
    await Promise.all([decoder.close(), reads.close()]);
    database.close();
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
    dbPath,
    stats: () => ({ ...stats, refusedRequests: { ...stats.refusedRequests }, forwarding: forwarder?.stats() ?? null }),
    applyRetention: runRetention,
    checkDatabase: () => integrity.check(),
    close() {
      closing ??= (async () => {
        if (retentionTimer) clearInterval(retentionTimer);
        live.close();
        const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
        server.closeIdleConnections();
        await Promise.all([closed, grpc?.close()]);
        queue.flush();
        await Promise.all([decoder.close(), reads.close()]);
        await Promise.all([forwarder?.close(), integrity.close()]);
        database.close();
      })();
      return closing;
    },
  };
}
