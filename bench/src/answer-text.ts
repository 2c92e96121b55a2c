// The answer a task is graded on: the reply to its last turn. A session's expected facts are asked for again in
// its last turn, so a fact the runner lost while condensing the history shows up as a wrong answer even though an
// earlier turn once said it.

/**
 * The answer to grade, from the answers of a task's turns in order ('' when no turn answered).
 *
 * @example
 * answerOf(['Customer C-1003: email alan@turing.example', 'Order O-5006 shipped.']); // 'Order O-5006 shipped.'
 */
export function answerOf(turnAnswers: readonly string[]): string {
  return turnAnswers.at(-1) ?? '';
}
