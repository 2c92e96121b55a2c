// Picks the tasks a run covers from `--tasks`: task ids and category names may be mixed; a name that is neither
// is an error rather than an accidentally smaller suite.
import { BenchOptionsError } from './bench-error.ts';
import type { TaskLike } from './task-run.ts';

/**
 * The tasks whose id or category is in `names`, in suite order; every task when `names` is undefined.
 *
 * @example
 * selectTasks(supportDeskTasks, ['hard', 'chain-where-O-5002']);
 */
export function selectTasks<Task extends TaskLike>(tasks: readonly Task[], names: readonly string[] | undefined): Task[] {
  if (names === undefined) return [...tasks];
  const unknown = names.filter((name) => !tasks.some((task) => task.id === name || task.category === name));
  if (unknown.length > 0) {
    const categories = [...new Set(tasks.map((task) => task.category))].join(', ');
    throw new BenchOptionsError(`--tasks: no task or category named ${unknown.map((name) => `"${name}"`).join(', ')} (categories: ${categories})`);
  }
  return tasks.filter((task) => names.includes(task.id) || names.includes(task.category));
}
