import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkAnswer } from './check-answer.ts';

const task = { expectedFacts: ['Parcelway', 'in transit', '2026-11-23'] };

describe('checkAnswer', () => {
  it('accepts an answer with every fact, ignoring case and spacing', () => {
    assert.deepEqual(checkAnswer(task, 'It is IN  TRANSIT with parcelway, due 2026‐11‐23.'), { correct: true, missing: [] });
  });

  it('lists the facts an answer misses', () => {
    assert.deepEqual(checkAnswer(task, 'With Parcelway.'), { correct: false, missing: ['in transit', '2026-11-23'] });
  });

  it('marks a missing answer wrong', () => {
    assert.deepEqual(checkAnswer(task, undefined).missing, task.expectedFacts);
    assert.equal(checkAnswer(task, null).correct, false);
  });
});
