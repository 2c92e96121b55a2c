// Checks a `history` passed to run(): it must be what a previous run returned (or the same shape), because a
// malformed conversation would only fail later, at the provider, with a less helpful error.
import type { Message } from '../messages.ts';
import { RunInputError } from './run-errors.ts';

/**
 * Returns a copy of `history`, or throws a RunInputError naming the first bad message.
 *
 * @example
 * validateHistory(previous.history) // Message[]
 */
export function validateHistory(history: unknown): Message[] {
  if (history === undefined) return [];
  if (!Array.isArray(history)) throw new RunInputError('history must be an array of messages (a previous result.history).');
  const openCalls = new Set<string>();
  history.forEach((message: unknown, index) => {
    const bad = (why: string) => new RunInputError(`history[${index}] ${why}.`);
    if (typeof message !== 'object' || message === null) throw bad('is not a message');
    const { role, content } = message as { role?: unknown; content?: unknown };
    if (role === 'system' || role === 'user') {
      if (typeof content !== 'string') throw bad(`(${role}) needs string content`);
    } else if (role === 'assistant') {
      if (content !== null && typeof content !== 'string') throw bad('(assistant) needs string or null content');
      const toolCalls = (message as { toolCalls?: unknown }).toolCalls;
      if (toolCalls !== undefined) {
        if (!Array.isArray(toolCalls)) throw bad('(assistant) toolCalls must be an array');
        for (const call of toolCalls as { id?: unknown; name?: unknown; arguments?: unknown }[]) {
          if (typeof call?.id !== 'string' || typeof call.name !== 'string' || typeof call.arguments !== 'string') {
            throw bad('(assistant) has a tool call without string id, name and arguments');
          }
          openCalls.add(call.id);
        }
      }
    } else if (role === 'tool') {
      const { toolCallId } = message as { toolCallId?: unknown };
      if (typeof content !== 'string' || typeof toolCallId !== 'string') throw bad('(tool) needs string content and toolCallId');
      if (!openCalls.has(toolCallId)) throw bad(`(tool) answers a tool call "${toolCallId}" no earlier assistant message made`);
    } else {
      throw bad(`has an unknown role ${JSON.stringify(role)}`);
    }
  });
  return [...(history as Message[])];
}
