import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { interleavedSchedule, runInterleaved } from './interleave.ts';
import type { TaskExecutor, WorkloadAttributes } from './task-executor.ts';
import type { TaskLike, TaskOutput } from './task-run.ts';

const tasks: TaskLike[] = [
  { id: 'a', category: 'independent-lookups', turns: ['hello'] },
  { id: 'b', category: 'long-sessions', turns: ['one', 'two'] },
];

/** A fake variant that answers each task with its own id and the turn count, and records what it was asked. */
function fakeExecutor(variant: string, log: string[], seen: WorkloadAttributes[] = []): TaskExecutor {
  return {
    variant,
    startBatch: () => log.push(`${variant}:start`),
    async runTask(task, attributes): Promise<TaskOutput> {
      log.push(`${variant}:${task.id}`);
      seen.push(attributes);
      if (task.id === 'b' && variant === 'broken') {
        return { answer: '', outcomes: ['error'], error: 'socket hang up', usage: { inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, requests: 0, requestsByModel: {} } };
      }
      return {
        answer: `${task.id} in ${task.turns.length} turns`,
        outcomes: task.turns.map(() => 'completed'),
        usage: { inputTokens: 10, outputTokens: 1, cachedInputTokens: 0, requests: task.turns.length, requestsByModel: { 'sim-large': task.turns.length } },
      };
    },
    close: async () => {},
  };
}

describe('interleavedSchedule', () => {
  it('rotates the order of the variants by one every repetition', () => {
    const order = interleavedSchedule(['a', 'b', 'c'], 3).map(({ item, batch }) => `${batch}${item}`);
    assert.deepEqual(order, ['0a', '0b', '0c', '1b', '1c', '1a', '2c', '2a', '2b']);
  });

  it('is empty for zero repetitions and rejects a negative or fractional count', () => {
    assert.deepEqual(interleavedSchedule(['a'], 0), []);
    assert.throws(() => interleavedSchedule(['a'], -1), RangeError);
    assert.throws(() => interleavedSchedule(['a'], 1.5), RangeError);
  });
});

describe('runInterleaved', () => {
  it('runs every variant over every task in interleaved batches, checking each answer', async () => {
    const log: string[] = [];
    const runs = await runInterleaved({
      executors: [fakeExecutor('baseline', log), fakeExecutor('optimized', log)],
      tasks,
      repetitions: 2,
      check: (task, answer) => answer.startsWith(task.id) && task.id === 'a',
    });
    assert.deepEqual(log, [
      'baseline:start', 'baseline:a', 'baseline:b', 'optimized:start', 'optimized:a', 'optimized:b',
      'optimized:start', 'optimized:a', 'optimized:b', 'baseline:start', 'baseline:a', 'baseline:b',
    ]);
    assert.equal(runs.length, 8);
    assert.deepEqual(
      runs.slice(0, 2).map((run) => [run.variant, run.batch, run.taskId, run.category, run.correct]),
      [['baseline', 0, 'a', 'independent-lookups', true], ['baseline', 0, 'b', 'long-sessions', false]],
    );
    for (const run of runs) assert.ok(run.wallMs >= 0);
  });

  it('hands each task its variant, batch and task id as attributes, and each batch to the wrapper', async () => {
    const seen: WorkloadAttributes[] = [];
    const wrapped: WorkloadAttributes[] = [];
    await runInterleaved({
      executors: [fakeExecutor('optimized', [], seen)],
      tasks,
      repetitions: 1,
      attributes: { 'hotpath.workload.run': 'r1' },
      check: () => true,
      wrapBatch: async ({ attributes }, run) => {
        wrapped.push(attributes);
        return run();
      },
    });
    assert.deepEqual(wrapped, [{ 'hotpath.workload.run': 'r1', 'hotpath.workload.variant': 'optimized', 'hotpath.workload.batch': 0 }]);
    assert.deepEqual(seen.map((attributes) => attributes['hotpath.workload.task']), ['a', 'b']);
    assert.equal(seen[1]!['hotpath.workload.variant'], 'optimized');
  });

  it('counts a task whose executor reported an error as wrong even if the check would pass, and goes on', async () => {
    const progress: string[] = [];
    const runs = await runInterleaved({
      executors: [fakeExecutor('broken', [])],
      tasks,
      repetitions: 1,
      check: () => true,
      onTaskEnd: ({ taskId, run }) => progress.push(`${taskId}:${run.correct}`),
    });
    assert.deepEqual(progress, ['a:true', 'b:false']);
    assert.equal(runs[1]!.error, 'socket hang up');
  });
});
