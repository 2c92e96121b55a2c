// Conversation content of OpenAI API calls (Chat Completions and Responses) in the JSON shapes of the GenAI
// semantic conventions (gen_ai.input.messages, gen_ai.output.messages, gen_ai.system_instructions). Only used
// when content capture is on. The request and response objects are read structurally, so no `openai` import.

type Part =
  | { type: 'text'; content: string }
  | { type: 'tool_call'; id: string; name: string; arguments: unknown }
  | { type: 'tool_call_response'; id: string; response: unknown };

interface ConventionMessage {
  role: string;
  parts: Part[];
  finish_reason?: string;
}

/** The captured attributes of a request. */
export interface RequestContent {
  inputMessages: string;
  systemInstructions?: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** Tool arguments as structured JSON when they parse, else the raw text as the model wrote it. */
function parsedArguments(raw: unknown): unknown {
  if (typeof raw !== 'string') return raw;
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

/** Text of a content field: a string, or the text of its parts (`text`, `input_text`, `output_text`, `refusal`). */
function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content
    .map((part) => (isRecord(part) ? (typeof part.text === 'string' ? part.text : typeof part.refusal === 'string' ? part.refusal : '') : ''))
    .join('');
}

function toolCallParts(toolCalls: unknown): Part[] {
  if (!Array.isArray(toolCalls)) return [];
  return toolCalls.filter(isRecord).map((call) => {
    const fn = isRecord(call.function) ? call.function : {};
    return { type: 'tool_call', id: String(call.id ?? ''), name: String(fn.name ?? ''), arguments: parsedArguments(fn.arguments) };
  });
}

/** A chat message (Chat Completions) or an input item (Responses) as a conventions message; system text apart. */
function conventionMessage(item: unknown, system: string[]): ConventionMessage | undefined {
  if (typeof item === 'string') return { role: 'user', parts: [{ type: 'text', content: item }] };
  if (!isRecord(item)) return undefined;
  if (item.type === 'function_call') {
    return { role: 'assistant', parts: [{ type: 'tool_call', id: String(item.call_id ?? ''), name: String(item.name ?? ''), arguments: parsedArguments(item.arguments) }] };
  }
  if (item.type === 'function_call_output') {
    return { role: 'tool', parts: [{ type: 'tool_call_response', id: String(item.call_id ?? ''), response: item.output }] };
  }
  const role = typeof item.role === 'string' ? item.role : 'user';
  const text = textOf(item.content);
  if (role === 'system' || role === 'developer') {
    system.push(text);
    return undefined;
  }
  if (role === 'tool') return { role: 'tool', parts: [{ type: 'tool_call_response', id: String(item.tool_call_id ?? ''), response: text }] };
  const parts: Part[] = text ? [{ type: 'text', content: text }] : [];
  parts.push(...toolCallParts(item.tool_calls));
  return { role, parts };
}

/**
 * The input of a Chat Completions (`messages`) or Responses (`input`, `instructions`) request.
 *
 * @example
 * requestContent([{ role: 'system', content: 'Be brief.' }, { role: 'user', content: 'Hi' }]);
 * // { inputMessages: '[{"role":"user",…}]', systemInstructions: '[{"type":"text","content":"Be brief."}]' }
 */
export function requestContent(input: unknown, instructions?: unknown): RequestContent {
  const system: string[] = typeof instructions === 'string' && instructions !== '' ? [instructions] : [];
  const items = Array.isArray(input) ? input : input === undefined ? [] : [input];
  const messages = items.map((item) => conventionMessage(item, system)).filter((message) => message !== undefined);
  const content: RequestContent = { inputMessages: JSON.stringify(messages) };
  if (system.length > 0) content.systemInstructions = JSON.stringify(system.map((text) => ({ type: 'text', content: text })));
  return content;
}

/** One assistant output being assembled (from a whole response, or from stream deltas). */
export interface AssistantOutput {
  text: string;
  toolCalls: { id: string; name: string; arguments: string }[];
  finishReason: string | undefined;
}

type Json = Record<string, any>;

/**
 * The choices of a Chat Completions response as assistant outputs.
 *
 * @example
 * completionOutputs({ choices: [{ index: 0, message: { content: 'Hi' }, finish_reason: 'stop' }] });
 */
export function completionOutputs(completion: Json): AssistantOutput[] {
  const outputs: AssistantOutput[] = [];
  for (const choice of Array.isArray(completion.choices) ? completion.choices : []) {
    const message = choice?.message ?? {};
    outputs[typeof choice?.index === 'number' ? choice.index : outputs.length] = {
      text: typeof message.content === 'string' ? message.content : '',
      toolCalls: (Array.isArray(message.tool_calls) ? message.tool_calls : []).map((call: Json) => ({
        id: String(call?.id ?? ''),
        name: String(call?.function?.name ?? ''),
        arguments: String(call?.function?.arguments ?? ''),
      })),
      finishReason: typeof choice?.finish_reason === 'string' ? choice.finish_reason : undefined,
    };
  }
  return outputs;
}

/**
 * The output items of a Responses API response as one assistant output.
 *
 * @example
 * responseOutput({ output: [{ type: 'message', content: [{ type: 'output_text', text: 'Hi' }] }] }, 'stop');
 */
export function responseOutput(response: Json, finishReason: string): AssistantOutput {
  const output: AssistantOutput = { text: '', toolCalls: [], finishReason };
  for (const item of Array.isArray(response.output) ? response.output : []) {
    if (item?.type === 'message') {
      for (const part of Array.isArray(item.content) ? item.content : []) if (typeof part?.text === 'string') output.text += part.text;
    } else if (item?.type === 'function_call') {
      output.toolCalls.push({ id: String(item.call_id ?? ''), name: String(item.name ?? ''), arguments: String(item.arguments ?? '') });
    }
  }
  return output;
}

/** The conventions' finish reason names (`tool_call`, singular), from OpenAI's (`tool_calls`, `function_call`). */
function conventionFinishReason(reason: string | undefined): string {
  if (reason === 'tool_calls' || reason === 'function_call') return 'tool_call';
  return reason ?? 'stop';
}

/**
 * `gen_ai.output.messages` for the choices of a call.
 *
 * @example
 * outputMessagesOf([{ text: 'Rainy.', toolCalls: [], finishReason: 'stop' }]);
 */
export function outputMessagesOf(outputs: readonly AssistantOutput[]): string {
  return JSON.stringify(
    outputs.map((output) => {
      const parts: Part[] = output.text ? [{ type: 'text', content: output.text }] : [];
      for (const call of output.toolCalls) parts.push({ type: 'tool_call', id: call.id, name: call.name, arguments: parsedArguments(call.arguments) });
      return { role: 'assistant', parts, finish_reason: conventionFinishReason(output.finishReason) };
    }),
  );
}
