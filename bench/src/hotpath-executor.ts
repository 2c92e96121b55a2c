// Hotpath variants as TaskExecutors: the same support-desk agent run by a Runner whose `optimizations` differ
// (`baseline`, `optimized`, or optimized with one technique off). Each batch gets a new Runner with an empty tool
// cache, so a repetition never reuses results from the one before; the provider (and its connection pool) lives
// as long as the executor, as it would in a long-running service.
import { answerOf } from './answer-text.ts';
import { openaiCompatible, Runner, ToolCache } from './sdk.ts';
import type { Agent, Budgets, ModelProvider, OptimizationsOption, Pricing } from './sdk.ts';
import type { TaskExecutor } from './task-executor.ts';
import { addUsage, emptyUsage } from './task-run.ts';
import type { TaskLike, TaskOutput } from './task-run.ts';

export interface HotpathExecutorOptions {
  variant: string;
  /** The suite it runs, recorded on its task runs. */
  suite?: string;
  /** The model server's OpenAI base URL; ignored when `provider` is given. */
  baseURL?: string;
  apiKey?: string;
  /** A provider of your own (a scripted model in tests); default `openaiCompatible({ baseURL, apiKey })`. */
  provider?: ModelProvider;
  /** The agent, or a function making one per task (a suite whose tools keep state gets fresh tools per task run). */
  agent: Agent | (() => Agent);
  optimizations: OptimizationsOption;
  maxSteps?: number;
  budgets?: Budgets;
  pricing?: Pricing;
  /** Called with each batch's new Runner before it runs anything, e.g. to `instrument()` it. */
  onRunner?: (runner: Runner) => void;
}

/**
 * A TaskExecutor running tasks with a Hotpath Runner, carrying each task's conversation with `history`.
 *
 * @example
 * const optimized = hotpathExecutor({ variant: 'optimized', baseURL, agent, optimizations: 'optimized' });
 * optimized.startBatch();
 * const output = await optimized.runTask(task, { 'hotpath.workload.task': task.id });
 */
export function hotpathExecutor<Task extends TaskLike>(options: HotpathExecutorOptions): TaskExecutor<Task> {
  const provider =
    options.provider ?? openaiCompatible({ baseURL: requireBaseURL(options.baseURL), apiKey: options.apiKey ?? 'sk-hotpath-simulated' });
  let runner: Runner | undefined;
  const newRunner = () => {
    const created = new Runner({
      provider,
      optimizations: options.optimizations,
      ...(options.maxSteps !== undefined && { maxSteps: options.maxSteps }),
      ...(options.budgets && { budgets: options.budgets }),
      ...(options.pricing && { pricing: options.pricing }),
      toolCache: new ToolCache(),
    });
    options.onRunner?.(created);
    return created;
  };
  return {
    variant: options.variant,
    ...(options.suite !== undefined && { suite: options.suite }),
    startBatch() {
      runner = newRunner();
    },
    async runTask(task, attributes): Promise<TaskOutput> {
      runner ??= newRunner();
      const agent = typeof options.agent === 'function' ? options.agent() : options.agent;
      const usage = emptyUsage();
      const speculation = { started: 0, used: 0, wasted: 0 };
      const outcomes: string[] = [];
      const answers: string[] = [];
      let history: Awaited<ReturnType<Runner['run']>>['history'] | undefined;
      for (const turn of task.turns) {
        try {
          const result = await runner.run(agent, turn, { ...(history && { history }), attributes });
          history = result.history;
          speculation.started += result.speculation.started;
          speculation.used += result.speculation.used;
          speculation.wasted += result.speculation.wasted;
          answers.push(result.finalOutput);
          outcomes.push(result.outcome);
          addUsage(usage, {
            inputTokens: result.usage.inputTokens,
            outputTokens: result.usage.outputTokens,
            cachedInputTokens: result.usage.cachedInputTokens,
            requests: result.usage.requests,
            requestsByModel: Object.fromEntries(Object.entries(result.usage.byModel).map(([model, totals]) => [model, totals.requests])),
          });
        } catch (error) {
          outcomes.push('error');
          return { answer: answerOf(answers), usage, outcomes, speculation, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
        }
      }
      return { answer: answerOf(answers), usage, outcomes, speculation };
    },
    async close() {
      await provider.close?.();
    },
  };
}

function requireBaseURL(baseURL: string | undefined): string {
  if (!baseURL) throw new TypeError('hotpathExecutor needs a baseURL or a provider');
  return baseURL;
}
