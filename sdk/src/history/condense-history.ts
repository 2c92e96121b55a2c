// Keeps a conversation within a token budget before each model call, in three escalating steps: mask stale tool
// outputs (free), summarise older turns with the cheap model (one call), and as a last resort drop the oldest turns.
// It acts only when the budget is exceeded and then condenses well below it, so between condensations the history is
// append-only and provider prefix caches keep hitting (see README.md, "Prompt caches").
import type { Message, ToolCall, ToolMessage } from '../messages.ts';
import type { CondenseResult, HistoryPolicy, Summarizer } from './history-policy.ts';
import { estimateMessageTokens, estimateTokens } from './estimate-tokens.ts';
import { HistoryError } from './history-error.ts';
import { blockStartAtOrBefore, splitIntoBlocks } from './message-blocks.ts';
import { isMaskedToolOutput, maskingPays, maskToolOutput } from './mask-tool-output.ts';
import { createSummaryMessage, isSummaryMessage } from './summary-message.ts';
import { buildSummaryRequest } from './summary-request.ts';

/** The most recent messages are never condensed. */
export const DEFAULT_KEEP_RECENT_MESSAGES = 6;
/** A condensation aims for this fraction of the budget, leaving room for many appends before the next one. */
export const DEFAULT_TARGET_RATIO = 0.5;
/** Roughly 0.6 English words per token once ids and numbers are counted; bounds keep summaries useful. */
const WORDS_PER_TOKEN = 0.6;
const MIN_SUMMARY_WORDS = 100;
const MAX_SUMMARY_WORDS = 500;

export interface CondenseOptions {
  /** Aborts the summary call; the abort reason is thrown and the history is left as it was. */
  signal?: AbortSignal;
  /** Fraction of `maxInputTokens` a condensation aims for (default 0.5, in (0, 1]). */
  targetRatio?: number;
}

type Strategy = NonNullable<CondenseResult['condensed']>['strategy'];

/**
 * Keeps `messages` within `policy.maxInputTokens`. Under budget it returns the very same array (no-op). Over budget
 * it aims for `targetRatio × maxInputTokens`:
 *
 * 1. **mask**: tool outputs older than the protected part whose turn already has a final answer are replaced by a
 *    placeholder keeping the tool, its arguments and the output's short fields (ids, amounts, dates), oldest first;
 * 2. **summarize** (when masking is not enough and `policy.summarize` is not false): everything between the leading
 *    system messages and the protected part is replaced by one summary message written by `summarize`, which
 *    receives a ready request (instruction + transcript) to send to the cheap model with no tools;
 * 3. **drop**: if still over `maxInputTokens`, the oldest turns go, whole — only when that can reach the budget.
 *
 * Protected and never changed: the leading system messages, the last `keepRecentMessages` messages, and the
 * current turn (from the user's latest message on). Cuts fall only between tool exchanges, so a tool result is
 * never separated from its call. If the protected part alone is over budget, the history stays over budget rather than
 * lose anything. `condensed.strategy` names the strongest step taken. If the summary call fails the
 * condenser falls back to masking and dropping (the failed call is visible in its own model-call span).
 *
 * @example
 * const { messages, condensed } = await condenseHistory(history, { maxInputTokens: 8000 }, (request, signal) =>
 *   callModel({ model: 'sim-small', messages: request, tools: [], signal }),
 * );
 * if (condensed) console.log(`${condensed.strategy}: ${condensed.tokensBefore} → ${condensed.tokensAfter} tokens`);
 */
export async function condenseHistory(
  messages: Message[],
  policy: HistoryPolicy,
  summarize: Summarizer,
  options: CondenseOptions = {},
): Promise<CondenseResult> {
  validatePolicy(policy, summarize, options);
  validateMessages(messages);
  const maxTokens = policy.maxInputTokens;
  const tokensBefore = estimateTokens(messages);
  if (tokensBefore <= maxTokens) return { messages };
  options.signal?.throwIfAborted();

  const targetTokens = Math.floor(maxTokens * (options.targetRatio ?? DEFAULT_TARGET_RATIO));
  const { prefixEnd, protectFrom } = protectedLayout(messages, policy.keepRecentMessages ?? DEFAULT_KEEP_RECENT_MESSAGES);

  const masked = maskStaleToolOutputs(messages, protectFrom, tokensBefore, targetTokens);
  let current = { messages: masked.messages, tokens: masked.tokens, protectFrom };
  let strategy: Strategy | undefined = masked.messages !== messages ? 'mask-tool-outputs' : undefined;

  if (current.tokens > targetTokens && policy.summarize !== false) {
    const summarized = await summarizeOlderTurns(messages, prefixEnd, protectFrom, targetTokens, summarize, options.signal);
    if (summarized) {
      current = { messages: summarized, tokens: estimateTokens(summarized), protectFrom: prefixEnd + 1 };
      strategy = 'summarize';
    }
  }
  // Dropping loses facts, so it happens only when it can reach the budget: never when the protected part alone is over.
  const floorTokens = estimateTokens(messages.slice(0, prefixEnd)) + estimateTokens(messages.slice(protectFrom));
  if (current.tokens > maxTokens && floorTokens <= maxTokens) {
    const kept = dropOldestTurns(current.messages, prefixEnd, current.protectFrom, current.tokens, maxTokens);
    if (kept !== current.messages) {
      current = { messages: kept, tokens: estimateTokens(kept), protectFrom: prefixEnd };
      strategy = 'drop';
    }
  }
  if (!strategy) return { messages };
  return {
    messages: current.messages,
    condensed: {
      strategy,
      tokensBefore,
      tokensAfter: current.tokens,
      messagesBefore: messages.length,
      messagesAfter: current.messages.length,
    },
  };
}

/**
 * Where the protected part starts: at the last `keepRecent` messages or at the user's latest message, whichever is
 * earlier, moved back to a block boundary so a tool exchange is never split.
 */
function protectedLayout(messages: readonly Message[], keepRecent: number): { prefixEnd: number; protectFrom: number } {
  let prefixEnd = 0;
  while (prefixEnd < messages.length && messages[prefixEnd]!.role === 'system') prefixEnd++;
  const blocks = splitIntoBlocks(messages);
  let protectFrom = Math.max(prefixEnd, blockStartAtOrBefore(blocks, Math.max(0, messages.length - keepRecent)));
  for (let index = messages.length - 1; index >= prefixEnd; index--) {
    const message = messages[index]!;
    if (message.role === 'user' && !isSummaryMessage(message)) {
      protectFrom = Math.min(protectFrom, index);
      break;
    }
  }
  return { prefixEnd, protectFrom };
}

/**
 * Masks tool outputs the model has finished with, oldest first, until `targetTokens` is reached. A tool output counts
 * as used only once an assistant message *without* tool calls (a final answer) follows it: a later tool call may
 * have consumed one id from it while the answer still needs its other fields, so mid-chain outputs stay verbatim.
 */
function maskStaleToolOutputs(
  messages: Message[],
  protectFrom: number,
  tokens: number,
  targetTokens: number,
): { messages: Message[]; tokens: number } {
  let lastFinalAnswer = -1;
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.role === 'assistant' && !(message.toolCalls && message.toolCalls.length > 0)) {
      lastFinalAnswer = index;
      break;
    }
  }
  const end = Math.min(protectFrom, lastFinalAnswer);
  let result = messages;
  const calls = new Map<string, ToolCall>();
  for (let index = 0; index < end && tokens > targetTokens; index++) {
    const message = messages[index]!;
    if (message.role === 'assistant') for (const call of message.toolCalls ?? []) calls.set(call.id, call);
    if (message.role !== 'tool' || isMaskedToolOutput(message)) continue;
    const placeholder = maskToolOutput(message, calls.get(message.toolCallId));
    if (!maskingPays(message, placeholder)) continue;
    if (result === messages) result = messages.slice();
    result[index] = placeholder;
    tokens += estimateMessageTokens(placeholder) - estimateMessageTokens(message as ToolMessage);
  }
  return { messages: result, tokens };
}

/** Replaces everything between the system prefix and the protected part with one summary; null when it cannot help. */
async function summarizeOlderTurns(
  messages: Message[],
  prefixEnd: number,
  protectFrom: number,
  targetTokens: number,
  summarize: Summarizer,
  signal: AbortSignal | undefined,
): Promise<Message[] | null> {
  const span = messages.slice(prefixEnd, protectFrom);
  if (span.length === 0 || (span.length === 1 && isSummaryMessage(span[0]!))) return null;
  const keptTokens = estimateTokens(messages) - estimateTokens(span);
  const maxWords = Math.min(
    MAX_SUMMARY_WORDS,
    Math.max(MIN_SUMMARY_WORDS, Math.round((targetTokens - keptTokens) * WORDS_PER_TOKEN)),
  );
  let summary: unknown;
  try {
    summary = await summarize(buildSummaryRequest(span, { maxWords }), signal);
  } catch (error) {
    if (signal?.aborted) throw signal.reason ?? error;
    return null;
  }
  if (typeof summary !== 'string' || summary.trim() === '') return null;
  const summaryMessage = createSummaryMessage(summary);
  if (estimateMessageTokens(summaryMessage) >= estimateTokens(span)) return null;
  return [...messages.slice(0, prefixEnd), summaryMessage, ...messages.slice(protectFrom)];
}

/**
 * Drops turns (a user message and everything up to the next one) oldest first until under `maxTokens`. The turn that
 * reaches into the protected part can only lose its older messages, which keeps the budget reachable whenever the
 * protected part alone fits; the user's current request is always in the protected part.
 */
function dropOldestTurns(
  messages: Message[],
  prefixEnd: number,
  protectFrom: number,
  tokens: number,
  maxTokens: number,
): Message[] {
  let dropEnd = prefixEnd;
  while (dropEnd < protectFrom && tokens > maxTokens) {
    let turnEnd = dropEnd + 1;
    while (turnEnd < protectFrom && messages[turnEnd]!.role !== 'user') turnEnd++;
    tokens -= estimateTokens(messages.slice(dropEnd, turnEnd));
    dropEnd = turnEnd;
  }
  return dropEnd === prefixEnd ? messages : [...messages.slice(0, prefixEnd), ...messages.slice(dropEnd)];
}

function validatePolicy(policy: HistoryPolicy, summarize: Summarizer, options: CondenseOptions): void {
  if (typeof policy !== 'object' || policy === null) throw new HistoryError('policy must be an object');
  const { maxInputTokens, keepRecentMessages } = policy;
  if (typeof maxInputTokens !== 'number' || !Number.isFinite(maxInputTokens) || maxInputTokens <= 0) {
    throw new HistoryError(`policy.maxInputTokens must be a positive number, got ${String(maxInputTokens)}`);
  }
  if (keepRecentMessages !== undefined && !(Number.isInteger(keepRecentMessages) && keepRecentMessages >= 0)) {
    throw new HistoryError(`policy.keepRecentMessages must be a whole number ≥ 0, got ${String(keepRecentMessages)}`);
  }
  if (policy.summarize !== undefined && typeof policy.summarize !== 'boolean') {
    throw new HistoryError(`policy.summarize must be a boolean, got ${typeof policy.summarize}`);
  }
  if (policy.summaryModel !== undefined && (typeof policy.summaryModel !== 'string' || policy.summaryModel === '')) {
    throw new HistoryError('policy.summaryModel must be a non-empty model name');
  }
  if (policy.summarize !== false && typeof summarize !== 'function') {
    throw new HistoryError('summarize must be a function when policy.summarize is not false');
  }
  if (typeof options !== 'object' || options === null) throw new HistoryError('options must be an object');
  const { targetRatio } = options;
  if (targetRatio !== undefined && !(typeof targetRatio === 'number' && targetRatio > 0 && targetRatio <= 1)) {
    throw new HistoryError(`options.targetRatio must be a number in (0, 1], got ${String(targetRatio)}`);
  }
}

function validateMessages(messages: unknown): asserts messages is Message[] {
  if (!Array.isArray(messages)) throw new HistoryError('messages must be an array');
  messages.forEach((message: unknown, index) => {
    const problem = messageProblem(message);
    if (problem) throw new HistoryError(`messages[${index}]: ${problem}`);
  });
}

function messageProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'must be an object';
  const message = value as Record<string, unknown>;
  switch (message.role) {
    case 'system':
    case 'user':
      return typeof message.content === 'string' ? undefined : `${message.role} content must be a string`;
    case 'assistant': {
      if (message.content !== null && typeof message.content !== 'string') return 'assistant content must be a string or null';
      if (message.toolCalls === undefined) return undefined;
      if (!Array.isArray(message.toolCalls)) return 'toolCalls must be an array';
      const bad = message.toolCalls.findIndex(
        (call: unknown) =>
          typeof call !== 'object' ||
          call === null ||
          ['id', 'name', 'arguments'].some((key) => typeof (call as Record<string, unknown>)[key] !== 'string'),
      );
      return bad === -1 ? undefined : `toolCalls[${bad}] must have string id, name and arguments`;
    }
    case 'tool':
      return ['toolCallId', 'toolName', 'content'].every((key) => typeof message[key] === 'string')
        ? undefined
        : 'tool messages need string toolCallId, toolName and content';
    default:
      return `role must be system, user, assistant or tool, got ${JSON.stringify(message.role)}`;
  }
}
