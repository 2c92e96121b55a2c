import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RunInputError } from './run-errors.ts';
import { validateHistory } from './validate-history.ts';

describe('validateHistory', () => {
  it('accepts a previous run history and returns a copy', () => {
    const history = [
      { role: 'user' as const, content: 'hi' },
      { role: 'assistant' as const, content: null, toolCalls: [{ id: 'c1', name: 't', arguments: '{}' }] },
      { role: 'tool' as const, toolCallId: 'c1', toolName: 't', content: 'r' },
      { role: 'assistant' as const, content: 'done' },
    ];
    const copy = validateHistory(history);
    assert.deepEqual(copy, history);
    assert.notEqual(copy, history);
    assert.deepEqual(validateHistory(undefined), []);
  });

  for (const [what, history, message] of [
    ['not an array', { role: 'user' }, /must be an array/],
    ['a non-object message', ['hi'], /history\[0\] is not a message/],
    ['an unknown role', [{ role: 'robot', content: 'x' }], /unknown role "robot"/],
    ['user content that is not text', [{ role: 'user', content: 5 }], /needs string content/],
    ['a tool call missing its id', [{ role: 'assistant', content: null, toolCalls: [{ name: 't', arguments: '{}' }] }], /tool call without/],
    ['an orphan tool result', [{ role: 'tool', toolCallId: 'nope', toolName: 't', content: '' }], /no earlier assistant message made/],
  ] as const) {
    it(`refuses ${what}`, () => {
      assert.throws(() => validateHistory(history), (error: unknown) => error instanceof RunInputError && message.test(error.message));
    });
  }
});
