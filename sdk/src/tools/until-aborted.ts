// Waiting that a cancelled caller can walk away from: a tool that ignores its signal, or another run's execution
// this caller joined, must not hold up a run that has been aborted.

/**
 * Awaits `work`, but stops waiting as soon as `signal` aborts (a tool that ignores its signal cannot hang a run).
 *
 * @throws the signal's reason once it aborts.
 * @example
 * const value = await untilAborted(run.signal, () => tool.execute(args, { signal: run.signal }));
 */
export async function untilAborted<T>(signal: AbortSignal, work: () => T | Promise<T>): Promise<T> {
  signal.throwIfAborted();
  let onAbort: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
  });
  try {
    const running = Promise.resolve().then(work);
    running.catch(() => {});
    return await Promise.race([running, aborted]);
  } finally {
    signal.removeEventListener('abort', onAbort!);
  }
}
