// CPU-heavy tools run on a worker-thread pool (piscina) so a long computation does not stall the event loop that
// carries the other tool calls and the model streams. With the `workerTools` switch off the same module runs inline.
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Piscina } from 'piscina';

export interface WorkerPoolOptions {
  /** Threads in the pool (default: cores − 1, at least 1). */
  maxThreads?: number;
}

/**
 * A lazily started pool of worker threads running tool modules (default export `(args) => result`).
 *
 * @example
 * const pool = new WorkerPool();
 * const digest = await pool.run(new URL('./hash-file.ts', import.meta.url), { path: 'big.bin' }, signal);
 * await pool.close();
 */
export class WorkerPool {
  readonly #maxThreads: number;
  #pool: Piscina | undefined;

  constructor(options: WorkerPoolOptions = {}) {
    this.#maxThreads = options.maxThreads ?? Math.max(1, availableParallelism() - 1);
  }

  /** Runs the module's default export with `args` on a worker; aborting `signal` stops the worker. */
  async run(module: URL | string, args: unknown, signal?: AbortSignal): Promise<unknown> {
    this.#pool ??= new Piscina({ maxThreads: this.#maxThreads, minThreads: 0, idleTimeout: 30_000 });
    return this.#pool.run(args, { filename: moduleUrl(module), ...(signal ? { signal } : {}) });
  }

  /** Stops every worker; the pool starts again on the next `run`. */
  async close(): Promise<void> {
    const pool = this.#pool;
    this.#pool = undefined;
    await pool?.destroy();
  }
}

/** Runs a tool module's default export on the current thread (the `workerTools` switch off). */
export async function runModuleInline(module: URL | string, args: unknown): Promise<unknown> {
  const loaded = (await import(moduleUrl(module))) as { default?: unknown };
  if (typeof loaded.default !== 'function') throw new TypeError(`${String(module)} has no default export function`);
  return (loaded.default as (args: unknown) => unknown)(args);
}

function moduleUrl(module: URL | string): string {
  if (module instanceof URL) return module.href;
  return /^[a-z][a-z0-9+.-]*:/i.test(module) ? module : pathToFileURL(module).href;
}
