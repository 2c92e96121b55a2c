// How every long-running Hotpath command (collector, viewer, demo) learns that it should stop: SIGINT, SIGTERM
// or SIGHUP sent to it, or its parent process gone. One place, so every command stops the same way.

import { watchParent } from './watch-parent.ts';

/** The signals that ask a command to stop, with the exit code a second one forces (128 + the signal's number). */
export const STOP_SIGNALS = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;
export type StopReason = keyof typeof STOP_SIGNALS | 'parent exited';

/**
 * Resolves with the first stop request: SIGINT, SIGTERM, SIGHUP, or (unless `watchParent: false`) the parent
 * process gone. A second signal while stopping forces the exit (129 / 130 / 143), as terminals have taught
 * everyone to expect. Listeners for every stop signal stay registered while stopping: libraries that exit on their
 * own when nobody else listens for a signal (`@openai/agents`' tracing does, on SIGTERM, after flushing) then
 * leave the shutdown to us instead of cutting it short. Call it once, early, so a signal during start-up counts.
 *
 * @example
 * const stop = untilStopSignal();
 * const server = await startServer();
 * console.log(`stopping on ${await stop}`);
 * await server.close();
 */
export function untilStopSignal(options: { watchParent?: boolean } = {}): Promise<StopReason> {
  return new Promise((resolve) => {
    const signals = Object.keys(STOP_SIGNALS) as (keyof typeof STOP_SIGNALS)[];
    let unwatch = () => {};
    const stop = (reason: StopReason) => {
      unwatch();
      for (const signal of signals) {
        process.removeListener(signal, stop);
        process.once(signal, () => process.exit(STOP_SIGNALS[signal]));
      }
      resolve(reason);
    };
    for (const signal of signals) process.on(signal, stop);
    if (options.watchParent !== false) unwatch = watchParent(() => stop('parent exited'));
  });
}
