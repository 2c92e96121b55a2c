// GET /api/live: Server-Sent Events telling dashboards which traces just changed, plus a comment line every 15 s
// so proxies keep the stream open.
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LiveHub {
  /** Takes over a request as an event stream until the client leaves. */
  attach(request: IncomingMessage, response: ServerResponse): void;
  publish(traceIds: string[]): void;
  close(): void;
  readonly clients: number;
}

/**
 * Creates the hub.
 *
 * @example
 * const hub = createLiveHub();
 * hub.publish(['4bf92f3577b34da6a3ce929d0e0e4736']); // → `event: traces` to every client
 */
export function createLiveHub(heartbeatMs = 15_000): LiveHub {
  const clients = new Set<ServerResponse>();
  const heartbeat = setInterval(() => {
    for (const client of clients) client.write(': keep-alive\n\n');
  }, heartbeatMs);
  heartbeat.unref();
  return {
    attach(request, response) {
      response.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      response.write(': connected\n\n');
      clients.add(response);
      request.on('close', () => clients.delete(response));
    },
    publish(traceIds) {
      if (traceIds.length === 0 || clients.size === 0) return;
      const message = `event: traces\ndata: ${JSON.stringify({ traceIds })}\n\n`;
      for (const client of clients) client.write(message);
    },
    close() {
      clearInterval(heartbeat);
      for (const client of clients) client.end();
      clients.clear();
    },
    get clients() {
      return clients.size;
    },
  };
}
