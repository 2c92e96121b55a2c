// Writing JSON and OpenAI-shaped error bodies (`{ error: { message, type, param, code } }`).
import type { ServerResponse } from 'node:http';

/**
 * Sends a JSON body with its length.
 *
 * @example
 * sendJson(response, 200, { object: 'list', data: [] }, { 'x-hotpath-simulated': 'true' });
 */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  response.end(text);
}

/**
 * Sends an error the way the OpenAI API does.
 *
 * @example
 * sendError(response, 404, { message: 'The model `x` does not exist', type: 'invalid_request_error', code: 'model_not_found' });
 */
export function sendError(
  response: ServerResponse,
  status: number,
  error: { message: string; type: string; param?: string | null; code?: string | null },
  headers: Record<string, string> = {},
): void {
  sendJson(response, status, { error: { message: error.message, type: error.type, param: error.param ?? null, code: error.code ?? null } }, headers);
}
