// Splits a conversation into blocks that must stay together: an assistant message that calls tools travels with the
// tool results answering it. Every cut the condenser makes (summary span, drop, protected tail) falls on a block
// boundary, which is how it never orphans a tool result from its call or a call from its result.
import type { Message } from '../messages.ts';

export interface MessageBlock {
  /** Index of the block's first message. */
  start: number;
  /** Index after the block's last message. */
  end: number;
  /**
   * `tool-exchange`: an assistant message with tool calls plus the results that follow it;
   * `orphan-tool`: tool results with no call right before them (kept as they are, never repaired or split).
   */
  kind: 'system' | 'user' | 'assistant' | 'tool-exchange' | 'orphan-tool';
}

/**
 * Splits messages into indivisible blocks, in order; the blocks cover every message exactly once.
 *
 * @example
 * splitIntoBlocks([user, assistantCallingTwoTools, toolResult1, toolResult2, finalAnswer]);
 * // [{ start: 0, end: 1, kind: 'user' }, { start: 1, end: 4, kind: 'tool-exchange' }, { start: 4, end: 5, kind: 'assistant' }]
 */
export function splitIntoBlocks(messages: readonly Message[]): MessageBlock[] {
  const blocks: MessageBlock[] = [];
  let index = 0;
  while (index < messages.length) {
    const message = messages[index]!;
    const start = index++;
    if (message.role === 'assistant' && message.toolCalls && message.toolCalls.length > 0) {
      const ids = new Set(message.toolCalls.map((call) => call.id));
      while (index < messages.length) {
        const next = messages[index]!;
        if (next.role !== 'tool' || !ids.has(next.toolCallId)) break;
        index++;
      }
      blocks.push({ start, end: index, kind: 'tool-exchange' });
    } else if (message.role === 'tool') {
      while (index < messages.length && messages[index]!.role === 'tool') index++;
      blocks.push({ start, end: index, kind: 'orphan-tool' });
    } else {
      blocks.push({ start, end: index, kind: message.role });
    }
  }
  return blocks;
}

/**
 * The start of the block that contains `index` (or `index` itself when it is a boundary): moving a cut there keeps
 * every tool exchange whole.
 *
 * @example
 * blockStartAtOrBefore(blocks, 3); // 1 when messages 1–3 are one tool exchange
 */
export function blockStartAtOrBefore(blocks: readonly MessageBlock[], index: number): number {
  for (const block of blocks) {
    if (index < block.end) return block.start;
  }
  return index;
}
