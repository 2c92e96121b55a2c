// The Anthropic Messages wire format for the conformance suite: message_start (input usage, cached tokens
// counted apart), a ping, content blocks with text and input_json deltas, message_delta with the stop reason
// and output usage, message_stop.
import type { ScriptedTurn, WireFormat } from './wire-format.ts';

const sse = (type: string, data: Record<string, unknown>): string =>
  `event: ${type}\ndata: ${JSON.stringify({ type, ...data })}\n\n`;

const STOP_REASONS = { stop: 'end_turn', tool_calls: 'tool_use', length: 'max_tokens' } as const;

function inputUsage(turn: ScriptedTurn): Record<string, number> {
  const usage = turn.usage ?? { inputTokens: 0, cachedInputTokens: 0 };
  return {
    input_tokens: usage.inputTokens - usage.cachedInputTokens,
    cache_read_input_tokens: usage.cachedInputTokens,
    cache_creation_input_tokens: 0,
  };
}

export const anthropicWireFormat: WireFormat = {
  path: '/messages',
  streamHeaders: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
  streamEvents(turn) {
    const events = [
      sse('message_start', {
        message: {
          id: turn.id,
          type: 'message',
          role: 'assistant',
          model: turn.model,
          content: [],
          stop_reason: null,
          usage: { ...inputUsage(turn), output_tokens: 1 },
        },
      }),
      sse('ping', {}),
    ];
    let index = 0;
    if (turn.text !== undefined) {
      events.push(sse('content_block_start', { index, content_block: { type: 'text', text: '' } }));
      for (const text of turn.text) events.push(sse('content_block_delta', { index, delta: { type: 'text_delta', text } }));
      events.push(sse('content_block_stop', { index }));
      index++;
    }
    for (const call of turn.toolCalls ?? []) {
      events.push(
        sse('content_block_start', { index, content_block: { type: 'tool_use', id: call.id, name: call.name, input: {} } }),
      );
      for (const partial_json of call.argumentPieces) {
        events.push(sse('content_block_delta', { index, delta: { type: 'input_json_delta', partial_json } }));
      }
      events.push(sse('content_block_stop', { index }));
      index++;
    }
    events.push(
      sse('message_delta', {
        delta: { stop_reason: STOP_REASONS[turn.finishReason], stop_sequence: null },
        usage: { output_tokens: turn.usage?.outputTokens ?? 0 },
      }),
      sse('message_stop', {}),
    );
    return events;
  },
  jsonBody(turn) {
    return JSON.stringify({
      id: turn.id,
      type: 'message',
      role: 'assistant',
      model: turn.model,
      content: [
        ...(turn.text !== undefined ? [{ type: 'text', text: turn.text.join('') }] : []),
        ...(turn.toolCalls ?? []).map((call) => ({
          type: 'tool_use',
          id: call.id,
          name: call.name,
          input: JSON.parse(call.argumentPieces.join('')),
        })),
      ],
      stop_reason: STOP_REASONS[turn.finishReason],
      usage: { ...inputUsage(turn), output_tokens: turn.usage?.outputTokens ?? 0 },
    });
  },
  malformedEvent:
    'event: content_block_delta\ndata: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"oops"\n\n',
  errorBody: (message) => JSON.stringify({ type: 'error', error: { type: 'invalid_request_error', message } }),
};
