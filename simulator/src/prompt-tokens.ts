// The prompt as the model would see it, as a token sequence: tool definitions first (OpenAI places them ahead of
// the conversation, so changing a tool invalidates the cached prefix), then each message framed by the chat
// template's special tokens (three per message, plus three that prime the reply, as OpenAI's cookbook counts).
import type { ChatRequest } from './chat-request.ts';
import { tokenize } from './token-count.ts';

/**
 * Renders a request's prompt into tokens, for counting and for the prefix cache.
 *
 * @example
 * promptTokens({ …request, messages: [{ role: 'user', content: 'Hi', toolCalls: [] }] }).length; // 7
 */
export function promptTokens(request: Pick<ChatRequest, 'tools' | 'messages'>): string[] {
  const tokens: string[] = [];
  for (const tool of request.tools) {
    tokens.push('<|tool|>', ...tokenize(JSON.stringify({ name: tool.name, description: tool.description, parameters: tool.parameters })));
  }
  for (const message of request.messages) {
    tokens.push('<|im_start|>', message.role, '<|im_sep|>', ...tokenize(message.content));
    for (const call of message.toolCalls) tokens.push(...tokenize(`${call.id} ${call.name} ${call.arguments}`));
    if (message.toolCallId) tokens.push(...tokenize(message.toolCallId));
  }
  tokens.push('<|im_start|>', 'assistant', '<|im_sep|>');
  return tokens;
}
