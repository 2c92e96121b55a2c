// Forwards every accepted OTLP batch to another OTLP/HTTP endpoint, so users keep their existing backend.
// Fire and forget from ingest's point of view: a bounded queue, a few requests in flight, and every failure or
// overflow counted, never thrown and never waited for.

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
  maxQueue?: number;
  concurrency?: number;
  timeoutMs?: number;
}

/**
 * Creates a forwarder.
 *
 * @example
 * const forwarder = createForwarder({ endpoint: 'http://127.0.0.1:14318' });
 * forwarder.forward(body, 'application/x-protobuf');
 */
export function createForwarder(options: ForwarderOptions): Forwarder {
  const url = tracesUrl(options.endpoint);
  const maxQueue = options.maxQueue ?? 256;
  const concurrency = options.concurrency ?? 4;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const queue: { body: Buffer; contentType: string }[] = [];
  const stats: ForwarderStats = { endpoint: url, forwarded: 0, failed: 0, dropped: 0, queued: 0, lastError: null };
  let active = 0;
  let idle: (() => void) | undefined;

  const pump = (): void => {
    while (active < concurrency && queue.length > 0) {
      const item = queue.shift()!;
      active += 1;
      void send(item).finally(() => {
        active -= 1;
        if (active === 0 && queue.length === 0) idle?.();
        pump();
      });
    }
    stats.queued = queue.length;
  };

  const send = async (item: { body: Buffer; contentType: string }): Promise<void> => {
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { ...options.headers, 'content-type': item.contentType },
        body: item.body,
        signal: AbortSignal.timeout(timeoutMs),
      });
      await response.arrayBuffer();
      if (response.ok) stats.forwarded += 1;
      else {
        stats.failed += 1;
        stats.lastError = `HTTP ${response.status} from ${url}`;
      }
    } catch (error) {
      stats.failed += 1;
      stats.lastError = `${(error as Error).name}: ${(error as Error).message}`;
    }
  };

  return {
    forward(body, contentType) {
      if (queue.length >= maxQueue) {
        stats.dropped += 1;
        return;
      }
      queue.push({ body, contentType });
      pump();
    },
    stats: () => ({ ...stats, queued: queue.length }),
    async close(closeTimeoutMs = 2_000) {
      if (active === 0 && queue.length === 0) return;
      await new Promise<void>((resolve) => {
        idle = resolve;
        setTimeout(resolve, closeTimeoutMs).unref();
      });
    },
  };
}

function tracesUrl(endpoint: string): string {
  const url = new URL(endpoint);
  if (url.pathname === '/' || url.pathname === '') url.pathname = '/v1/traces';
  return url.toString();
}
