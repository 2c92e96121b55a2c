// One batch: one variant runs the whole suite once, task after task, each task timed from its first turn to its
// last answer and checked against its expected facts.
import { performance } from 'node:perf_hooks';
import type { TaskExecutor, WorkloadAttributes } from './task-executor.ts';
import type { TaskLike, TaskRun } from './task-run.ts';

export interface BatchProgress {
  variant: string;
  batch: number;
  taskId: string;
  run: TaskRun;
}

export interface RunBatchOptions<Task extends TaskLike> {
  executor: TaskExecutor<Task>;
  tasks: readonly Task[];
  batch: number;
  /** Whether `answer` contains everything `task` expects (the workload's `checkAnswer`). */
  check: (task: Task, answer: string) => boolean;
  /** Added to every task run's attributes, next to `hotpath.workload.task`. */
  attributes?: WorkloadAttributes;
  onTaskEnd?: (progress: BatchProgress) => void;
}

/**
 * Runs `tasks` once with `executor` and returns one measured `TaskRun` per task, in task order.
 *
 * @example
 * const runs = await runBatch({ executor, tasks, batch: 0, check: checkAnswer });
 */
export async function runBatch<Task extends TaskLike>(options: RunBatchOptions<Task>): Promise<TaskRun[]> {
  const { executor, tasks, batch, check } = options;
  executor.startBatch();
  const runs: TaskRun[] = [];
  for (const task of tasks) {
    const attributes = { ...options.attributes, 'hotpath.workload.task': task.id };
    const started = performance.now();
    const output = await executor.runTask(task, attributes);
    const wallMs = performance.now() - started;
    const run: TaskRun = {
      ...output,
      suite: executor.suite ?? 'support-desk',
      variant: executor.variant,
      batch,
      taskId: task.id,
      category: task.category,
      wallMs,
      correct: output.error === undefined && check(task, output.answer),
    };
    runs.push(run);
    options.onTaskEnd?.({ variant: executor.variant, batch, taskId: task.id, run });
  }
  return runs;
}
