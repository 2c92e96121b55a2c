// The benchmark's progress bar, on stderr so stdout keeps only the results. Off a terminal (CI, a pipe) it prints
// a plain progress line every few seconds instead of redrawing.
import cliProgress from 'cli-progress';
import type { BatchProgress } from './run-batch.ts';

export interface ProgressBar {
  /** Records one finished task run. */
  tick(progress: BatchProgress): void;
  stop(): void;
}

/**
 * A progress bar over `total` task runs.
 *
 * @example
 * const bar = progressBar(tasks.length * variants.length * repetitions);
 * await runInterleaved({ …, onTaskEnd: bar.tick }); bar.stop();
 */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: '{bar} {value}/{total} task runs | {variant} #{batch} {task} | {correct} correct | eta {eta_formatted}',
      noTTYOutput: !stream.isTTY,
      notTTYSchedule: 5000,
      hideCursor: false,
      etaBuffer: 30,
    },
    cliProgress.Presets.shades_classic,
  );
  let correct = 0;
  bar.start(total, 0, { variant: '-', batch: '-', task: '-', correct });
  return {
    tick: ({ variant, batch, taskId, run }) => {
      if (run.correct) correct++;
      bar.increment(1, { variant, batch: batch + 1, task: taskId, correct });
    },
    stop: () => bar.stop(),
  };
}
