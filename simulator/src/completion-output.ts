// Turns the brain's decision into what the model "generates": the output as stream pieces of one token each
// (tool calls as a header piece with the name, then their arguments token by token, as OpenAI streams them),
// cut at `max_tokens` with `finish_reason: 'length'`, and reassembled into the final message.
import type { Decision, PlannedToolCall } from './brain/brain.ts';
import { tokenize } from './token-count.ts';

/** One streamed delta and the output tokens it costs. */
export interface OutputPiece {
  delta: Record<string, unknown>;
  tokens: number;
}

export interface CompletionOutput {
  pieces: OutputPiece[];
  /** The message as the non-streaming response carries it. */
  content: string | null;
  toolCalls: PlannedToolCall[];
  finishReason: 'stop' | 'tool_calls' | 'length';
  outputTokens: number;
}

/** Tokens a tool call costs beyond its name and arguments (the template's call framing). */
const TOOL_CALL_FRAMING_TOKENS = 3;

function piecesOf(decision: Decision): OutputPiece[] {
  if (decision.kind === 'text') return tokenize(decision.text).map((token) => ({ delta: { content: token }, tokens: 1 }));
  return decision.toolCalls.flatMap((call, index) => [
    {
      delta: { tool_calls: [{ index, id: call.id, type: 'function', function: { name: call.name, arguments: '' } }] },
      tokens: tokenize(call.name).length + TOOL_CALL_FRAMING_TOKENS,
    },
    ...tokenize(call.arguments).map((token) => ({ delta: { tool_calls: [{ index, function: { arguments: token } }] }, tokens: 1 })),
  ]);
}

/**
 * Plans a completion's output.
 *
 * @example
 * planOutput({ kind: 'text', text: 'Hello there' }, 1).content; // 'Hello' (finishReason 'length')
 */
export function planOutput(decision: Decision, maxOutputTokens: number): CompletionOutput {
  const all = piecesOf(decision);
  const pieces: OutputPiece[] = [];
  let outputTokens = 0;
  for (const piece of all) {
    if (outputTokens + piece.tokens > maxOutputTokens) break;
    pieces.push(piece);
    outputTokens += piece.tokens;
  }
  const truncated = pieces.length < all.length;
  if (decision.kind === 'text') {
    return {
      pieces,
      content: pieces.map((piece) => piece.delta.content as string).join(''),
      toolCalls: [],
      finishReason: truncated ? 'length' : 'stop',
      outputTokens,
    };
  }
  const toolCalls: PlannedToolCall[] = [];
  for (const piece of pieces) {
    const [delta] = piece.delta.tool_calls as { index: number; id?: string; function: { name?: string; arguments: string } }[];
    if (!delta) continue;
    if (delta.id !== undefined) toolCalls[delta.index] = { id: delta.id, name: delta.function.name ?? '', arguments: '' };
    else (toolCalls[delta.index] as PlannedToolCall).arguments += delta.function.arguments;
  }
  return { pieces, content: null, toolCalls, finishReason: truncated ? 'length' : 'tool_calls', outputTokens };
}
