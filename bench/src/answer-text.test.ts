import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { answerOf } from './answer-text.ts';
import { checkAnswer, supportDeskTasks } from './sdk.ts';

const sessionAlan = supportDeskTasks.find((task) => task.id === 'session-alan')!;
const grade = (answers: string[]) => checkAnswer(sessionAlan, answerOf(answers)).correct;

describe('grading a task on its answers', () => {
  it('grades the last turn\'s answer', () => {
    assert.equal(answerOf(['first', 'second', 'third']), 'third');
    assert.equal(grade(['Customer C-1003: name Alan Turing', 'The email is Alan@Turing.example.']), true);
  });

  it('does not count a fact said only in an earlier turn, so a runner that lost it from the history fails', () => {
    assert.equal(grade(['Customer C-1003: email alan@turing.example', 'I could not find the email address.']), false);
  });

  it('grades a task that produced no answer at all as wrong', () => {
    assert.equal(answerOf([]), '');
    assert.equal(grade([]), false);
  });
});
