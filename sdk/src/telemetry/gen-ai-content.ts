// Conversation content in the JSON shapes of the GenAI semantic conventions (gen-ai-input-messages.json,
// gen-ai-output-messages.json, gen-ai-system-instructions.json, tool definitions). Span attributes cannot hold
// nested values, so each is recorded as a JSON string, which the conventions allow. Only used when capture is on.
import type { AssistantMessage, Message, ToolCall } from '../messages.ts';
import type { FinishReason } from '../provider/model-provider.ts';

type TextPart = { type: 'text'; content: string };
type ToolCallPart = { type: 'tool_call'; id: string; name: string; arguments: unknown };
type ToolCallResponsePart = { type: 'tool_call_response'; id: string; response: string };
type Part = TextPart | ToolCallPart | ToolCallResponsePart;

interface ChatMessage {
  role: 'user' | 'assistant' | 'tool';
  parts: Part[];
}

/** Tool arguments as structured JSON when the model produced valid JSON, else the raw text (as it was sent). */
function parseArguments(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function toolCallPart(call: ToolCall): ToolCallPart {
  return { type: 'tool_call', id: call.id, name: call.name, arguments: parseArguments(call.arguments) };
}

function assistantParts(message: AssistantMessage): Part[] {
  const parts: Part[] = [];
  if (message.content) parts.push({ type: 'text', content: message.content });
  for (const call of message.toolCalls ?? []) parts.push(toolCallPart(call));
  return parts;
}

function chatMessage(message: Exclude<Message, { role: 'system' }>): ChatMessage {
  switch (message.role) {
    case 'user':
      return { role: 'user', parts: [{ type: 'text', content: message.content }] };
    case 'assistant':
      return { role: 'assistant', parts: assistantParts(message) };
    case 'tool':
      return { role: 'tool', parts: [{ type: 'tool_call_response', id: message.toolCallId, response: message.content }] };
  }
}

/**
 * `gen_ai.input.messages`: the chat history sent to the model, in order. System messages are left out: they are the
 * agent's instructions and go to `gen_ai.system_instructions`.
 *
 * @example
 * inputMessagesJson([{ role: 'user', content: 'Weather in Paris?' }]);
 * // '[{"role":"user","parts":[{"type":"text","content":"Weather in Paris?"}]}]'
 */
export function inputMessagesJson(messages: readonly Message[]): string {
  const chat: ChatMessage[] = [];
  for (const message of messages) if (message.role !== 'system') chat.push(chatMessage(message));
  return JSON.stringify(chat);
}

/**
 * `gen_ai.system_instructions`: the system messages as text parts, or `undefined` when there are none.
 *
 * @example
 * systemInstructionsJson([{ role: 'system', content: 'Be brief.' }]); // '[{"type":"text","content":"Be brief."}]'
 */
export function systemInstructionsJson(messages: readonly Message[]): string | undefined {
  const parts: TextPart[] = [];
  for (const message of messages) if (message.role === 'system') parts.push({ type: 'text', content: message.content });
  return parts.length > 0 ? JSON.stringify(parts) : undefined;
}

/**
 * The output message schema's finish reason (`tool_call`, singular) for the provider-level one (`tool_calls`).
 *
 * @example
 * outputFinishReason('tool_calls'); // 'tool_call'
 */
export function outputFinishReason(reason: FinishReason | undefined): string {
  if (reason === 'tool_calls') return 'tool_call';
  return reason ?? 'stop';
}

/**
 * `gen_ai.output.messages`: the one choice the model returned.
 *
 * @example
 * outputMessagesJson({ role: 'assistant', content: 'Rainy.' }, 'stop');
 * // '[{"role":"assistant","parts":[{"type":"text","content":"Rainy."}],"finish_reason":"stop"}]'
 */
export function outputMessagesJson(message: AssistantMessage, finishReason: FinishReason | undefined): string {
  return JSON.stringify([
    { role: 'assistant', parts: assistantParts(message), finish_reason: outputFinishReason(finishReason) },
  ]);
}

/**
 * `gen_ai.tool.definitions` with only the required properties (the conventions advise against the large optional
 * ones, such as parameter schemas, by default).
 *
 * @example
 * toolDefinitionsJson(['lookup_order']); // '[{"type":"function","name":"lookup_order"}]'
 */
export function toolDefinitionsJson(names: readonly string[]): string {
  return JSON.stringify(names.map((name) => ({ type: 'function', name })));
}

/**
 * Plain text as a one-message, one-part list (for `instrument(fn)` inputs/outputs and a run's input and final output).
 *
 * @example
 * textMessagesJson('user', 'hi'); // '[{"role":"user","parts":[{"type":"text","content":"hi"}]}]'
 */
export function textMessagesJson(role: 'user' | 'assistant', text: string, finishReason?: string): string {
  const message: Record<string, unknown> = { role, parts: [{ type: 'text', content: text }] };
  if (finishReason !== undefined) message.finish_reason = finishReason;
  return JSON.stringify([message]);
}
