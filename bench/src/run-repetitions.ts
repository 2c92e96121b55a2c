// Variants take turns batch by batch, and the order rotates every repetition, so slow drift on a shared machine
// (another process waking up, a warm server prefix cache) lands on every variant alike instead of on one.
import { runBatch } from './run-batch.ts';
import type { BatchProgress } from './run-batch.ts';
import type { TaskExecutor, WorkloadAttributes } from './task-executor.ts';
import type { TaskLike, TaskRun } from './task-run.ts';

export interface ScheduledBatch<T> {
  item: T;
  batch: number;
}

/**
 * The order batches run in: every repetition runs each item once, each repetition rotated one further.
 *
 * @example
 * interleavedSchedule(['a', 'b', 'c'], 2); // a b c, then b c a (batch 0, then batch 1)
 */
export function interleavedSchedule<T>(items: readonly T[], repetitions: number): ScheduledBatch<T>[] {
  if (!Number.isInteger(repetitions) || repetitions < 0) {
    throw new RangeError(`repetitions must be a whole number ≥ 0, got ${repetitions}`);
  }
  const schedule: ScheduledBatch<T>[] = [];
  for (let batch = 0; batch < repetitions; batch++) {
    for (let index = 0; index < items.length; index++) {
      schedule.push({ item: items[(index + batch) % items.length]!, batch });
    }
  }
  return schedule;
}

/** Runs one batch inside whatever the caller wants around it (an instrumented `invoke_agent workload` span). */
export type BatchWrapper = (
  context: { variant: string; batch: number; attributes: WorkloadAttributes },
  run: () => Promise<TaskRun[]>,
) => Promise<TaskRun[]>;

export interface RunInterleavedOptions<Task extends TaskLike> {
  executors: readonly TaskExecutor<Task>[];
  tasks: readonly Task[];
  repetitions: number;
  check: (task: Task, answer: string) => boolean;
  /** Attributes every task run carries, next to the variant, batch and task. */
  attributes?: WorkloadAttributes;
  wrapBatch?: BatchWrapper;
  onTaskEnd?: (progress: BatchProgress) => void;
}

/**
 * Runs every executor over the suite `repetitions` times, interleaved, and returns all task runs.
 *
 * @example
 * const runs = await runInterleaved({ executors: [baseline, optimized], tasks, repetitions: 3, check: checkAnswer });
 */
export async function runInterleaved<Task extends TaskLike>(options: RunInterleavedOptions<Task>): Promise<TaskRun[]> {
  const runs: TaskRun[] = [];
  const wrap: BatchWrapper = options.wrapBatch ?? ((_context, run) => run());
  for (const { item: executor, batch } of interleavedSchedule(options.executors, options.repetitions)) {
    const attributes: WorkloadAttributes = {
      ...options.attributes,
      'hotpath.workload.variant': executor.variant,
      'hotpath.workload.batch': batch,
    };
    const batchRuns = await wrap({ variant: executor.variant, batch, attributes }, () =>
      runBatch({ executor, tasks: options.tasks, batch, check: options.check, attributes, onTaskEnd: options.onTaskEnd }),
    );
    runs.push(...batchRuns);
  }
  return runs;
}
