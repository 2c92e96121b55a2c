// Validation of a Chat Completions request body into the typed form the simulated server works with. Anything the
// real API would reject gets an `InvalidRequestError` that the server turns into OpenAI's error body.
import { SimulatorError } from './simulator-error.ts';

export type ChatRole = 'system' | 'developer' | 'user' | 'assistant' | 'tool';

export interface ChatToolCall {
  id: string;
  name: string;
  /** Raw JSON text, as the model wrote it. */
  arguments: string;
}

export interface ChatMessage {
  role: ChatRole;
  /** Text content; array content parts are joined. Empty when the message has only tool calls. */
  content: string;
  toolCalls: ChatToolCall[];
  /** Set on `tool` messages. */
  toolCallId?: string;
}

export interface ChatTool {
  name: string;
  description: string;
  parameters: Record<string, unknown>;
}

export type ChatToolChoice = 'auto' | 'none' | 'required' | { name: string };

export interface ChatRequest {
  model: string;
  messages: ChatMessage[];
  tools: ChatTool[];
  toolChoice: ChatToolChoice;
  /** OpenAI's default is true. */
  parallelToolCalls: boolean;
  stream: boolean;
  includeUsage: boolean;
  maxOutputTokens?: number;
}

/** A request the server refuses, with the HTTP status and OpenAI error fields to answer with. */
export class InvalidRequestError extends SimulatorError {
  readonly status: number;
  readonly param: string | null;
  readonly code: string | null;

  constructor(message: string, options: { status?: number; param?: string; code?: string } = {}) {
    super(message);
    this.name = 'InvalidRequestError';
    this.status = options.status ?? 400;
    this.param = options.param ?? null;
    this.code = options.code ?? null;
  }
}

const ROLES = new Set<ChatRole>(['system', 'developer', 'user', 'assistant', 'tool']);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function contentText(content: unknown, param: string): string {
  if (content === null || content === undefined) return '';
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) {
    return content
      .map((part, index) => {
        if (!isRecord(part) || typeof part.type !== 'string') {
          throw new InvalidRequestError(`${param}[${index}] must be a content part object with a type`, { param });
        }
        if (part.type === 'text' && typeof part.text === 'string') return part.text;
        if (part.type === 'refusal' && typeof part.refusal === 'string') return part.refusal;
        throw new InvalidRequestError(`${param}[${index}]: content part type '${part.type}' is not supported`, { param });
      })
      .join('');
  }
  throw new InvalidRequestError(`${param} must be a string, an array of content parts or null`, { param });
}

function parseToolCalls(value: unknown, param: string): ChatToolCall[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InvalidRequestError(`${param} must be an array`, { param });
  return value.map((call, index) => {
    const at = `${param}[${index}]`;
    if (!isRecord(call) || typeof call.id !== 'string' || !isRecord(call.function)) {
      throw new InvalidRequestError(`${at} must have an id and a function`, { param: at });
    }
    const { name, arguments: args } = call.function;
    if (typeof name !== 'string' || typeof args !== 'string') {
      throw new InvalidRequestError(`${at}.function needs a string name and string arguments`, { param: at });
    }
    return { id: call.id, name, arguments: args };
  });
}

function parseMessage(value: unknown, index: number): ChatMessage {
  const param = `messages[${index}]`;
  if (!isRecord(value)) throw new InvalidRequestError(`${param} must be an object`, { param });
  const role = value.role;
  if (typeof role !== 'string' || !ROLES.has(role as ChatRole)) {
    throw new InvalidRequestError(`${param}.role must be one of ${[...ROLES].join(', ')}`, { param: `${param}.role` });
  }
  const message: ChatMessage = {
    role: role as ChatRole,
    content: contentText(value.content, `${param}.content`),
    toolCalls: role === 'assistant' ? parseToolCalls(value.tool_calls, `${param}.tool_calls`) : [],
  };
  if (role === 'tool') {
    if (typeof value.tool_call_id !== 'string') {
      throw new InvalidRequestError(`${param}.tool_call_id is required for tool messages`, { param: `${param}.tool_call_id` });
    }
    message.toolCallId = value.tool_call_id;
  }
  if (role === 'assistant' && value.content == null && message.toolCalls.length === 0) {
    throw new InvalidRequestError(`${param}: an assistant message needs content or tool_calls`, { param });
  }
  return message;
}

function parseTools(value: unknown): ChatTool[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new InvalidRequestError('tools must be an array', { param: 'tools' });
  return value.map((tool, index) => {
    const param = `tools[${index}]`;
    if (!isRecord(tool) || tool.type !== 'function' || !isRecord(tool.function)) {
      throw new InvalidRequestError(`${param} must be { type: 'function', function: { name, … } }`, { param });
    }
    const { name, description, parameters } = tool.function;
    if (typeof name !== 'string' || !/^[a-zA-Z0-9_-]{1,64}$/.test(name)) {
      throw new InvalidRequestError(`${param}.function.name must match ^[a-zA-Z0-9_-]{1,64}$`, { param: `${param}.function.name` });
    }
    if (parameters !== undefined && !isRecord(parameters)) {
      throw new InvalidRequestError(`${param}.function.parameters must be a JSON Schema object`, { param });
    }
    return { name, description: typeof description === 'string' ? description : '', parameters: parameters ?? {} };
  });
}

function parseToolChoice(value: unknown, tools: ChatTool[]): ChatToolChoice {
  if (value === undefined || value === null) return tools.length > 0 ? 'auto' : 'none';
  if (value === 'auto' || value === 'none' || value === 'required') return value;
  if (isRecord(value) && value.type === 'function' && isRecord(value.function) && typeof value.function.name === 'string') {
    const name = value.function.name;
    if (!tools.some((tool) => tool.name === name)) {
      throw new InvalidRequestError(`tool_choice names '${name}', which is not in tools`, { param: 'tool_choice' });
    }
    return { name };
  }
  throw new InvalidRequestError("tool_choice must be 'auto', 'none', 'required' or { type: 'function', function: { name } }", {
    param: 'tool_choice',
  });
}

function parseMaxTokens(body: Record<string, unknown>): number | undefined {
  for (const param of ['max_completion_tokens', 'max_tokens'] as const) {
    const value = body[param];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
      throw new InvalidRequestError(`${param} must be a positive integer`, { param });
    }
    return value;
  }
  return undefined;
}

const unanswered = (pending: Set<string>, param: string): InvalidRequestError =>
  new InvalidRequestError(
    "An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. " +
      `The following tool_call_ids did not have response messages: ${[...pending].join(', ')}`,
    { param },
  );

/**
 * Checks tool-call pairing as OpenAI does: each tool message answers a call of the assistant message before it, and
 * every such call is answered before the conversation moves on.
 */
function checkToolPairing(messages: readonly ChatMessage[]): void {
  let pending = new Set<string>();
  messages.forEach((message, index) => {
    if (message.role === 'tool') {
      if (!pending.delete(message.toolCallId as string)) {
        throw new InvalidRequestError(
          `Invalid parameter: messages[${index}] with role 'tool' must be a response to a preceding message with 'tool_calls' (no pending call has id '${message.toolCallId}').`,
          { param: `messages[${index}].tool_call_id` },
        );
      }
      return;
    }
    if (pending.size > 0) {
      throw unanswered(pending, `messages[${index}]`);
    }
    pending = new Set(message.toolCalls.map((call) => call.id));
  });
  if (pending.size > 0) {
    throw unanswered(pending, 'messages');
  }
}

/**
 * Validates a parsed JSON body as a Chat Completions request.
 *
 * @example
 * parseChatRequest({ model: 'sim-large', messages: [{ role: 'user', content: 'Hi' }] }).stream; // false
 */
export function parseChatRequest(body: unknown): ChatRequest {
  if (!isRecord(body)) throw new InvalidRequestError('The request body must be a JSON object');
  if (typeof body.model !== 'string' || body.model === '') {
    throw new InvalidRequestError("Missing required parameter: 'model'", { param: 'model', code: 'missing_required_parameter' });
  }
  if (!Array.isArray(body.messages) || body.messages.length === 0) {
    throw new InvalidRequestError("Missing required parameter: 'messages' (a non-empty array)", {
      param: 'messages',
      code: 'missing_required_parameter',
    });
  }
  const tools = parseTools(body.tools);
  const streamOptions = isRecord(body.stream_options) ? body.stream_options : {};
  if (body.stream !== undefined && body.stream !== null && typeof body.stream !== 'boolean') {
    throw new InvalidRequestError('stream must be a boolean', { param: 'stream' });
  }
  const messages = body.messages.map(parseMessage);
  checkToolPairing(messages);
  const request: ChatRequest = {
    model: body.model,
    messages,
    tools,
    toolChoice: parseToolChoice(body.tool_choice, tools),
    parallelToolCalls: body.parallel_tool_calls !== false,
    stream: body.stream === true,
    includeUsage: streamOptions.include_usage === true,
  };
  const maxOutputTokens = parseMaxTokens(body);
  if (maxOutputTokens !== undefined) request.maxOutputTokens = maxOutputTokens;
  return request;
}
