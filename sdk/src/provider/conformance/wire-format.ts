// What a provider conformance test scripts, independent of any API's wire format: a model turn (text pieces,
// tool calls with their argument pieces, usage), and per provider a WireFormat that writes it the way that API
// would, streamed or whole.

export interface ScriptedToolCall {
  /** Omit to script a server that sends no tool call id. */
  id?: string;
  name: string;
  /** The arguments JSON as it arrives, in pieces. */
  argumentPieces: string[];
}

export interface ScriptedTurn {
  id: string;
  model: string;
  text?: string[];
  toolCalls?: ScriptedToolCall[];
  /** Neutral usage: `inputTokens` includes the cached ones, whatever the wire format does. */
  usage?: { inputTokens: number; outputTokens: number; cachedInputTokens: number };
  finishReason: 'stop' | 'tool_calls' | 'length';
}

export interface WireFormat {
  /** The model call's path under the base URL, e.g. `/chat/completions`. */
  path: string;
  /** Response headers of a streamed reply. */
  streamHeaders: Record<string, string>;
  /** The SSE events of a streamed reply, each a complete event ending in a blank line. */
  streamEvents(turn: ScriptedTurn): string[];
  /** The body of a non-streamed reply. */
  jsonBody(turn: ScriptedTurn): string;
  /** An SSE event whose data is not JSON. */
  malformedEvent: string;
  /** An error body in the API's own shape. */
  errorBody(message: string): string;
}
