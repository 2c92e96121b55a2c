// Property-style checks of condenseHistory over many random conversations from a seeded generator: whatever the
// history, budget and summariser behaviour, the result keeps tool calls and results paired, never touches the
// protected part, stays within budget whenever that is possible, is deterministic (same bytes for the same input, so
// prompt caches keep hitting), and is a fixed point of a second condensation.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '../messages.ts';
import type { HistoryPolicy, Summarizer } from './history-policy.ts';
import { condenseHistory } from './condense-history.ts';
import { estimateTokens } from './estimate-tokens.ts';
import { isMaskedToolOutput } from './mask-tool-output.ts';
import { isSummaryMessage } from './summary-message.ts';
import { findToolPairingViolations } from './tool-pairing.ts';

/** mulberry32: a tiny seeded PRNG, so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomHistory(next: () => number): Message[] {
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const text = (words: number) => Array.from({ length: words }, (_, index) => `w${index % 97}`).join(' ');
  // The run loop keeps its instructions apart and condenses history without them, so zero system messages is common.
  const history: Message[] = Array.from({ length: int(0, 2) }, () => ({ role: 'system', content: `instructions ${text(int(5, 60))}` }));
  const turns = int(1, 9);
  let callNumber = 0;
  for (let turnIndex = 0; turnIndex < turns; turnIndex++) {
    history.push({ role: 'user', content: `question ${turnIndex} ${text(int(1, 40))}` });
    const exchanges = int(0, 3);
    for (let exchange = 0; exchange < exchanges; exchange++) {
      const calls = Array.from({ length: int(1, 3) }, () => {
        const id = `call_${callNumber++}`;
        return { id, name: `tool_${int(0, 3)}`, arguments: JSON.stringify({ id, n: int(0, 999) }) };
      });
      history.push({ role: 'assistant', content: next() < 0.3 ? 'Checking.' : null, toolCalls: calls });
      for (const call of calls) {
        const isError = next() < 0.1;
        const content = next() < 0.7
          ? JSON.stringify({ id: call.id, amount: int(1, 500), detail: text(int(1, 400)) })
          : `plain ${text(int(1, 300))}`;
        history.push({ role: 'tool', toolCallId: call.id, toolName: call.name, content, ...(isError ? { isError } : {}) });
      }
    }
    // The last turn is sometimes still in progress: it ends with tool results and no answer yet.
    if (turnIndex < turns - 1 || next() < 0.6) history.push({ role: 'assistant', content: `answer ${text(int(1, 50))}` });
  }
  if (next() < 0.5) history.push({ role: 'user', content: `follow-up ${text(int(1, 20))}` });
  return history;
}

function randomSummarizer(next: () => number): Summarizer {
  const behaviour = next();
  return async (request) => {
    if (behaviour < 0.15) throw new Error('summary model down');
    if (behaviour < 0.25) return '';
    const words = Number(/about (\d+) words/.exec(request[0]!.content as string)?.[1]);
    return Array.from({ length: Math.min(words, 20 + Math.floor(behaviour * 200)) }, (_, index) => `fact${index}`).join(' ');
  };
}

const systemCount = (history: Message[]) => history.findIndex((message) => message.role !== 'system');

/** The protected part as condenseHistory defines it, recomputed independently: tail and current turn. */
function protectedSuffix(history: Message[], keepRecent: number): Message[] {
  let start = Math.max(0, history.length - keepRecent);
  while (start > 0 && history[start]?.role === 'tool') start--;
  for (let index = history.length - 1; index >= 0; index--) {
    if (history[index]!.role === 'user') {
      start = Math.min(start, index);
      break;
    }
  }
  return history.slice(Math.max(systemCount(history), start));
}

describe('condenseHistory on random histories', () => {
  it('keeps pairs, the protected part and the budget, is deterministic and idempotent, for 400 seeded cases', async () => {
    for (let seed = 1; seed <= 400; seed++) {
      const next = random(seed);
      const history = randomHistory(next);
      const total = estimateTokens(history);
      const policy: HistoryPolicy = {
        maxInputTokens: Math.max(1, Math.floor(total * (0.1 + next()))),
        keepRecentMessages: Math.floor(next() * 9),
        summarize: next() < 0.8,
      };
      const summarize = randomSummarizer(next);
      const context = `seed ${seed}, policy ${JSON.stringify(policy)}`;
      assert.deepEqual(findToolPairingViolations(history), [], `generator broke pairing (${context})`);

      const result = await condenseHistory(history, policy, summarize);
      const output = result.messages;
      assert.deepEqual(findToolPairingViolations(output), [], context);
      const prefix = systemCount(history);
      assert.deepEqual(output.slice(0, prefix), history.slice(0, prefix), `system messages kept (${context})`);

      const suffix = protectedSuffix(history, policy.keepRecentMessages!);
      assert.deepEqual(output.slice(output.length - suffix.length), suffix, `protected part untouched (${context})`);
      suffix.forEach((message, index) => assert.equal(output[output.length - suffix.length + index], message, context));

      // Every other message is an original (in order), a masked copy of an original tool result, or the summary.
      let cursor = prefix;
      for (const message of output.slice(prefix)) {
        if (isSummaryMessage(message)) continue;
        while (cursor < history.length && history[cursor] !== message && !(
          message.role === 'tool' && isMaskedToolOutput(message) &&
          history[cursor]!.role === 'tool' && (history[cursor] as typeof message).toolCallId === message.toolCallId
        )) cursor++;
        assert.ok(cursor < history.length, `output message not from the input, or out of order (${context})`);
        cursor++;
      }

      if (total <= policy.maxInputTokens) assert.equal(output, history, context);
      if (result.condensed) {
        assert.equal(result.condensed.tokensBefore, total, context);
        assert.equal(result.condensed.tokensAfter, estimateTokens(output), context);
        assert.equal(result.condensed.messagesAfter, output.length, context);
      } else assert.equal(output, history, context);
      const floor = estimateTokens([...history.slice(0, prefix), ...suffix]);
      if (floor <= policy.maxInputTokens) assert.ok(estimateTokens(output) <= policy.maxInputTokens, `over budget (${context})`);
      else assert.notEqual(result.condensed?.strategy, 'drop', `dropped without reaching the budget (${context})`);

      const repeat = await condenseHistory(history, policy, summarize);
      assert.equal(JSON.stringify(repeat), JSON.stringify(result), `same input, different bytes (${context})`);

      const again = await condenseHistory(output, policy, summarize);
      assert.equal(again.messages, output, `not idempotent (${context})`);
      assert.equal(again.condensed, undefined, context);
    }
  });
});
