import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CollectorError } from '../errors.ts';
import { parseSearchTerms, typedValue } from './search-terms.ts';

describe('search terms', () => {
  it('tell ids, key=value attributes (quoted values keep their spaces) and words apart', () => {
    assert.deepEqual(parseSearchTerms('4BF92F3577B34DA6A3CE929D0E0E4736 00f067aa0ba902b7 user.id="Ada L" Timeout'), {
      ids: ['4bf92f3577b34da6a3ce929d0e0e4736', '00f067aa0ba902b7'],
      attributes: [['user.id', 'Ada L']],
      words: ['timeout'],
    });
  });

  it('take hex without a digit, or shorter than 8, for a word', () => {
    assert.deepEqual(parseSearchTerms('deadbeef 1a2b').words, ['deadbeef', '1a2b']);
  });

  it('refuse an unclosed quote or too many terms with a 400 naming the parameter', () => {
    assert.throws(() => parseSearchTerms('a="b', 'q'), (error) => CollectorError.isInstance(error) && error.status === 400 && error.message.includes('q'));
    assert.throws(() => parseSearchTerms(Array.from({ length: 17 }, (_, index) => `w${index}`).join(' ')), /at most 16/);
  });

  it('compare booleans and numbers by value', () => {
    assert.deepEqual([typedValue('true'), typedValue('false'), typedValue('3.5'), typedValue('x')], [1, 0, 3.5, 'x']);
  });
});
