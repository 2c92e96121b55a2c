// Hand-made task runs for the tests of the figures: fixed durations and usage, so every expected number can be
// worked out on paper.
import type { TaskRun } from './task-run.ts';

/**
 * A task run with the given variant, batch, task and wall time; usage defaults to one sim-large request.
 *
 * @example
 * taskRun({ variant: 'baseline', batch: 0, taskId: 'a', wallMs: 300 });
 */
export function taskRun(fields: Partial<TaskRun> & Pick<TaskRun, 'variant' | 'wallMs'>): TaskRun {
  return {
    suite: 'support-desk',
    batch: 0,
    taskId: 't1',
    category: 'independent-lookups',
    answer: 'ok',
    correct: true,
    outcomes: ['completed'],
    usage: { inputTokens: 100, outputTokens: 10, cachedInputTokens: 0, requests: 1, requestsByModel: { 'sim-large': 1 } },
    ...fields,
  };
}

/**
 * Two batches of two tasks of one suite for baseline, optimized, user-config and openai-agents: optimized 4× faster
 * than baseline and 2× faster than openai-agents per pass, using half of baseline's tokens; user-config 3× faster
 * than baseline, 1.5× faster than openai-agents, baseline-keepalive in between.
 */
export function suiteRuns(suite = 'support-desk'): TaskRun[] {
  const runs: TaskRun[] = [];
  const variants = [
    { variant: 'baseline', wall: [400, 800], tokens: 200 },
    { variant: 'baseline-keepalive', wall: [300, 600], tokens: 200 },
    { variant: 'optimized', wall: [100, 200], tokens: 100 },
    { variant: 'user-config', wall: [150, 250], tokens: 150 },
    { variant: 'openai-agents', wall: [200, 400], tokens: 180 },
  ];
  for (const { variant, wall, tokens } of variants) {
    for (const batch of [0, 1]) {
      wall.forEach((wallMs, index) => {
        runs.push(
          taskRun({
            suite,
            variant,
            batch,
            wallMs,
            taskId: `t${index}`,
            category: index === 0 ? 'independent-lookups' : 'dependent-chains',
            usage: { inputTokens: tokens - 20, outputTokens: 20, cachedInputTokens: 10, requests: 2, requestsByModel: { 'sim-large': 2 } },
          }),
        );
      });
    }
  }
  return runs;
}
