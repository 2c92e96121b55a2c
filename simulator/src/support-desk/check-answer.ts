// Grades a final answer against a task's expected facts.
import type { SupportDeskTask } from './tasks.ts';

export interface AnswerCheck {
  correct: boolean;
  /** Expected facts the answer does not contain. */
  missing: string[];
}

const normalize = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .toLowerCase();

/**
 * Checks that an answer contains every expected fact (case- and whitespace-insensitive). A missing answer
 * (a run that ended without one) is wrong.
 *
 * @example
 * checkAnswer(task, 'Shipment S-9002: carrier Parcelway, status in transit, estimated delivery 2026-11-23');
 * // { correct: true, missing: [] }
 */
export function checkAnswer(task: Pick<SupportDeskTask, 'expectedFacts'>, answer: string | null | undefined): AnswerCheck {
  const text = typeof answer === 'string' ? normalize(answer) : '';
  const missing = task.expectedFacts.filter((fact) => !text.includes(normalize(fact)));
  return { correct: missing.length === 0, missing };
}
