import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { serializeToolResult } from './serialize-tool-result.ts';
import { ToolCallError } from './tool-errors.ts';

describe('serializeToolResult', () => {
  it('passes strings through and writes other values as JSON', () => {
    assert.equal(serializeToolResult('t', 'plain'), 'plain');
    assert.equal(serializeToolResult('t', { a: [1, null] }), '{"a":[1,null]}');
    assert.equal(serializeToolResult('t', undefined), 'null');
  });

  for (const [what, value] of [
    ['a BigInt', 10n],
    ['a function', () => 1],
    ['a symbol', Symbol('s')],
    ['a cycle', (() => { const o: Record<string, unknown> = {}; o.self = o; return o; })()],
  ] as const) {
    it(`refuses ${what} with an unserializable_result error`, () => {
      assert.throws(
        () => serializeToolResult('t', value),
        (error: unknown) => error instanceof ToolCallError && error.kind === 'unserializable_result' && /cannot be serialised/.test(error.message),
      );
    });
  }
});
