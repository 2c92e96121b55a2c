// Writes a completion the way OpenAI does: one JSON `chat.completion` when not streaming, or server-sent events
// paced by the latency model (a role chunk at the time to first token, one chunk per output piece when its tokens
// are due, a finish chunk, the usage chunk when asked for, `[DONE]`).
import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import type { ChatRequest } from './chat-request.ts';
import type { CompletionOutput } from './completion-output.ts';
import { sendJson } from './json-response.ts';
import type { LatencyBreakdown } from './latency-model.ts';

export const SYSTEM_FINGERPRINT = 'hotpath-simulated';

export interface CompletionResponseInput {
  chat: ChatRequest;
  output: CompletionOutput;
  inputTokens: number;
  cachedInputTokens: number;
  latency: LatencyBreakdown;
  headers: Record<string, string>;
  /** Resolves this many milliseconds after the request arrived; rejects when the request is aborted. */
  waitUntil(msFromArrival: number): Promise<void>;
  /** Drop the connection halfway through the output (the `cut-stream` fault). */
  cut: boolean;
}

/** Closes the connection once what was written so far has gone out: the client sees a response cut short. */
const dropConnection = (response: ServerResponse): void => {
  response.socket?.destroySoon();
};

/**
 * Writes the completion, spending the computed time on the request's timers.
 *
 * @example
 * await writeCompletion(response, { chat, output, inputTokens, cachedInputTokens, latency, headers, waitUntil, cut: false });
 */
export async function writeCompletion(response: ServerResponse, input: CompletionResponseInput): Promise<void> {
  const { chat, output, latency } = input;
  const id = `chatcmpl-${randomUUID().replaceAll('-', '')}`;
  const created = Math.floor(Date.now() / 1000);
  // Field order as OpenAI writes it.
  const head = (object: string) => ({ id, object, created, model: chat.model, system_fingerprint: SYSTEM_FINGERPRINT });
  const usage = {
    prompt_tokens: input.inputTokens,
    completion_tokens: output.outputTokens,
    total_tokens: input.inputTokens + output.outputTokens,
    prompt_tokens_details: { cached_tokens: input.cachedInputTokens, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };

  if (!chat.stream) {
    await input.waitUntil(latency.totalMs);
    const message = {
      role: 'assistant',
      content: output.content,
      refusal: null,
      ...(output.toolCalls.length > 0
        ? { tool_calls: output.toolCalls.map((call) => ({ id: call.id, type: 'function', function: { name: call.name, arguments: call.arguments } })) }
        : {}),
    };
    const completion = {
      ...head('chat.completion'),
      choices: [{ index: 0, message, logprobs: null, finish_reason: output.finishReason }],
      usage,
      service_tier: 'default',
    };
    if (!input.cut) {
      sendJson(response, 200, completion, input.headers);
      return;
    }
    const text = JSON.stringify(completion);
    response.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...input.headers });
    response.write(text.slice(0, Math.floor(text.length / 2)));
    dropConnection(response);
    return;
  }

  // With include_usage, OpenAI puts `usage: null` on every chunk but the last.
  const usageField = chat.includeUsage ? { usage: null } : {};
  const send = (choices: unknown[], extra: Record<string, unknown> = usageField): void => {
    response.write(`data: ${JSON.stringify({ ...head('chat.completion.chunk'), choices, ...extra })}\n\n`);
  };
  const choice = (delta: Record<string, unknown>, finishReason: string | null = null) => ({ index: 0, delta, logprobs: null, finish_reason: finishReason });
  await input.waitUntil(latency.timeToFirstTokenMs);
  response.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', ...input.headers });
  send([choice({ role: 'assistant', content: output.toolCalls.length > 0 ? null : '', refusal: null })]);
  const cutAfter = input.cut ? Math.floor(output.pieces.length / 2) : Number.POSITIVE_INFINITY;
  let tokensBefore = 0;
  for (const [index, piece] of output.pieces.entries()) {
    if (index >= cutAfter) {
      dropConnection(response);
      return;
    }
    await input.waitUntil(latency.timeToFirstTokenMs + tokensBefore * latency.decodeMsPerToken);
    send([choice(piece.delta)]);
    tokensBefore += piece.tokens;
  }
  await input.waitUntil(latency.totalMs);
  send([choice({}, output.finishReason)]);
  if (chat.includeUsage) send([], { usage });
  response.end('data: [DONE]\n\n');
}
