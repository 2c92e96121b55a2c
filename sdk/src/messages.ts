// The conversation as the runner keeps it: provider-neutral items, close to Chat Completions messages so that an
// OpenAI-compatible provider maps them one to one and `history` can be handed from one run to the next.

/** A tool call the model asked for. `arguments` is the raw JSON text exactly as the model produced it. */
export interface ToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface SystemMessage {
  role: 'system';
  content: string;
}

export interface UserMessage {
  role: 'user';
  content: string;
}

export interface AssistantMessage {
  role: 'assistant';
  content: string | null;
  toolCalls?: ToolCall[];
  /** The model that wrote this message (routing can change it from step to step). */
  model?: string;
}

export interface ToolMessage {
  role: 'tool';
  toolCallId: string;
  toolName: string;
  /** What the model sees: the tool's result serialised, or an error text when `isError`. */
  content: string;
  isError?: boolean;
}

export type Message = SystemMessage | UserMessage | AssistantMessage | ToolMessage;
