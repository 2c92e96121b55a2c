import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { changeTone, speedupTone, type RunOutcome } from './change-tone.ts';

// The fixture pair of the e2e suite: B is 2.5× faster and far cheaper, with prompt caching on.
const slow: RunOutcome = { durationMs: 3190, costUsd: 0.0112, inputTokens: 4400, cachedInputTokens: 1792, errors: 0 };
const fast: RunOutcome = { durationMs: 1260, costUsd: 0.0017, inputTokens: 2000, cachedInputTokens: 600, errors: 0 };

describe('changeTone', () => {
  it('calls lower time, cost and tokens good and higher bad', () => {
    assert.equal(changeTone('outcome', 0.0112, 0.0017, slow, fast).tone, 'good');
    assert.equal(changeTone('outcome', 4700, 4900, slow, fast).tone, 'bad');
    assert.equal(changeTone('outcome', 3, 3, slow, fast).tone, 'neutral');
  });

  it('does not colour fewer cached tokens red on a faster, cheaper run', () => {
    // 1,792 → 600 cached tokens: the share fell (41% → 30%), but B cost far less.
    const verdict = changeTone('cached-input', slow.cachedInputTokens, fast.cachedInputTokens, slow, fast);
    assert.equal(verdict.tone, 'neutral');
    assert.match(verdict.reason, /did not cost more/);
  });

  it('calls a smaller cached share bad only when B cost more', () => {
    const pricier = { ...fast, costUsd: 0.02 };
    assert.equal(changeTone('cached-input', slow.cachedInputTokens, pricier.cachedInputTokens, slow, pricier).tone, 'bad');
  });

  it('calls a larger cached share good', () => {
    const none = { ...slow, cachedInputTokens: 0 };
    assert.equal(changeTone('cached-input', 0, fast.cachedInputTokens, none, fast).tone, 'good');
  });

  it('keeps more tool calls at lower time neutral', () => {
    const verdict = changeTone('explains-time', 3, 5, slow, fast);
    assert.equal(verdict.tone, 'neutral');
    assert.match(verdict.reason, /still faster/);
  });

  it('colours calls and time parts that move with the run time', () => {
    assert.equal(changeTone('explains-time', 5, 3, slow, fast).tone, 'good');
    assert.equal(changeTone('explains-time', 3, 5, fast, slow).tone, 'bad');
    assert.equal(changeTone('explains-time', 5, 3, fast, slow).tone, 'neutral');
  });

  it('treats runs within half a percent as the same speed', () => {
    const same = { ...slow, durationMs: slow.durationMs * 1.004 };
    assert.equal(changeTone('explains-time', 3, 5, slow, same).tone, 'neutral');
  });
});

describe('speedupTone', () => {
  it('is good for a faster run without errors', () => {
    assert.deepEqual(speedupTone(slow, fast), { tone: 'good', caveat: null });
    assert.deepEqual(speedupTone(fast, slow), { tone: 'bad', caveat: null });
  });

  it('never calls a faster run with errors good', () => {
    const verdict = speedupTone(slow, { ...fast, errors: 2 });
    assert.equal(verdict.tone, 'neutral');
    assert.equal(verdict.caveat, 'B had 2 errors: it may be faster because it did less');
  });

  it('does not call B slower in red when A failed part of its work', () => {
    assert.deepEqual(speedupTone({ ...fast, errors: 1 }, slow), { tone: 'neutral', caveat: 'A had 1 error: its time may be cut short' });
  });

  it('names errors on both sides', () => {
    assert.equal(speedupTone({ ...slow, errors: 1 }, { ...fast, errors: 3 }).caveat, 'B had 3 errors (A had 1 error): it may be faster because it did less');
  });
});
