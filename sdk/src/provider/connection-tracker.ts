// Tells, per model call, whether its request went out on a brand-new TCP connection (which paid the TCP/TLS
// set-up) or on a kept-alive one. undici publishes `undici:client:sendHeaders` with the request and its socket
// right before writing; we recognise our request by its body, a Buffer undici keeps by identity, and a socket is
// `new` for the first request it carries. Works for the pooled dispatcher and for fresh per-call clients alike,
// and ignores every other undici user in the process (Node's own fetch shares the channel names).
import { subscribe } from 'node:diagnostics_channel';

export type ConnectionKind = 'new' | 'reused' | 'unknown';

interface SendHeadersMessage {
  request: { body?: unknown };
  socket: object;
}

const watched = new WeakMap<Buffer, { connection: ConnectionKind }>();
const usedSockets = new WeakSet<object>();
let subscribed = false;

function onSendHeaders(message: unknown): void {
  const { request, socket } = message as SendHeadersMessage;
  const body = request?.body;
  if (!Buffer.isBuffer(body)) return;
  const entry = watched.get(body);
  if (entry === undefined) return;
  entry.connection = usedSockets.has(socket) ? 'reused' : 'new';
  usedSockets.add(socket);
}

/**
 * Starts watching a request body. Send exactly this Buffer as the request body; after the response headers
 * arrive, the returned function says which kind of connection carried the latest attempt (`unknown` until the
 * request was written, or when a custom dispatcher does not publish diagnostics).
 *
 * @example
 * const body = Buffer.from(JSON.stringify(payload));
 * const connection = trackConnection(body);
 * await request(url, { method: 'POST', body, dispatcher });
 * connection(); // 'new' | 'reused'
 */
export function trackConnection(body: Buffer): () => ConnectionKind {
  if (!subscribed) {
    subscribe('undici:client:sendHeaders', onSendHeaders);
    subscribed = true;
  }
  const entry: { connection: ConnectionKind } = { connection: 'unknown' };
  watched.set(body, entry);
  return () => entry.connection;
}
