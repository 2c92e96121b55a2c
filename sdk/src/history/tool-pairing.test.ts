import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Message } from '../messages.ts';
import { blockStartAtOrBefore, splitIntoBlocks } from './message-blocks.ts';
import { findToolPairingViolations } from './tool-pairing.ts';

const call = (id: string, name = 'lookup') => ({ id, name, arguments: '{}' });
const result = (id: string): Message => ({ role: 'tool', toolCallId: id, toolName: 'lookup', content: '{}' });
const history: Message[] = [
  { role: 'system', content: 'sys' },
  { role: 'user', content: 'q' },
  { role: 'assistant', content: null, toolCalls: [call('a'), call('b')] },
  result('a'),
  result('b'),
  { role: 'assistant', content: 'answer' },
];

describe('message blocks', () => {
  it('keeps an assistant message with tool calls and its results in one block', () => {
    assert.deepEqual(splitIntoBlocks(history), [
      { start: 0, end: 1, kind: 'system' },
      { start: 1, end: 2, kind: 'user' },
      { start: 2, end: 5, kind: 'tool-exchange' },
      { start: 5, end: 6, kind: 'assistant' },
    ]);
  });

  it('moves a cut inside a tool exchange back to the exchange start', () => {
    const blocks = splitIntoBlocks(history);
    assert.equal(blockStartAtOrBefore(blocks, 4), 2);
    assert.equal(blockStartAtOrBefore(blocks, 5), 5);
    assert.equal(blockStartAtOrBefore(blocks, 6), 6);
  });

  it('groups tool results without a call as an orphan block instead of attaching them to a neighbour', () => {
    assert.deepEqual(splitIntoBlocks([{ role: 'user', content: 'q' }, result('x'), result('y')]), [
      { start: 0, end: 1, kind: 'user' },
      { start: 1, end: 3, kind: 'orphan-tool' },
    ]);
  });
});

describe('tool pairing', () => {
  it('accepts a history whose calls are all answered right after them', () => {
    assert.deepEqual(findToolPairingViolations(history), []);
  });

  it('reports a tool result without its call', () => {
    assert.deepEqual(findToolPairingViolations([history[1]!, result('a')]), [
      'message 1: tool result for a has no matching tool call right before it',
    ]);
  });

  it('reports a call without its result, and a result separated from its call by another message', () => {
    const broken: Message[] = [history[1]!, history[2]!, result('a'), history[5]!, result('b')];
    assert.deepEqual(findToolPairingViolations(broken), [
      'message 1: tool call b has no tool result after it',
      'message 4: tool result for b has no matching tool call right before it',
    ]);
  });

  it('reports a call id used twice', () => {
    const twice: Message[] = [{ role: 'assistant', content: null, toolCalls: [call('a'), call('a')] }, result('a'), result('a')];
    assert.ok(findToolPairingViolations(twice).some((violation) => violation.includes('used twice')));
  });
});
