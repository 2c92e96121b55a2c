import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { BenchError } from './bench-error.ts';
import { selectTasks } from './select-tasks.ts';

const tasks = [
  { id: 'a', category: 'hard', turns: ['?'] },
  { id: 'b', category: 'session', turns: ['?', '?'] },
  { id: 'c', category: 'hard', turns: ['?'] },
];

describe('selectTasks', () => {
  it('keeps every task when no names are given', () => {
    assert.deepEqual(selectTasks(tasks, undefined).map((task) => task.id), ['a', 'b', 'c']);
  });

  it('keeps tasks named by id or by category, in suite order', () => {
    assert.deepEqual(selectTasks(tasks, ['b', 'hard']).map((task) => task.id), ['a', 'b', 'c']);
    assert.deepEqual(selectTasks(tasks, ['c']).map((task) => task.id), ['c']);
  });

  it('rejects a name that is neither a task nor a category, listing the categories', () => {
    assert.throws(
      () => selectTasks(tasks, ['hard', 'nope']),
      (error: unknown) => BenchError.isInstance(error) && /"nope" \(categories: hard, session\)/.test((error as Error).message),
    );
  });
});
