import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { simulatedShareSentence } from './simulated-share.ts';

describe('simulatedShareSentence', () => {
  it('says nothing when no call was simulated, or the share is not a number', () => {
    assert.equal(simulatedShareSentence({ share: 0, calls: 'model calls' }), null);
    assert.equal(simulatedShareSentence({ share: Number.NaN, calls: 'model calls' }), null);
  });

  it('says all only when every call was simulated', () => {
    assert.equal(simulatedShareSentence({ share: 1, calls: 'tool calls' }), 'All tool calls in this window are simulated');
    assert.equal(simulatedShareSentence({ share: 0.99999, calls: 'tool calls' }), 'Over 99.9% of the tool calls in this window are simulated');
  });

  it('gives the share, never rounding a simulated call away', () => {
    assert.equal(simulatedShareSentence({ share: 0.25, calls: 'model calls' }), '25.0% of the model calls in this window are simulated');
    assert.equal(simulatedShareSentence({ share: 0.00001, calls: 'model calls' }), 'Under 0.01% of the model calls in this window are simulated');
  });
});
