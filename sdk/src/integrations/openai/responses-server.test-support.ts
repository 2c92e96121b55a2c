// A small real HTTP server answering OpenAI's Responses API (`POST /v1/responses`), for testing the instrumentation
// of `responses.create` and of @openai/agents' default (Responses) model: the simulated model server speaks only
// Chat Completions. It answers every request with one text message echoing the last user text, counting a token
// per word, as JSON or as the API's server-sent events (created, output item, text deltas, completed).
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ResponsesTestServer {
  baseURL: string;
  /** Usage reported per request, in order. */
  usages: { input_tokens: number; output_tokens: number }[];
  close(): Promise<void>;
}

const words = (text: string): string[] => text.split(/\s+/).filter((word) => word !== '');

function lastUserText(input: unknown): string {
  if (typeof input === 'string') return input;
  if (!Array.isArray(input)) return '';
  for (const item of [...input].reverse()) {
    if (item?.role !== 'user') continue;
    if (typeof item.content === 'string') return item.content;
    if (Array.isArray(item.content)) return item.content.map((part: { text?: string }) => part?.text ?? '').join('');
  }
  return '';
}

/**
 * Starts the server on a free loopback port.
 *
 * @example
 * const server = await startResponsesTestServer();
 * await new OpenAI({ baseURL: server.baseURL, apiKey: 'x' }).responses.create({ model: 'sim-small', input: 'Hi' });
 */
export async function startResponsesTestServer(): Promise<ResponsesTestServer> {
  const usages: ResponsesTestServer['usages'] = [];
  let sequence = 0;
  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    if (request.method !== 'POST' || request.url !== '/v1/responses') {
      sendJson(response, 404, { error: { message: `Unknown request URL: ${request.method} ${request.url}`, type: 'invalid_request_error' } });
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { model: string; input: unknown; instructions?: string; stream?: boolean };
    const reply = `You said: ${lastUserText(body.input)}`;
    const inputText = `${body.instructions ?? ''} ${JSON.stringify(body.input)}`;
    const usage = {
      input_tokens: words(inputText).length,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens: words(reply).length,
      output_tokens_details: { reasoning_tokens: 0 },
      total_tokens: words(inputText).length + words(reply).length,
    };
    usages.push({ input_tokens: usage.input_tokens, output_tokens: usage.output_tokens });
    const id = `resp_${++sequence}`;
    const message = { id: `msg_${sequence}`, type: 'message', role: 'assistant', status: 'completed', content: [{ type: 'output_text', text: reply, annotations: [] }] };
    const base = { id, object: 'response', created_at: Math.floor(Date.now() / 1000), model: `${body.model}-2026-01-01`, instructions: body.instructions ?? null };
    const completed = { ...base, status: 'completed', output: [message], usage, incomplete_details: null, error: null };
    if (body.stream !== true) {
      sendJson(response, 200, completed);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    let number = 0;
    const send = (event: Record<string, unknown>) => response.write(`event: ${event.type}\ndata: ${JSON.stringify({ ...event, sequence_number: number++ })}\n\n`);
    send({ type: 'response.created', response: { ...base, status: 'in_progress', output: [], usage: null } });
    send({ type: 'response.output_item.added', output_index: 0, item: { ...message, status: 'in_progress', content: [] } });
    for (const [index, word] of words(reply).entries()) {
      await new Promise((resolve) => setTimeout(resolve, 1));
      send({ type: 'response.output_text.delta', item_id: message.id, output_index: 0, content_index: 0, delta: index === 0 ? word : ` ${word}` });
    }
    send({ type: 'response.output_text.done', item_id: message.id, output_index: 0, content_index: 0, text: reply });
    send({ type: 'response.output_item.done', output_index: 0, item: message });
    send({ type: 'response.completed', response: completed });
    response.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    usages,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  response.end(text);
}
