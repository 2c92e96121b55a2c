// The one interface every benchmarked variant implements (Hotpath baseline, Hotpath optimized, an ablation,
// @openai/agents), so the harness times, checks and reports them all the same way.
import type { TaskLike, TaskOutput } from './task-run.ts';

/** Attributes a run carries into its spans (`hotpath.workload.*`). */
export type WorkloadAttributes = Record<string, string | number | boolean>;

export interface TaskExecutor<Task extends TaskLike = TaskLike> {
  /** `baseline`, `baseline-keepalive`, `optimized`, `user-config`, `openai-agents`, `user-config-without-<technique>`. */
  readonly variant: string;
  /** The suite it runs (default `support-desk`). */
  readonly suite?: string;
  /** Called before each pass over the suite: per-batch state (a tool cache) starts empty. */
  startBatch(): void;
  /** Runs every turn of `task`, carrying the conversation from turn to turn. Throws only on harness bugs. */
  runTask(task: Task, attributes: WorkloadAttributes): Promise<TaskOutput>;
  /** Releases connections. */
  close(): Promise<void>;
}
