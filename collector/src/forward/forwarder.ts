// Forwards every accepted OTLP batch to another OTLP/HTTP endpoint, so users keep their existing backend. From
// ingest's point of view it is fire and forget: never waited for, never thrown. Towards the target it holds on:
// - a failed batch (connection refused, timeout, 408/429/5xx) goes back to the head of the queue and is sent again
//   after an exponential backoff with jitter, or after the target's Retry-After; while the target fails, one batch
//   at a time probes it, and the others wait in order;
// - the queue is bounded by bytes: what does not fit is dropped and counted, as is a batch the target refuses for
//   good (400, 401, 413, …) or one still failing after `maxRetryMs`;
// - everything is counted for /api/health: forwarded, failed attempts, retries, drops (batches and bytes), what is
//   queued, the state (ok, retrying) and the last error with its time, so a recovered target reads as recovered.
// The backoff is a pause of the whole queue rather than a retry around one call, which is why it is written here
// and not taken from a retry library (p-retry and friends retry a function; they have no queue to hold back).
import type { ForwardingHealth } from '../query/api-types.ts';

/** What `/api/health` reports of forwarding: these counters, as they are. */
export type ForwarderStats = ForwardingHealth;

export interface Forwarder {
  forward(body: Buffer, contentType: string): void;
  stats(): ForwarderStats;
  /** Waits for queued batches (up to `timeoutMs`), then stops. */
  close(timeoutMs?: number): Promise<void>;
}

export interface ForwarderOptions {
  /** A full traces URL, or a base URL to which `/v1/traces` is added (as OTEL_EXPORTER_OTLP_ENDPOINT works). */
  endpoint: string;
  headers?: Record<string, string>;
  /** Bytes of batches waiting at most; a batch that does not fit is dropped. Default 64 MiB. */
  maxQueueBytes?: number;
  /** Requests in flight while the target answers. Default 4. */
  concurrency?: number;
  /** One attempt may take this long. Default 10 s. */
  timeoutMs?: number;
  /** First wait after a failure; it doubles with each failure in a row, up to `maxBackoffMs`. Default 500 ms. */
  initialBackoffMs?: number;
  /** Longest wait between attempts, also the cap on a target's Retry-After. Default 30 s. */
  maxBackoffMs?: number;
  /** A batch still failing this long after its first attempt is dropped. Default 5 minutes. */
  maxRetryMs?: number;
}

interface Item {
  /** Arrival order, kept when a failed batch goes back into the queue. */
  seq: number;
  body: Buffer;
  contentType: string;
  firstAttemptMs: number | undefined;
}

/** Statuses worth sending again (the OTLP specification's retryable ones, plus 408 and 500). */
const retryable = new Set([408, 429, 500, 502, 503, 504]);

/**
 * Creates a forwarder.
 *
 * @example
 * const forwarder = createForwarder({ endpoint: 'http://127.0.0.1:14318' });
 * forwarder.forward(body, 'application/x-protobuf');
 */
export function createForwarder(options: ForwarderOptions): Forwarder {
  const url = tracesUrl(options.endpoint);
  const maxQueueBytes = options.maxQueueBytes ?? 64 * 1024 * 1024;
  const concurrency = options.concurrency ?? 4;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const initialBackoffMs = options.initialBackoffMs ?? 500;
  const maxBackoffMs = options.maxBackoffMs ?? 30_000;
  const maxRetryMs = options.maxRetryMs ?? 5 * 60_000;
  const queue: Item[] = [];
  const stats: ForwarderStats = {
    endpoint: url,
    state: 'ok',
    forwarded: 0,
    failed: 0,
    retried: 0,
    dropped: 0,
    droppedBytes: 0,
    queued: 0,
    queuedBytes: 0,
    lastError: null,
    lastErrorTime: null,
    lastSuccessTime: null,
  };
  let active = 0;
  let nextSeq = 0;
  let failuresInARow = 0;
  let pausedUntil = 0;
  let wake: NodeJS.Timeout | undefined;
  let closed = false;
  let idle: (() => void) | undefined;

  const drop = (item: Item) => {
    stats.dropped += 1;
    stats.droppedBytes += item.body.length;
  };
  const dequeue = (): Item => {
    const item = queue.shift()!;
    stats.queuedBytes -= item.body.length;
    return item;
  };

  const pump = (): void => {
    const now = Date.now();
    if (now < pausedUntil) {
      wake ??= setTimeout(() => {
        wake = undefined;
        pump();
      }, pausedUntil - now).unref();
    } else {
      // While the target fails, a single request probes it; the rest wait their turn in order.
      const limit = failuresInARow > 0 ? 1 : concurrency;
      while (active < limit && queue.length > 0) {
        const item = dequeue();
        if (item.firstAttemptMs !== undefined && now - item.firstAttemptMs > maxRetryMs) {
          drop(item);
          continue;
        }
        if (item.firstAttemptMs === undefined) item.firstAttemptMs = now;
        else stats.retried += 1;
        active += 1;
        void send(item).finally(() => {
          active -= 1;
          pump();
        });
      }
    }
    stats.queued = queue.length;
    if (active === 0 && (queue.length === 0 || closed)) idle?.();
  };

  const failed = (item: Item, reason: string, retryAfterMs: number | undefined, again: boolean) => {
    stats.failed += 1;
    stats.lastError = reason;
    stats.lastErrorTime = Date.now();
    if (!again) {
      drop(item);
      return;
    }
    failuresInARow += 1;
    stats.state = 'retrying';
    // Back where it came from: the oldest batches go first once the target recovers.
    const at = queue.findIndex((waiting) => waiting.seq > item.seq);
    queue.splice(at === -1 ? queue.length : at, 0, item);
    stats.queuedBytes += item.body.length;
    const backoff = Math.min(maxBackoffMs, initialBackoffMs * 2 ** (failuresInARow - 1));
    const wait = retryAfterMs !== undefined ? Math.min(maxBackoffMs, retryAfterMs) : backoff * (0.8 + Math.random() * 0.4);
    pausedUntil = Math.max(pausedUntil, Date.now() + wait);
  };

  const send = async (item: Item): Promise<void> => {
    let response: Response;
    try {
      response = await fetch(url, {
        method: 'POST',
        headers: { ...options.headers, 'content-type': item.contentType },
        // A Buffer is a Uint8Array over an ArrayBuffer here; the cast satisfies the DOM typing of fetch's body (which
        // rejects views that might sit on a SharedArrayBuffer) when packages type-check this file with the DOM lib.
        body: item.body as Uint8Array<ArrayBuffer>,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer();
    } catch (error) {
      const cause = (error as Error & { cause?: Error }).cause;
      failed(item, `${(error as Error).name}: ${(error as Error).message}${cause ? ` (${cause.message})` : ''} from ${url}`, undefined, !closed);
      return;
    }
    if (response.ok) {
      stats.forwarded += 1;
      stats.lastSuccessTime = Date.now();
      stats.state = 'ok';
      failuresInARow = 0;
      return;
    }
    const again = retryable.has(response.status) && !closed;
    failed(item, `HTTP ${response.status} from ${url}${again ? '' : ' (not retried: the target refused the batch)'}`, retryAfterMs(response.headers.get('retry-after')), again);
  };

  return {
    forward(body, contentType) {
      if (closed || stats.queuedBytes + body.length > maxQueueBytes) {
        drop({ seq: -1, body, contentType, firstAttemptMs: undefined });
        return;
      }
      queue.push({ seq: nextSeq++, body, contentType, firstAttemptMs: undefined });
      stats.queuedBytes += body.length;
      pump();
    },
    stats: () => ({ ...stats, queued: queue.length }),
    async close(closeTimeoutMs = 2_000) {
      if (active > 0 || queue.length > 0) {
        // A referenced timer: while the target is down nothing else may keep the process alive until the deadline.
        let deadline: NodeJS.Timeout | undefined;
        await new Promise<void>((resolve) => {
          idle = resolve;
          deadline = setTimeout(resolve, closeTimeoutMs);
        });
        clearTimeout(deadline);
      }
      closed = true;
      if (wake) clearTimeout(wake);
      for (const item of queue.splice(0)) drop(item);
      stats.queuedBytes = 0;
      stats.queued = 0;
    },
  };
}

/** Retry-After as milliseconds: delay-seconds or an HTTP date (RFC 9110); undefined when absent or unreadable. */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

function tracesUrl(endpoint: string): string {
  const url = new URL(endpoint);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/v1/traces';
  return url.toString();
}
