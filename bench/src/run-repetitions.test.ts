import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { runRepetitions } from './run-repetitions.ts';
import type { TaskExecutor, WorkloadAttributes } from './task-executor.ts';
import type { TaskLike, TaskOutput } from './task-run.ts';

const tasks: TaskLike[] = [
  { id: 'a', category: 'independent-lookups', turns: ['hello'] },
  { id: 'b', category: 'long-sessions', turns: ['one', 'two'] },
];

const usage = (requests: number) => ({ inputTokens: 10 * requests, outputTokens: requests, cachedInputTokens: 0, requests, requestsByModel: { 'sim-large': requests } });

/** A fake variant that answers each task with its id after `delayMs`, logging what it was asked and when. */
function fakeExecutor(variant: string, log: string[], options: { delayMs?: number; seen?: WorkloadAttributes[]; failOn?: string } = {}): TaskExecutor {
  return {
    variant,
    startBatch: () => log.push(`${variant}:start`),
    async runTask(task, attributes): Promise<TaskOutput> {
      log.push(`${variant}:${task.id}`);
      options.seen?.push(attributes);
      await sleep(options.delayMs ?? 0);
      if (task.id === options.failOn) return { answer: '', outcomes: ['error'], error: 'socket hang up', usage: usage(0) };
      return { answer: `${task.id} in ${task.turns.length} turns`, outcomes: task.turns.map(() => 'completed'), usage: usage(task.turns.length) };
    },
    close: async () => {},
  };
}

describe('runRepetitions', () => {
  it('runs the variants of one repetition side by side and the repetitions one after another', async () => {
    const log: string[] = [];
    const runs = await runRepetitions({
      executors: [fakeExecutor('baseline', log, { delayMs: 5 }), fakeExecutor('optimized', log, { delayMs: 1 })],
      tasks,
      repetitions: 2,
      beforeBatch: ({ variant, batch }) => log.push(`before ${variant} ${batch}`),
      check: (task, answer) => answer.startsWith(task.id) && task.id === 'a',
    });
    // Both batches of a repetition start before either finishes; repetition 1 starts after repetition 0 is done.
    assert.deepEqual(log.slice(0, 6), ['before baseline 0', 'baseline:start', 'baseline:a', 'before optimized 0', 'optimized:start', 'optimized:a']);
    assert.ok(log.indexOf('before baseline 1') > log.indexOf('baseline:b'));
    assert.ok(log.indexOf('before baseline 1') > log.indexOf('optimized:b'));
    assert.equal(runs.length, 8);
    assert.deepEqual(
      runs.map((run) => `${run.batch}${run.variant[0]}${run.taskId}${run.correct ? '+' : '-'}`),
      ['0ba+', '0bb-', '0oa+', '0ob-', '1ba+', '1bb-', '1oa+', '1ob-'],
    );
    for (const run of runs) assert.ok(run.wallMs >= (run.variant === 'baseline' ? 4 : 0));
  });

  it('hands each task its variant, batch and task id as attributes, and each batch to the wrapper', async () => {
    const seen: WorkloadAttributes[] = [];
    const wrapped: WorkloadAttributes[] = [];
    await runRepetitions({
      executors: [fakeExecutor('optimized', [], { seen })],
      tasks,
      repetitions: 1,
      attributes: { 'service.instance': 'r1' },
      check: () => true,
      wrapBatch: async ({ attributes }, run) => {
        wrapped.push(attributes);
        return run();
      },
    });
    assert.deepEqual(wrapped, [{ 'service.instance': 'r1', 'hotpath.workload.variant': 'optimized', 'hotpath.workload.batch': 0 }]);
    assert.deepEqual(seen.map((attributes) => attributes['hotpath.workload.task']), ['a', 'b']);
    assert.equal(seen[1]!['hotpath.workload.variant'], 'optimized');
  });

  it('counts a task whose executor reported an error as wrong even if the check would pass, and goes on', async () => {
    const progress: string[] = [];
    const runs = await runRepetitions({
      executors: [fakeExecutor('broken', [], { failOn: 'a' })],
      tasks,
      repetitions: 1,
      check: () => true,
      onTaskEnd: ({ taskId, run }) => progress.push(`${taskId}:${run.correct}`),
    });
    assert.deepEqual(progress, ['a:false', 'b:true']);
    assert.equal(runs[0]!.error, 'socket hang up');
  });

  it('asks which variants run in each repetition when given a function', async () => {
    const log: string[] = [];
    const [main, extra] = [fakeExecutor('optimized', log), fakeExecutor('optimized-without-toolCache', log)];
    const runs = await runRepetitions({ executors: (batch) => (batch === 0 ? [main, extra] : [main]), tasks, repetitions: 2, check: () => true });
    assert.deepEqual(runs.map((run) => `${run.batch} ${run.variant}`), [
      '0 optimized', '0 optimized', '0 optimized-without-toolCache', '0 optimized-without-toolCache', '1 optimized', '1 optimized',
    ]);
  });

  it('runs nothing for zero repetitions and rejects a negative or fractional count', async () => {
    const log: string[] = [];
    const options = { executors: [fakeExecutor('optimized', log)], tasks, check: () => true };
    assert.deepEqual(await runRepetitions({ ...options, repetitions: 0 }), []);
    assert.deepEqual(log, []);
    await assert.rejects(runRepetitions({ ...options, repetitions: -1 }), RangeError);
    await assert.rejects(runRepetitions({ ...options, repetitions: 1.5 }), RangeError);
  });
});
