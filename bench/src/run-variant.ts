// One variant over a list of tasks, for callers that want figures without the whole benchmark (the one-command
// demo): builds the variant's executor, runs its batches and closes it.
import { runRepetitions } from './run-repetitions.ts';
import type { BatchWrapper } from './run-repetitions.ts';
import type { BatchProgress } from './run-batch.ts';
import type { Runner, SupportDeskTask } from './sdk.ts';
import { supportDeskSuite } from './support-desk-suite.ts';
import type { WorkloadAttributes } from './task-executor.ts';
import type { TaskRun } from './task-run.ts';
import type { TurnWrapper } from './openai-agents-executor.ts';
import { createVariantExecutor } from './variants.ts';

export interface RunVariantOptions {
  /** `baseline`, `baseline-keepalive`, `optimized`, `user-config`, `openai-agents` or `user-config-without-<technique>`. */
  variant: string;
  /** The simulated server's OpenAI base URL (`server.baseURL`), or a real OpenAI-compatible endpoint's. */
  baseURL: string;
  /** The endpoint's API key (default: a placeholder the simulated server ignores). */
  apiKey?: string;
  /**
   * The endpoint's model names (default `{ small: 'sim-small', large: 'sim-large' }`): the router's tiers and the
   * guardrail's model for Hotpath, the model and guardrail model for @openai/agents.
   */
  models?: { small: string; large: string };
  tasks: readonly SupportDeskTask[];
  /** Passes over the tasks (default 1). */
  repetitions?: number;
  /** Multiplies the tools' latencies (and Hotpath's tool timeout); use the server's `latencyScale` (default 1). */
  toolLatencyScale?: number;
  onProgress?: (progress: BatchProgress) => void;
  /** On every task run's span, next to `hotpath.workload.variant`, `.batch` and `.task`. */
  attributes?: WorkloadAttributes;
  /** Telemetry hooks (see `startCollectorExport`): each batch, each Hotpath Runner, each @openai/agents turn. */
  wrapBatch?: BatchWrapper;
  onRunner?: (runner: Runner) => void;
  wrapTurn?: TurnWrapper;
}

/**
 * Runs `tasks` with one variant and returns one timed, graded TaskRun per task and repetition.
 *
 * @example
 * const server = await startSimulatedServer({ port: 0 });
 * const runs = await runVariant({ variant: 'optimized', baseURL: server.baseURL, tasks: supportDeskTasks });
 * console.log(summarizeVariant('optimized', runs).wallMs.p50);
 */
export async function runVariant(options: RunVariantOptions): Promise<TaskRun[]> {
  const executor = createVariantExecutor(options.variant, supportDeskSuite, {
    baseURL: options.baseURL,
    ...(options.apiKey && { apiKey: options.apiKey }),
    ...(options.models && { models: options.models }),
    tools: supportDeskSuite.createTools(options.toolLatencyScale ?? 1),
    latencyScale: options.toolLatencyScale ?? 1,
    ...(options.onRunner && { onRunner: options.onRunner }),
    ...(options.wrapTurn && { wrapTurn: options.wrapTurn }),
  });
  try {
    return await runRepetitions({
      executors: [executor],
      tasks: options.tasks,
      repetitions: options.repetitions ?? 1,
      check: (task, answer) => supportDeskSuite.check(task, answer),
      ...(options.attributes && { attributes: options.attributes }),
      ...(options.wrapBatch && { wrapBatch: options.wrapBatch }),
      ...(options.onProgress && { onTaskEnd: options.onProgress }),
    });
  } finally {
    await executor.close();
  }
}
