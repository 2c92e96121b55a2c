// A provider-neutral ModelRequest as an Anthropic Messages API body. The prompt prefix Anthropic caches runs
// tools → system → messages; `cache_control` breakpoints go on the last system block (caching tools and
// instructions, the stable prefix) and, for multi-turn agent loops, on the newest message so the next step reads
// the whole conversation so far from the cache.
import type { Message } from '../messages.ts';
import type { ModelRequest } from './model-provider.ts';

/** `prefix`: tools and system only. `prefix-and-history`: also the conversation up to the newest message. */
export type CacheBreakpoints = 'none' | 'prefix' | 'prefix-and-history';

type Block = Record<string, unknown>;
interface AnthropicMessage {
  role: 'user' | 'assistant';
  content: Block[];
}

const EPHEMERAL = { type: 'ephemeral' } as const;

/**
 * Builds the JSON body of `POST /messages`.
 *
 * @example
 * toMessagesBody({ model: 'claude-sonnet-4-5', messages, tools, stream: true }, { defaultMaxTokens: 4096, cacheBreakpoints: 'prefix' });
 */
export function toMessagesBody(
  request: ModelRequest,
  options: { defaultMaxTokens: number; cacheBreakpoints: CacheBreakpoints },
): Record<string, unknown> {
  const system: Block[] = request.messages.flatMap((message) =>
    message.role === 'system' && message.content !== '' ? [{ type: 'text', text: message.content }] : [],
  );
  const tools: Block[] = request.tools.map((tool) => ({
    name: tool.name,
    description: tool.description,
    input_schema: tool.parameters,
  }));
  const messages = toAnthropicMessages(request.messages);
  if (options.cacheBreakpoints !== 'none') {
    const prefixEnd = system.at(-1) ?? tools.at(-1);
    if (prefixEnd !== undefined) prefixEnd.cache_control = EPHEMERAL;
    const newest = messages.at(-1)?.content.at(-1);
    if (options.cacheBreakpoints === 'prefix-and-history' && newest !== undefined) newest.cache_control = EPHEMERAL;
  }
  const body: Record<string, unknown> = {
    model: request.model,
    max_tokens: request.maxOutputTokens ?? options.defaultMaxTokens,
    messages,
    stream: request.stream,
  };
  if (system.length > 0) body.system = system;
  if (tools.length > 0) body.tools = tools;
  const toolChoice = toToolChoice(request);
  if (toolChoice !== undefined) body.tool_choice = toolChoice;
  if (request.temperature !== undefined) body.temperature = request.temperature;
  return { ...body, ...request.providerOptions };
}

function toToolChoice(request: ModelRequest): Block | undefined {
  if (request.tools.length === 0) return undefined;
  const type = { auto: 'auto', required: 'any', none: 'none' }[request.toolChoice ?? 'auto'];
  if (request.toolChoice === undefined && request.parallelToolCalls !== false) return undefined;
  return {
    type,
    ...(request.parallelToolCalls === false && type !== 'none' ? { disable_parallel_tool_use: true } : {}),
  };
}

/** Messages alternate user/assistant; tool results travel as user content, merged with their neighbours. */
function toAnthropicMessages(messages: Message[]): AnthropicMessage[] {
  const out: AnthropicMessage[] = [];
  const append = (role: AnthropicMessage['role'], blocks: Block[]) => {
    if (blocks.length === 0) return;
    const last = out.at(-1);
    if (last?.role === role) last.content.push(...blocks);
    else out.push({ role, content: blocks });
  };
  for (const message of messages) {
    switch (message.role) {
      case 'system':
        break;
      case 'user':
        append('user', message.content === '' ? [] : [{ type: 'text', text: message.content }]);
        break;
      case 'assistant':
        append('assistant', [
          ...(message.content ? [{ type: 'text', text: message.content }] : []),
          ...(message.toolCalls ?? []).map((call) => ({
            type: 'tool_use',
            id: call.id,
            name: call.name,
            input: toolInput(call.arguments),
          })),
        ]);
        break;
      case 'tool':
        append('user', [
          {
            type: 'tool_result',
            tool_use_id: message.toolCallId,
            content: message.content,
            ...(message.isError ? { is_error: true } : {}),
          },
        ]);
        break;
    }
  }
  return out;
}

/** `tool_use.input` must be an object; arguments the model garbled were already answered with a tool error. */
function toolInput(argumentsText: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(argumentsText);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
