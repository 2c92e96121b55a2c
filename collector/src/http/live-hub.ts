// GET /api/live: Server-Sent Events. Without parameters: `traces` events naming the traces each stored batch touched
// (the trace list merges just those). With `traceId`: `spans` events carrying that trace's new and replaced spans in
// columns with its summary, at most every `flushMs`, after a catch-up of everything stored `since` (the waterfall
// loads pages, then merges). A comment line every 15 s keeps proxies from closing the stream. Spans stored by another
// collector sharing the database reach the stream through `relay`, which reads them back as a page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CollectorError } from '../errors.ts';
import type { PreparedBatch } from '../ingest/prepare-batch.ts';
import type { LiveSpansEvent, SpanPage, TraceSummary } from '../query/api-types.ts';
import type { QueryAnswer } from '../query/answer-query.ts';
import { toSpanColumns } from '../query/span-columns.ts';
import type { SpanRecord } from '../storage/schema.ts';

export interface LiveHub {
  /** Takes over a request as an event stream until the client leaves. */
  attach(request: IncomingMessage, response: ServerResponse, params?: URLSearchParams): void;
  /** Tells list listeners which traces changed. */
  publish(traceIds: string[]): void;
  /** Hands the stored spans of subscribed traces to their listeners (coalesced, see `flushMs`). */
  publishSpans(batches: readonly PreparedBatch[]): void;
  /**
   * Spans of these traces were stored at `receivedMs` (by any collector sharing the database): listeners of those
   * traces get them read back through `readSpans` (`since`), coalesced per trace at most every `flushMs`.
   */
  relay(traceIds: readonly string[], receivedMs: number): void;
  close(): void;
  readonly clients: number;
}

export interface LiveHubOptions {
  heartbeatMs?: number;
  /** Spans of a trace are sent at most this often. Default 250 ms. */
  flushMs?: number;
  /** The trace's summary now (a primary-key read). */
  summary?: (traceId: string) => TraceSummary | undefined;
  /** A page of `/api/traces/:traceId/spans` (through the read pool): the catch-up of a new trace listener. */
  readSpans?: (traceId: string, search: string) => Promise<QueryAnswer>;
}

interface TraceListener {
  response: ServerResponse;
  /** Messages held back until the catch-up has been sent, so nothing older arrives after something newer. */
  held: string[] | null;
}

const traceIdPattern = /^[0-9a-f]{32}$/;

/**
 * Creates the hub.
 *
 * @example
 * const hub = createLiveHub({ summary, readSpans: (traceId, search) => reads.read(`/api/traces/${traceId}/spans`, search) });
 * hub.publish(['4bf92f3577b34da6a3ce929d0e0e4736']); // → `event: traces` to every list listener
 */
export function createLiveHub(options: LiveHubOptions = {}): LiveHub {
  const listClients = new Set<ServerResponse>();
  const traceClients = new Map<string, Set<TraceListener>>();
  const pendingSpans = new Map<string, Map<string, SpanRecord>>();
  let flushTimer: NodeJS.Timeout | undefined;
  const flushMs = options.flushMs ?? 250;
  /** Traces to read back for `relay`, with the earliest arrival time asked for. */
  const relayed = new Map<string, number>();
  let relayTimer: NodeJS.Timeout | undefined;
  // One relay at a time, so the events of a trace leave in the order they were read.
  let relaying: Promise<void> = Promise.resolve();

  const everyone = function* (): Generator<ServerResponse> {
    yield* listClients;
    for (const listeners of traceClients.values()) for (const listener of listeners) yield listener.response;
  };
  const heartbeat = setInterval(() => {
    for (const client of everyone()) client.write(': keep-alive\n\n');
  }, options.heartbeatMs ?? 15_000);
  heartbeat.unref();

  const send = (listener: TraceListener, message: string) => {
    if (listener.held) listener.held.push(message);
    else listener.response.write(message);
  };
  const flush = () => {
    flushTimer = undefined;
    for (const [traceId, rows] of pendingSpans) {
      const listeners = traceClients.get(traceId);
      const trace = options.summary?.(traceId);
      if (!listeners || trace === undefined) continue;
      const event: LiveSpansEvent = { trace, spans: toSpanColumns([...rows.values()], trace.startTime) };
      const message = `event: spans\ndata: ${JSON.stringify(event)}\n\n`;
      for (const listener of listeners) send(listener, message);
    }
    pendingSpans.clear();
  };

  /** Every page of a trace's spans stored since `since`, each handed to `onPage` as the answer's JSON text. */
  const readPages = async (traceId: string, since: string, onPage: (body: string) => boolean, onFailure: (body: string) => void) => {
    let cursor: string | null = null;
    do {
      const search = new URLSearchParams({ since, limit: '50000', ...(cursor ? { cursor } : {}) });
      const answer = await options.readSpans!(traceId, search.toString());
      if (answer.status !== 200) return onFailure(answer.body);
      if (!onPage(answer.body)) return;
      cursor = (JSON.parse(answer.body) as SpanPage).nextCursor;
    } while (cursor);
  };

  const relayNow = () => {
    relayTimer = undefined;
    const due = [...relayed];
    relayed.clear();
    relaying = relaying.then(async () => {
      for (const [traceId, since] of due) {
        const listeners = () => traceClients.get(traceId) ?? new Set<TraceListener>();
        try {
          await readPages(
            traceId,
            String(since),
            (body) => {
              for (const listener of listeners()) send(listener, `event: spans\ndata: ${body}\n\n`);
              return listeners().size > 0;
            },
            (body) => {
              for (const listener of listeners()) send(listener, `event: failure\ndata: ${body}\n\n`);
            },
          );
        } catch (error) {
          const body = JSON.stringify({ error: { code: 'internal', message: (error as Error).message } });
          for (const listener of listeners()) send(listener, `event: failure\ndata: ${body}\n\n`);
        }
      }
    });
  };

  const catchUp = async (listener: TraceListener, traceId: string, since: string) => {
    await readPages(
      traceId,
      since,
      (body) => {
        if (listener.response.destroyed) return false;
        // The page is already `{ trace, spans, … }`: a LiveSpansEvent with two more fields.
        listener.response.write(`event: spans\ndata: ${body}\n\n`);
        return true;
      },
      (body) => {
        if (!listener.response.destroyed) listener.response.write(`event: failure\ndata: ${body}\n\n`);
      },
    );
    if (listener.response.destroyed) return;
    for (const message of listener.held ?? []) listener.response.write(message);
    listener.held = null;
  };

  return {
    attach(request, response, params = new URLSearchParams()) {
      const traceId = params.get('traceId')?.toLowerCase() ?? null;
      const since = params.get('since');
      if (traceId !== null && !traceIdPattern.test(traceId)) throw new CollectorError('bad_request', 'invalid query parameter traceId: expected 32 hex digits');
      if (since !== null && !/^\d+(\.\d+)?$/.test(since)) throw new CollectorError('bad_request', 'invalid query parameter since: expected epoch milliseconds');
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      response.write(': connected\n\n');
      if (traceId === null) {
        listClients.add(response);
        request.on('close', () => listClients.delete(response));
        return;
      }
      const listener: TraceListener = { response, held: since !== null && options.readSpans ? [] : null };
      const listeners = traceClients.get(traceId) ?? new Set();
      listeners.add(listener);
      traceClients.set(traceId, listeners);
      request.on('close', () => {
        listeners.delete(listener);
        if (listeners.size === 0 && traceClients.get(traceId) === listeners) traceClients.delete(traceId);
      });
      if (listener.held) {
        catchUp(listener, traceId, since!).catch((error: unknown) => {
          listener.response.write(`event: failure\ndata: ${JSON.stringify({ error: { code: 'internal', message: (error as Error).message } })}\n\n`);
          listener.held = null;
        });
      }
    },
    publish(traceIds) {
      if (traceIds.length === 0 || listClients.size === 0) return;
      const message = `event: traces\ndata: ${JSON.stringify({ traceIds })}\n\n`;
      for (const client of listClients) client.write(message);
    },
    publishSpans(batches) {
      if (traceClients.size === 0) return;
      for (const batch of batches) {
        for (const group of batch.groups) {
          for (const row of group.rows) {
            if (!traceClients.has(row.traceId)) continue;
            let rows = pendingSpans.get(row.traceId);
            if (!rows) pendingSpans.set(row.traceId, (rows = new Map()));
            // A later row of the same span wins, except a start record over the span's end (a late keep-alive).
            if (row.open === 1 && rows.get(row.spanId)?.open === 0) continue;
            rows.set(row.spanId, row);
          }
        }
      }
      if (pendingSpans.size > 0 && flushTimer === undefined) flushTimer = setTimeout(flush, flushMs).unref();
    },
    relay(traceIds, receivedMs) {
      if (!options.readSpans) return;
      for (const traceId of traceIds) {
        if (!traceClients.has(traceId)) continue;
        relayed.set(traceId, Math.min(relayed.get(traceId) ?? receivedMs, receivedMs));
      }
      if (relayed.size > 0 && relayTimer === undefined) relayTimer = setTimeout(relayNow, flushMs).unref();
    },
    close() {
      clearInterval(heartbeat);
      if (flushTimer) clearTimeout(flushTimer);
      if (relayTimer) clearTimeout(relayTimer);
      relayed.clear();
      for (const client of everyone()) client.end();
      listClients.clear();
      traceClients.clear();
    },
    get clients() {
      return listClients.size + [...traceClients.values()].reduce((sum, listeners) => sum + listeners.size, 0);
    },
  };
}
