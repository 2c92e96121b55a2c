// The bootstrap of the collector's worker threads (decode-pool.ts, read-pool.ts). Loader hooks such as tsx's are not
// inherited by worker threads on Node 20, so when tsx is present the worker registers it before importing the
// TypeScript entry; without it (Node 22+ type stripping) the entry is imported directly.

/**
 * Source for `new Worker(source, { eval: true })` that loads `entry`.
 *
 * @example
 * new Worker(workerSource(new URL('./read-worker.ts', import.meta.url)), { eval: true, workerData });
 */
export function workerSource(entry: URL): string {
  const href = JSON.stringify(entry.href);
  let tsx: string | undefined;
  try {
    tsx = import.meta.resolve('tsx/esm/api');
  } catch {
    tsx = undefined;
  }
  return tsx === undefined ? `import(${href});` : `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${href}); });`;
}
