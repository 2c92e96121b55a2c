// What `runner.stream()` yields: the user-facing subset of the run's events (text as it arrives, tool calls
// starting and ending, steps ending), then the run's result.
import type { RunResult } from './run-context.ts';
import type { RunEvent } from './run-events.ts';

export type StreamEvent =
  | Extract<RunEvent, { type: 'text-delta' | 'tool-call-start' | 'tool-call-end' | 'step-end' }>
  | { type: 'run-result'; result: RunResult };

/** The async iterable `stream()` returns; `result` settles with the run, whether or not anyone iterates. */
export interface RunStream extends AsyncIterable<StreamEvent> {
  readonly result: Promise<RunResult>;
}

const STREAMED = new Set<RunEvent['type']>(['text-delta', 'tool-call-start', 'tool-call-end', 'step-end']);

/** Whether a run event belongs in the user-facing stream. */
export function isStreamed(event: RunEvent): event is Extract<StreamEvent, RunEvent> {
  return STREAMED.has(event.type);
}

/**
 * An unbounded single-consumer queue bridging the run (push) and the stream's reader (pull). Ending it with an
 * error makes the reader's loop throw after the queued events.
 */
export class EventQueue<T> implements AsyncIterable<T> {
  readonly #items: T[] = [];
  #waiting: (() => void) | undefined;
  #done = false;
  #error: unknown;
  #onReturn: () => void;

  constructor(onReturn: () => void) {
    this.#onReturn = onReturn;
  }

  push(item: T): void {
    if (this.#done) return;
    this.#items.push(item);
    this.#wake();
  }

  end(error?: unknown): void {
    if (this.#done) return;
    this.#done = true;
    this.#error = error;
    this.#wake();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    try {
      for (;;) {
        const item = this.#items.shift();
        if (item !== undefined) {
          yield item;
          continue;
        }
        if (this.#done) {
          if (this.#error !== undefined) throw this.#error;
          return;
        }
        await new Promise<void>((resolve) => (this.#waiting = resolve));
      }
    } finally {
      // The reader stopped early (break, throw): the run is no longer wanted.
      if (!this.#done) this.#onReturn();
    }
  }

  #wake(): void {
    const waiting = this.#waiting;
    this.#waiting = undefined;
    waiting?.();
  }
}
