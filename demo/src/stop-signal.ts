// Serving until Ctrl-C or SIGTERM, with a second signal as the way out of a stop that hangs.

/**
 * Resolves on the first SIGINT or SIGTERM. A second one while stopping forces the exit (130 / 143), as terminals have
 * taught everyone to expect. Listeners for both signals stay registered while stopping: libraries that exit on their
 * own when nobody else listens for a signal (`@openai/agents`' tracing does, on SIGTERM, after flushing) then leave
 * the shutdown to us instead of cutting it short.
 *
 * @example
 * await untilStopSignal();
 * await closeEverything();
 */
export function untilStopSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const stop = (signal: NodeJS.Signals) => {
      process.removeListener('SIGINT', stop).removeListener('SIGTERM', stop);
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.on('SIGINT', stop).on('SIGTERM', stop);
  });
}
