// A small OpenAI-compatible server that is not Hotpath's simulator, as a third-party endpoint looks to the demo:
// real HTTP, one model, a fixed reply (streamed or not), and optionally every chat request refused. The demo's
// input guardrail asks for a JSON verdict, which any real model gives; this server gives a fixed one.
import { createServer, type Server } from 'node:http';

export interface FixedReplyServer {
  baseURL: string;
  /** Chat requests answered so far. */
  requests: number;
  close(): Promise<void>;
}

/**
 * @example
 * const server = await startFixedReplyServer({ model: 'only-model', reply: 'I cannot look that up.' });
 * // OPENAI_BASE_URL=server.baseURL
 */
export async function startFixedReplyServer(options: { model: string; reply: string; refuseChats?: string }): Promise<FixedReplyServer> {
  const state = { requests: 0 };
  const server: Server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      if (request.method === 'GET' && request.url === '/v1/models') {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ object: 'list', data: [{ id: options.model, object: 'model', owned_by: 'someone-else' }] }));
        return;
      }
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":{"message":"not found"}}');
        return;
      }
      state.requests += 1;
      if (options.refuseChats) {
        response.writeHead(400, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: options.refuseChats, type: 'invalid_request_error' } }));
        return;
      }
      const parsed = JSON.parse(body) as { stream?: boolean; model: string; messages: { role: string; content: unknown }[] };
      const guardrail = parsed.messages.some((message) => message.role === 'system' && String(message.content).includes('input guardrail'));
      const reply = guardrail ? '{"allowed": true, "category": "none", "reason": "a support question"}' : options.reply;
      const usage = { prompt_tokens: 120, completion_tokens: 8, total_tokens: 128 };
      const id = `chatcmpl-${state.requests}`;
      if (!parsed.stream) {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify({
          id, object: 'chat.completion', created: 0, model: parsed.model, usage,
          choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content: reply } }],
        }));
        return;
      }
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      const chunk = (fields: object) => response.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model: parsed.model, ...fields })}\n\n`);
      chunk({ choices: [{ index: 0, delta: { role: 'assistant', content: reply }, finish_reason: null }] });
      chunk({ choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
      chunk({ choices: [], usage });
      response.end('data: [DONE]\n\n');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    get requests() {
      return state.requests;
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
