// The text an answer check reads for a multi-turn task: every answer the user was given, in order, since each
// turn's facts were said to the user in that turn.

/**
 * Joins the answers of a task's turns for `checkAnswer`.
 *
 * @example
 * answerText(['Order A-1 shipped.', 'It arrives Friday.']); // 'Order A-1 shipped.\n\nIt arrives Friday.'
 */
export function answerText(turnAnswers: readonly string[]): string {
  return turnAnswers.join('\n\n');
}
