import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import { progressBar } from './progress-bar.ts';
import { taskRun } from './test-fixtures.ts';

describe('progressBar', () => {
  it('off a terminal, writes plain progress lines naming the variant, batch, task and correct answers', () => {
    const stream = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    let written = '';
    (stream as unknown as PassThrough).on('data', (chunk: Buffer) => (written += chunk.toString()));
    const bar = progressBar(2, stream);
    bar.tick({ variant: 'optimized', batch: 0, taskId: 'chain-where-O-5002', run: taskRun({ variant: 'optimized', wallMs: 10 }) });
    bar.tick({ variant: 'baseline', batch: 1, taskId: 'hard-refund', run: taskRun({ variant: 'baseline', wallMs: 10, correct: false }) });
    bar.stop();
    assert.match(written, /2\/2 task runs \| baseline #2 hard-refund \| 1 correct/);
  });
});
