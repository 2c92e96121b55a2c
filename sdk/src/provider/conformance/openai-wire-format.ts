// The OpenAI Chat Completions wire format for the conformance suite: what OpenAI itself streams (a role chunk,
// content chunks, tool-call chunks by index, a finish chunk, a usage-only chunk, `[DONE]`).
import type { ScriptedTurn, WireFormat } from './wire-format.ts';

const sse = (data: unknown): string => `data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`;

function usageOf(turn: ScriptedTurn): Record<string, unknown> | undefined {
  if (turn.usage === undefined) return undefined;
  return {
    prompt_tokens: turn.usage.inputTokens,
    completion_tokens: turn.usage.outputTokens,
    total_tokens: turn.usage.inputTokens + turn.usage.outputTokens,
    prompt_tokens_details: { cached_tokens: turn.usage.cachedInputTokens },
  };
}

export const openaiWireFormat: WireFormat = {
  path: '/chat/completions',
  streamHeaders: { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' },
  streamEvents(turn) {
    const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) =>
      sse({ id: turn.id, object: 'chat.completion.chunk', created: 1, model: turn.model, choices, ...extra });
    const delta = (value: Record<string, unknown>, finish: string | null = null) =>
      chunk([{ index: 0, delta: value, finish_reason: finish }]);
    const events = [delta({ role: 'assistant', content: '' })];
    for (const piece of turn.text ?? []) events.push(delta({ content: piece }));
    (turn.toolCalls ?? []).forEach((call, index) => {
      call.argumentPieces.forEach((piece, n) => {
        const first = n === 0 ? { ...(call.id !== undefined ? { id: call.id } : {}), type: 'function' } : {};
        const fn = n === 0 ? { name: call.name, arguments: piece } : { arguments: piece };
        events.push(delta({ tool_calls: [{ index, ...first, function: fn }] }));
      });
    });
    events.push(delta({}, turn.finishReason));
    const usage = usageOf(turn);
    if (usage !== undefined) events.push(chunk([], { usage }));
    events.push(sse('[DONE]'));
    return events;
  },
  jsonBody(turn) {
    const toolCalls = (turn.toolCalls ?? []).map((call) => ({
      ...(call.id !== undefined ? { id: call.id } : {}),
      type: 'function',
      function: { name: call.name, arguments: call.argumentPieces.join('') },
    }));
    return JSON.stringify({
      id: turn.id,
      object: 'chat.completion',
      created: 1,
      model: turn.model,
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: turn.text === undefined ? null : turn.text.join(''),
            ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
          },
          finish_reason: turn.finishReason,
        },
      ],
      ...(turn.usage !== undefined ? { usage: usageOf(turn) } : {}),
    });
  },
  malformedEvent: 'data: {"id":"chatcmpl-x","choices":[{"index":0,"delta":{"content":"oops"\n\n',
  errorBody: (message) => JSON.stringify({ error: { message, type: 'invalid_request_error', code: null } }),
};
