// The simulated model server: a real node:http server speaking the OpenAI Chat Completions API (streaming and not,
// tool calls, usage with cached tokens, `GET /v1/models`, OpenAI-shaped errors), spending the time the latency
// model computes on real timers, and answering with the brain's decision. Clients cannot tell it from a hosted
// model except by the `x-hotpath-simulated: true` header and `system_fingerprint: 'hotpath-simulated'`.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { abortableDelay } from './abortable-delay.ts';
import { decide } from './brain/brain.ts';
import type { Playbook } from './brain/playbook.ts';
import { InvalidRequestError, parseChatRequest } from './chat-request.ts';
import { type CompletionOutput, planOutput } from './completion-output.ts';
import { SYSTEM_FINGERPRINT, writeCompletion } from './completion-response.ts';
import { sendError, sendJson } from './json-response.ts';
import { applyOutputFault, FAULT_HEADER, FaultCounter, type FaultName } from './faults.ts';
import { computeLatency, type LatencyBreakdown } from './latency-model.ts';
import {
  DEFAULT_CONNECTION_SETUP_MS,
  DEFAULT_PROFILES,
  DEFAULT_PROMPT_CACHE,
  type ModelProfile,
  type PromptCacheOptions,
  validateProfile,
} from './model-profile.ts';
import { PrefixCache } from './prefix-cache.ts';
import { promptTokens } from './prompt-tokens.ts';
import { supportDeskPlaybook } from './support-desk/playbook.ts';

const MAX_BODY_BYTES = 8 * 1024 * 1024;
/** Like a cloud load balancer (AWS ALB: 60 s), so pooled clients keep their sockets between agent steps. */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export interface FaultContext {
  model: string;
  /** 1 for the server's first chat request. */
  requestNumber: number;
  headers: IncomingHttpHeaders;
}

export interface SimulatedServerOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Multiplies every simulated duration (model and connection set-up). 1 for benchmarks; default 1. */
  latencyScale?: number;
  profiles?: readonly ModelProfile[];
  /** A new connection's first request pays this (TLS set-up). Default 100 ms. */
  connectionSetupMs?: number;
  promptCache?: Partial<PromptCacheOptions>;
  /** The domain the brain knows. Default: the support desk. */
  playbook?: Playbook;
  /** Server-side fault injection, consulted when a request carries no fault header. */
  fault?: (context: FaultContext) => FaultName | undefined;
  /** How many request records `stats().recent` keeps. Default 200. */
  recentRequestLimit?: number;
}

export interface ModelStats {
  requests: number;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
}

export interface RequestRecord {
  requestNumber: number;
  model: string;
  stream: boolean;
  newConnection: boolean;
  inputTokens: number;
  cachedInputTokens: number;
  outputTokens: number;
  finishReason: CompletionOutput['finishReason'];
  /** What the latency model computed for this request. */
  latency: LatencyBreakdown;
  outcome: 'completed' | 'aborted' | 'fault';
  fault?: FaultName;
  /** Measured wall-clock time from the request's arrival to its end. */
  elapsedMs: number;
}

export interface SimulatedServerStats {
  /** Chat completion requests accepted (valid, known model), faults included. */
  requests: number;
  byModel: Record<string, ModelStats>;
  connectionsOpened: number;
  aborted: number;
  /** Requests still being served. */
  inFlight: number;
  /** The latest request records, oldest first. */
  recent: RequestRecord[];
}

/** The figures a server runs with, defaults filled in, so a benchmark can print its assumptions. */
export interface SimulatedServerSettings {
  latencyScale: number;
  connectionSetupMs: number;
  profiles: ModelProfile[];
  promptCache: PromptCacheOptions;
}

export interface SimulatedServer {
  /** For OpenAI clients: `http://host:port/v1`. */
  baseURL: string;
  /** `http://host:port`. */
  url: string;
  port: number;
  settings: SimulatedServerSettings;
  stats(): SimulatedServerStats;
  /** Forgets every cached prompt prefix (e.g. between benchmark phases). */
  clearPromptCache(): void;
  /** Stops accepting connections, aborts requests in flight, and closes every socket. */
  close(): Promise<void>;
}

class RequestAborted extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new InvalidRequestError(`The request body exceeds ${MAX_BODY_BYTES} bytes`, { status: 413 });
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Starts the simulated OpenAI-compatible model server.
 *
 * @example
 * const server = await startSimulatedServer({ latencyScale: 0.05 });
 * const client = new OpenAI({ baseURL: server.baseURL, apiKey: 'unused' });
 * await client.chat.completions.create({ model: 'sim-large', messages: [{ role: 'user', content: 'Where is order O-5002?' }] });
 * await server.close();
 */
export async function startSimulatedServer(options: SimulatedServerOptions = {}): Promise<SimulatedServer> {
  const latencyScale = options.latencyScale ?? 1;
  if (!(latencyScale >= 0) || !Number.isFinite(latencyScale)) throw new RangeError('latencyScale must be a finite number ≥ 0');
  const connectionSetupMs = options.connectionSetupMs ?? DEFAULT_CONNECTION_SETUP_MS;
  if (!(connectionSetupMs >= 0) || !Number.isFinite(connectionSetupMs)) throw new RangeError('connectionSetupMs must be a finite number ≥ 0');
  const profiles = new Map((options.profiles ?? DEFAULT_PROFILES).map((profile) => [profile.id, validateProfile(profile)]));
  if (profiles.size === 0) throw new RangeError('profiles must not be empty');
  const cacheOptions: PromptCacheOptions = { ...DEFAULT_PROMPT_CACHE, ...options.promptCache };
  const caches = new Map([...profiles.keys()].map((id) => [id, new PrefixCache(cacheOptions)]));
  const playbook = options.playbook ?? supportDeskPlaybook;
  const recentLimit = options.recentRequestLimit ?? 200;
  const faults = new FaultCounter();
  const chargedSockets = new WeakSet<Socket>();
  const inFlight = new Set<AbortController>();
  const stats = { requests: 0, connectionsOpened: 0, aborted: 0, byModel: {} as Record<string, ModelStats>, recent: [] as RequestRecord[] };
  const record = (entry: RequestRecord): void => {
    stats.recent.push(entry);
    if (stats.recent.length > recentLimit) stats.recent.shift();
  };

  async function completions(request: IncomingMessage, response: ServerResponse, newConnection: boolean): Promise<void> {
    const arrived = performance.now();
    let body: unknown;
    const text = await readBody(request);
    try {
      body = JSON.parse(text);
    } catch {
      throw new InvalidRequestError(
        'We could not parse the JSON body of your request. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.',
      );
    }
    const chat = parseChatRequest(body);
    const profile = profiles.get(chat.model);
    if (!profile) {
      throw new InvalidRequestError(`The model \`${chat.model}\` does not exist or you do not have access to it.`, {
        status: 404,
        code: 'model_not_found',
        param: 'model',
      });
    }
    const headerValue = request.headers[FAULT_HEADER];
    const requestNumber = stats.requests + 1;
    const fault =
      faults.fromHeader(Array.isArray(headerValue) ? headerValue[0] : headerValue) ??
      options.fault?.({ model: chat.model, requestNumber, headers: request.headers });
    stats.requests = requestNumber;
    const modelStats = (stats.byModel[chat.model] ??= { requests: 0, inputTokens: 0, cachedInputTokens: 0, outputTokens: 0 });
    modelStats.requests++;

    const controller = new AbortController();
    inFlight.add(controller);
    response.on('close', () => {
      if (!response.writableFinished) controller.abort(new RequestAborted('client disconnected'));
    });
    const tokens = promptTokens(chat);
    const rejected = fault === 'http-429' || fault === 'http-500';
    const cachedInputTokens = rejected ? 0 : (caches.get(chat.model) as PrefixCache).lookupAndStore(tokens);
    const output = planOutput(applyOutputFault(decide(chat, profile, playbook), fault), chat.maxOutputTokens ?? profile.maxOutputTokens);
    const latency = computeLatency({
      profile,
      inputTokens: tokens.length,
      cachedInputTokens,
      outputTokens: rejected ? 0 : output.outputTokens,
      newConnection,
      connectionSetupMs,
      latencyScale,
    });
    const entry: RequestRecord = {
      requestNumber,
      model: chat.model,
      stream: chat.stream,
      newConnection,
      inputTokens: tokens.length,
      cachedInputTokens,
      outputTokens: output.outputTokens,
      finishReason: output.finishReason,
      latency,
      outcome: 'completed',
      elapsedMs: 0,
      ...(fault ? { fault } : {}),
    };
    const headers = {
      'x-hotpath-simulated': 'true',
      'x-request-id': `req_${randomUUID().replaceAll('-', '')}`,
      'openai-processing-ms': String(Math.round(latency.totalMs)),
    };
    const waitUntil = (msFromArrival: number) => abortableDelay(msFromArrival - (performance.now() - arrived), controller.signal);
    try {
      if (rejected) {
        await waitUntil(latency.connectionSetupMs + latency.requestMs);
        entry.outcome = 'fault';
        if (fault === 'http-429') {
          const retryMs = Math.round(1000 * latencyScale);
          sendError(
            response,
            429,
            { message: `Rate limit reached for ${chat.model} (simulated). Please try again in ${retryMs}ms.`, type: 'requests', code: 'rate_limit_exceeded' },
            { ...headers, 'retry-after': String(Math.max(1, Math.ceil(retryMs / 1000))), 'retry-after-ms': String(retryMs) },
          );
        } else {
          sendError(response, 500, { message: 'The server had an error while processing your request (simulated).', type: 'server_error' }, headers);
        }
        return;
      }
      await writeCompletion(response, {
        chat,
        output,
        inputTokens: tokens.length,
        cachedInputTokens,
        latency,
        headers,
        waitUntil,
        cut: fault === 'cut-stream',
      });
      if (fault) entry.outcome = 'fault';
      modelStats.inputTokens += tokens.length;
      modelStats.cachedInputTokens += cachedInputTokens;
      modelStats.outputTokens += output.outputTokens;
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      entry.outcome = 'aborted';
      stats.aborted++;
    } finally {
      inFlight.delete(controller);
      entry.elapsedMs = performance.now() - arrived;
      record(entry);
    }
  }

  const server = createServer({ keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS, requestTimeout: 0 }, (request, response) => {
    // The first request on a socket pays the connection set-up, as the TLS handshake would.
    const newConnection = !chargedSockets.has(request.socket);
    chargedSockets.add(request.socket);
    const url = new URL(request.url ?? '/', 'http://localhost');
    const handled = route(request, response, url.pathname, newConnection);
    handled.catch((error: unknown) => {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const simulatedHeader = { 'x-hotpath-simulated': 'true' };
      if (error instanceof InvalidRequestError) {
        sendError(response, error.status, { message: error.message, type: 'invalid_request_error', param: error.param, code: error.code }, simulatedHeader);
      } else {
        sendError(response, 500, { message: `Simulated server failure: ${error instanceof Error ? error.message : String(error)}`, type: 'server_error' }, simulatedHeader);
      }
    });
  });
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
  server.on('connection', () => {
    stats.connectionsOpened++;
  });

  async function route(request: IncomingMessage, response: ServerResponse, path: string, newConnection: boolean): Promise<void> {
    const simulatedHeader = { 'x-hotpath-simulated': 'true' };
    if (path === '/v1/chat/completions') {
      if (request.method !== 'POST') {
        sendError(response, 405, { message: `Method ${request.method} not allowed; use POST`, type: 'invalid_request_error' }, { ...simulatedHeader, allow: 'POST' });
        return;
      }
      await completions(request, response, newConnection);
      return;
    }
    if (request.method === 'GET' && (path === '/v1/models' || path.startsWith('/v1/models/'))) {
      // Whatever request opens a connection pays its set-up, not only chat requests.
      if (newConnection) await abortableDelay(connectionSetupMs * latencyScale);
      const models = [...profiles.keys()].map((id) => ({ id, object: 'model', created: 1_767_225_600, owned_by: SYSTEM_FINGERPRINT }));
      if (path === '/v1/models') {
        sendJson(response, 200, { object: 'list', data: models }, simulatedHeader);
        return;
      }
      const id = decodeURIComponent(path.slice('/v1/models/'.length));
      const model = models.find((candidate) => candidate.id === id);
      if (model) sendJson(response, 200, model, simulatedHeader);
      else sendError(response, 404, { message: `The model \`${id}\` does not exist`, type: 'invalid_request_error', param: 'model', code: 'model_not_found' }, simulatedHeader);
      return;
    }
    sendError(response, 404, { message: `Unknown request URL: ${request.method} ${path}`, type: 'invalid_request_error', code: 'unknown_url' }, simulatedHeader);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  return {
    baseURL: `${url}/v1`,
    url,
    port: address.port,
    settings: structuredClone({ latencyScale, connectionSetupMs, profiles: [...profiles.values()], promptCache: cacheOptions }),
    stats: () => ({
      requests: stats.requests,
      byModel: structuredClone(stats.byModel),
      connectionsOpened: stats.connectionsOpened,
      aborted: stats.aborted,
      inFlight: inFlight.size,
      recent: structuredClone(stats.recent),
    }),
    clearPromptCache: () => {
      for (const cache of caches.values()) cache.clear();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const controller of inFlight) controller.abort(new RequestAborted('server closing'));
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
