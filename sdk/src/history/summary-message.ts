// The message a summary becomes in the history. It is a user-role message (every provider accepts one anywhere
// after the instructions, unlike a mid-conversation system message) framed so the model reads it as context, not as
// a new request, and marked so the condenser recognises it and folds it into the next summary.
import type { Message, UserMessage } from '../messages.ts';

/** Opens every summary message. */
export const SUMMARY_MESSAGE_PREFIX = '[Summary of the earlier conversation — context, not a new request]';

/**
 * Wraps a summary text as the message that replaces the summarised span.
 *
 * @example
 * createSummaryMessage('- Order A-1042: shipped 2026-03-02, tracking 1Z999AA10123456784.');
 * // { role: 'user', content: '[Summary of the earlier conversation — context, not a new request]\n- Order A-1042: …' }
 */
export function createSummaryMessage(summary: string): UserMessage {
  return { role: 'user', content: `${SUMMARY_MESSAGE_PREFIX}\n${summary.trim()}` };
}

/**
 * Whether a message is a summary written by the condenser (and so not the user's own words).
 *
 * @example
 * isSummaryMessage(createSummaryMessage('…')); // true
 */
export function isSummaryMessage(message: Message): boolean {
  return message.role === 'user' && message.content.startsWith(SUMMARY_MESSAGE_PREFIX);
}
