// Repetitions of the suite: in each one every variant runs one batch (the whole suite, task after task), and the
// variants' batches run at the same time, each against its own simulated server. Running side by side is the
// strongest form of interleaving: whatever else the shared machine does during a repetition lands on every
// variant alike. It is sound because a variant's wall-clock time is almost all simulated waiting on timers; the
// benchmark prints the process's CPU use and event-loop delay so a saturated machine would show.
import { runBatch } from './run-batch.ts';
import type { BatchProgress } from './run-batch.ts';
import type { TaskExecutor, WorkloadAttributes } from './task-executor.ts';
import type { TaskLike, TaskRun } from './task-run.ts';

/** Runs one batch inside whatever the caller wants around it (an instrumented `invoke_agent workload` span). */
export type BatchWrapper = (
  context: { variant: string; batch: number; attributes: WorkloadAttributes },
  run: () => Promise<TaskRun[]>,
) => Promise<TaskRun[]>;

export interface RunRepetitionsOptions<Task extends TaskLike> {
  /** The variants, or the variants of each repetition (e.g. ablation variants only in the first ones). */
  executors: readonly TaskExecutor<Task>[] | ((batch: number) => readonly TaskExecutor<Task>[]);
  tasks: readonly Task[];
  repetitions: number;
  check: (task: Task, answer: string) => boolean;
  /** Attributes every task run carries, next to the variant, batch and task. */
  attributes?: WorkloadAttributes;
  wrapBatch?: BatchWrapper;
  /** Called before each batch starts (e.g. to clear its server's prompt cache so every batch starts cold). */
  beforeBatch?: (context: { executor: TaskExecutor<Task>; variant: string; batch: number }) => void;
  onTaskEnd?: (progress: BatchProgress) => void;
}

/**
 * Runs every executor over the suite `repetitions` times, the executors of one repetition side by side, and
 * returns all task runs (grouped by repetition, then by executor, in the order given).
 *
 * @example
 * const runs = await runRepetitions({ executors: [baseline, optimized], tasks, repetitions: 3, check: checkAnswer });
 */
export async function runRepetitions<Task extends TaskLike>(options: RunRepetitionsOptions<Task>): Promise<TaskRun[]> {
  if (!Number.isInteger(options.repetitions) || options.repetitions < 0) {
    throw new RangeError(`repetitions must be a whole number ≥ 0, got ${options.repetitions}`);
  }
  const runs: TaskRun[] = [];
  const wrap: BatchWrapper = options.wrapBatch ?? ((_context, run) => run());
  for (let batch = 0; batch < options.repetitions; batch++) {
    const executors = typeof options.executors === 'function' ? options.executors(batch) : options.executors;
    const batches = executors.map((executor) => {
      const attributes: WorkloadAttributes = {
        ...options.attributes,
        ...(executor.suite !== undefined && { 'hotpath.workload.suite': executor.suite }),
        'hotpath.workload.variant': executor.variant,
        'hotpath.workload.batch': batch,
      };
      options.beforeBatch?.({ executor, variant: executor.variant, batch });
      return wrap({ variant: executor.variant, batch, attributes }, () =>
        runBatch({ executor, tasks: options.tasks, batch, check: options.check, attributes, onTaskEnd: options.onTaskEnd }),
      );
    });
    for (const batchRuns of await Promise.all(batches)) runs.push(...batchRuns);
  }
  return runs;
}
