// A real HTTP server on 127.0.0.1 that answers each request with the next scripted reply: canned SSE written
// chunk by chunk, error statuses with headers, a stream cut off by destroying the socket. Provider tests run
// against it over real sockets, and it counts TCP connections so reuse claims can be checked from the server side.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';

/** A body piece, or a gate: an async function the server awaits before writing on. */
export type ScriptedChunk = string | (() => Promise<void>);

export interface ScriptedReply {
  status?: number;
  headers?: Record<string, string>;
  chunks: ScriptedChunk[];
  /** Pause between pieces, so the client really receives them one by one. */
  gapMs?: number;
  /** Destroy the socket after writing this many pieces (a stream cut off mid-way). */
  cutAfter?: number;
  /** Keep the response open after the last piece until the client goes away. */
  hang?: boolean;
  /** Wait this long before sending the status line (a slow prefill, or a server that never answers). */
  headersDelayMs?: number;
  /** Close the connection without answering (a kept-alive connection the server had already given up on). */
  drop?: boolean;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** Resolves when the TCP connection that carried this request closes. */
  socketClosed: Promise<void>;
}

export interface ScriptedHttpServer {
  /** `http://127.0.0.1:<port>/v1` */
  baseURL: string;
  /** Queues replies, answered in order; a request with nothing queued gets a 500. */
  reply(...replies: ScriptedReply[]): void;
  /** Forgets queued replies and received requests (between tests). */
  reset(): void;
  readonly requests: ReceivedRequest[];
  /** TCP connections accepted so far. */
  readonly connections: number;
  close(): Promise<void>;
}

/**
 * Starts a scripted server on an ephemeral port.
 *
 * @example
 * const server = await startScriptedHttpServer();
 * server.reply({ status: 429, headers: { 'retry-after': '0' }, chunks: ['{}'] }, { chunks: [sse] });
 */
export async function startScriptedHttpServer(): Promise<ScriptedHttpServer> {
  const queue: ScriptedReply[] = [];
  const requests: ReceivedRequest[] = [];
  const sockets = new Set<Socket>();
  const closedPromises = new WeakMap<Socket, Promise<void>>();
  let connections = 0;

  const server = createServer((req, res) => {
    const socketClosed = closedPromises.get(req.socket) ?? Promise.resolve();
    const parts: Buffer[] = [];
    req.on('data', (part: Buffer) => parts.push(part));
    req.on('end', () => {
      const text = Buffer.concat(parts).toString('utf8');
      let body: unknown = text;
      try {
        body = JSON.parse(text);
      } catch {
        // Keep the raw text; the test asserts on it.
      }
      requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, body, socketClosed });
      const next = queue.shift();
      if (next === undefined) {
        res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"no scripted reply"}}');
        return;
      }
      void play(next, res);
    });
  });
  server.on('connection', (socket: Socket) => {
    connections++;
    sockets.add(socket);
    closedPromises.set(socket, new Promise((resolve) => socket.once('close', () => resolve())));
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    reply: (...replies) => queue.push(...replies),
    reset: () => {
      queue.length = 0;
      requests.length = 0;
    },
    requests,
    get connections() {
      return connections;
    },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function play(reply: ScriptedReply, res: ServerResponse): Promise<void> {
  if (reply.drop) {
    res.socket?.destroy();
    return;
  }
  // Waits end when the client goes away, so no timer outlives its test.
  const gone = new AbortController();
  res.on('close', () => gone.abort());
  const wait = (ms: number) => sleep(ms, undefined, { signal: gone.signal }).then(() => true, () => false);
  if (reply.headersDelayMs && !(await wait(reply.headersDelayMs))) return;
  res.writeHead(reply.status ?? 200, reply.headers ?? {});
  let written = 0;
  for (const chunk of reply.chunks) {
    if (res.destroyed) return;
    if (reply.cutAfter !== undefined && written >= reply.cutAfter) break;
    if (typeof chunk === 'function') {
      await chunk();
      continue;
    }
    if (written > 0 && reply.gapMs && !(await wait(reply.gapMs))) return;
    res.write(chunk);
    written++;
  }
  if (reply.cutAfter !== undefined) {
    // Let what was written reach the client first: destroy() drops unflushed writes.
    await wait(Math.max(reply.gapMs ?? 0, 5));
    res.socket?.destroy();
  } else if (!reply.hang) {
    res.end();
  }
}
