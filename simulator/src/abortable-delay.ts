// A real timer that stops as soon as its signal aborts, so an abandoned request or tool call costs nothing more.
import { setTimeout as delay } from 'node:timers/promises';

/**
 * Waits `ms` milliseconds unless the signal aborts first (then rejects with the signal's reason).
 *
 * @example
 * await abortableDelay(120, signal);
 */
export async function abortableDelay(ms: number, signal?: AbortSignal): Promise<void> {
  signal?.throwIfAborted();
  if (ms <= 0) return;
  try {
    await delay(ms, undefined, signal ? { signal } : undefined);
  } catch (error) {
    if (signal?.aborted) throw signal.reason;
    throw error;
  }
}
