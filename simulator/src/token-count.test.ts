import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { countTokens, tokenize } from './token-count.ts';

describe('token count', () => {
  it('splits words with their leading space, numbers in groups of three and punctuation', () => {
    assert.deepEqual(tokenize('Where is order O-5002?'), ['Where', ' is', ' order', ' O', '-', '500', '2', '?']);
  });

  it('keeps every character: the tokens join back into the text', () => {
    const text = 'Refund policy:\n  returns within 30 days — "opened" items at 50%. {"orderId":"O-5002"}';
    assert.equal(tokenize(text).join(''), text);
  });

  it('charges long words one token per five characters', () => {
    assert.equal(countTokens('internationalisation'), 4);
    assert.equal(countTokens('Hello, world!'), 4);
    assert.equal(countTokens(''), 0);
  });

  it('lands near four characters per token on English prose', () => {
    const prose =
      'Customers can change the delivery address until the order ships. Once it has shipped, ask the customer to contact the carrier to redirect the parcel.';
    const ratio = prose.length / countTokens(prose);
    assert.ok(ratio > 3.5 && ratio < 5.5, `ratio ${ratio}`);
  });
});
