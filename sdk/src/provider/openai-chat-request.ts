// A provider-neutral ModelRequest as an OpenAI Chat Completions request body. Kept to the fields OpenAI, vLLM,
// Ollama and llama.cpp's server all accept; anything else goes through `providerOptions`, merged last.
import type { Message } from '../messages.ts';
import type { ModelRequest } from './model-provider.ts';

export type MaxTokensField = 'max_tokens' | 'max_completion_tokens';

export interface ChatRequestOptions {
  /** OpenAI wants `max_completion_tokens` (reasoning models refuse `max_tokens`); older servers know only `max_tokens`. */
  maxTokensField: MaxTokensField;
  /** Ask for usage in the stream's last chunk (`stream_options.include_usage`). */
  includeStreamUsage: boolean;
}

/**
 * Builds the JSON body of `POST /chat/completions`.
 *
 * @example
 * toChatCompletionsBody({ model: 'gpt-4.1', messages: [{ role: 'user', content: 'hi' }], tools: [], stream: true },
 *   { maxTokensField: 'max_completion_tokens', includeStreamUsage: true });
 */
export function toChatCompletionsBody(request: ModelRequest, options: ChatRequestOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: request.model,
    messages: request.messages.map(toChatMessage),
    stream: request.stream,
  };
  if (request.stream && options.includeStreamUsage) body.stream_options = { include_usage: true };
  if (request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      type: 'function',
      function: { name: tool.name, description: tool.description, parameters: tool.parameters },
    }));
    // OpenAI rejects parallel_tool_calls and tool_choice without tools, so they only go alongside them.
    if (request.parallelToolCalls !== undefined) body.parallel_tool_calls = request.parallelToolCalls;
    if (request.toolChoice !== undefined) body.tool_choice = request.toolChoice;
  }
  if (request.maxOutputTokens !== undefined) body[options.maxTokensField] = request.maxOutputTokens;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  return { ...body, ...request.providerOptions };
}

function toChatMessage(message: Message): Record<string, unknown> {
  switch (message.role) {
    case 'system':
    case 'user':
      return { role: message.role, content: message.content };
    case 'assistant': {
      const toolCalls = message.toolCalls ?? [];
      if (toolCalls.length === 0) return { role: 'assistant', content: message.content ?? '' };
      return {
        role: 'assistant',
        content: message.content,
        tool_calls: toolCalls.map((call) => ({
          id: call.id,
          type: 'function',
          function: { name: call.name, arguments: call.arguments },
        })),
      };
    }
    case 'tool':
      return { role: 'tool', tool_call_id: message.toolCallId, content: message.content };
  }
}
