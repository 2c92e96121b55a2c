import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { quietOutcomesText } from './quiet-outcomes.ts';

describe('quietOutcomesText', () => {
  it('names cancelled and fallen-back calls apart, and nothing when there are none', () => {
    assert.equal(quietOutcomesText({ cancelledCount: 2, fellBackCount: 1 }), '2 cancelled / 1 fell back');
    assert.equal(quietOutcomesText({ cancelledCount: 0, fellBackCount: 3 }), '3 fell back');
    assert.equal(quietOutcomesText({ cancelledCount: 0, fellBackCount: 0 }), null);
  });
});
