// A process started by another one stops when that one has gone: `npm run` dies on SIGTERM without passing the
// signal on, and a parent killed outright cannot stop its children, so each child watches its parent instead.

/**
 * Calls `onGone` once when the parent process has exited: the kernel then re-parents this process (to init or a
 * subreaper), so `process.ppid` changes. Polls without keeping the process alive; returns a function that stops
 * watching. Self-contained on purpose: `exitWithParentImport()` sends its source into processes that run no code
 * of ours.
 *
 * @example
 * watchParent(() => server.close());
 */
export function watchParent(onGone: () => void, intervalMs = 250): () => void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * A `--import` argument for a child process that runs none of our code (`next start`): it sends itself SIGTERM,
 * its own graceful stop, once the process that spawned it has gone, so a killed parent leaves no server behind.
 *
 * @example
 * spawn(process.execPath, ['--import', exitWithParentImport(), nextBin, 'start']);
 */
export function exitWithParentImport(): string {
  return `data:text/javascript,(${watchParent.toString()})(() => process.kill(process.pid, 'SIGTERM'))`;
}
