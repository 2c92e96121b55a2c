// A fast, deterministic token estimate for budgets. Exact counts would need the provider's own tokenizer (and one
// per model family); budgets only need an estimate that is cheap, stable for the same bytes, and additive, so the
// same history always gets the same figure and the estimate of a list is the sum of its messages.
import type { Message } from '../messages.ts';

/** Chat formats wrap every message in role and delimiter tokens (OpenAI documents 3–4 per message). */
const MESSAGE_OVERHEAD_TOKENS = 4;
/** Each tool call adds its id, type and name framing on top of its name and argument text. */
const TOOL_CALL_OVERHEAD_TOKENS = 4;
/** English prose averages about 4 characters per token with the cl100k/o200k tokenizers. */
const CHARACTERS_PER_TOKEN = 4;
/** JSON (tool results, tool arguments) is denser, about 3: short keys, quotes, digits and punctuation. */
const JSON_CHARACTERS_PER_TOKEN = 3;
const NON_ASCII_TEST = /[^\x00-\x7f]/;
const NON_ASCII = /[^\x00-\x7f]/g;

/**
 * Estimates the tokens of a piece of text: one token per 4 ASCII characters, or per 3 when the text is JSON (it starts
 * with `{` or `[`), plus one token per non-ASCII UTF-16 unit (CJK is about one token per character; accented Latin is
 * over-counted, which errs on the safe side of a budget).
 *
 * @example
 * estimateTextTokens('order A-1042 shipped'); // 5
 * estimateTextTokens('{"orderId":"A-1042"}'); // 7
 */
export function estimateTextTokens(text: string): number {
  // The regex scan is native and several times faster than a charCodeAt loop; most text has no non-ASCII at all.
  const nonAscii = NON_ASCII_TEST.test(text) ? (text.match(NON_ASCII) ?? []).length : 0;
  const first = text.charCodeAt(0);
  const perToken = first === 0x7b || first === 0x5b ? JSON_CHARACTERS_PER_TOKEN : CHARACTERS_PER_TOKEN;
  return Math.ceil((text.length - nonAscii) / perToken) + nonAscii;
}

/**
 * Estimates the input tokens one message adds to a model request: its text, its tool calls, and a fixed framing
 * overhead per message and per tool call.
 *
 * @example
 * estimateMessageTokens({ role: 'user', content: 'Where is my order A-1042?' }); // 11
 */
export function estimateMessageTokens(message: Message): number {
  let tokens = MESSAGE_OVERHEAD_TOKENS;
  if (typeof message.content === 'string') tokens += estimateTextTokens(message.content);
  if (message.role === 'assistant' && message.toolCalls) {
    for (const call of message.toolCalls) {
      tokens += TOOL_CALL_OVERHEAD_TOKENS + estimateTextTokens(call.name) + estimateTextTokens(call.arguments);
    }
  }
  return tokens;
}

/**
 * Estimates the input tokens of a conversation: the sum of {@link estimateMessageTokens} over its messages, so it is
 * additive (the estimate of `[...a, ...b]` is the estimate of `a` plus that of `b`) and linear in the text length.
 * Tool schemas are not messages and are not counted here.
 *
 * @example
 * const tokens = estimateTokens([
 *   { role: 'system', content: 'You are a support agent.' },
 *   { role: 'user', content: 'Where is my order A-1042?' },
 * ]);
 * if (tokens > policy.maxInputTokens) { … }
 */
export function estimateTokens(messages: readonly Message[]): number {
  let tokens = 0;
  for (const message of messages) tokens += estimateMessageTokens(message);
  return tokens;
}
