// Checks the rule every Chat Completions-style provider enforces: an assistant message's tool calls are answered by
// tool results right after it, one per call, and no tool result stands without its call. Tests use it to prove the
// condenser never breaks a pair; a caller can use it to validate a history before sending it.
import type { Message } from '../messages.ts';

/**
 * Lists every way `messages` breaks tool call/result pairing; an empty list means providers will accept it.
 *
 * @example
 * findToolPairingViolations([{ role: 'tool', toolCallId: 'call_1', toolName: 'get_order', content: '{}' }]);
 * // ['message 0: tool result for call_1 has no matching tool call right before it']
 */
export function findToolPairingViolations(messages: readonly Message[]): string[] {
  const violations: string[] = [];
  /** Calls of the current tool exchange still waiting for their result. */
  let pending = new Map<string, number>();
  let inExchange = false;
  const closeExchange = () => {
    for (const [id, at] of pending) violations.push(`message ${at}: tool call ${id} has no tool result after it`);
    pending = new Map();
    inExchange = false;
  };
  messages.forEach((message, index) => {
    if (message.role === 'tool') {
      if (inExchange && pending.has(message.toolCallId)) pending.delete(message.toolCallId);
      else violations.push(`message ${index}: tool result for ${message.toolCallId} has no matching tool call right before it`);
      return;
    }
    closeExchange();
    if (message.role === 'assistant' && message.toolCalls && message.toolCalls.length > 0) {
      inExchange = true;
      for (const call of message.toolCalls) {
        if (pending.has(call.id)) violations.push(`message ${index}: tool call id ${call.id} is used twice`);
        pending.set(call.id, index);
      }
    }
  });
  closeExchange();
  return violations;
}
