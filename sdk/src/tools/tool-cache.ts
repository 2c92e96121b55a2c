// The tool-result cache: results of idempotent tools kept by tool name + canonical arguments, with a TTL and a size
// bound per tool (least recently used dropped first), and in-flight de-duplication so identical calls running at
// the same time share one execution. One instance can be shared by many runs and Runners of a process.
import { LRUCache } from 'lru-cache';
import { toolCallKey } from './canonical-json.ts';
import { untilAborted } from './until-aborted.ts';
import type { ToolCacheSettings } from './tool.ts';

export interface ToolCacheOptions {
  /** Freshness of a result when the tool does not set `ttlMs` (default 5 minutes). */
  defaultTtlMs?: number;
  /** Results kept per tool when the tool does not set `maxEntries` (default 500). */
  defaultMaxEntries?: number;
}

/** How a cached lookup was answered: from the cache, by joining an identical in-flight call, or by running. */
export type ToolCacheLookup<T> =
  | { outcome: 'hit'; value: T; savedMs: number }
  | { outcome: 'shared'; value: T; savedMs: number }
  | { outcome: 'miss'; value: T };

interface Entry<T> {
  value: T;
  durationMs: number;
}

/**
 * A process-wide cache of tool results.
 *
 * @example
 * const toolCache = new ToolCache({ defaultTtlMs: 60_000 });
 * const runnerA = new Runner({ provider, toolCache });
 * const runnerB = new Runner({ provider, toolCache }); // shares results with runnerA
 */
export class ToolCache {
  readonly #defaultTtlMs: number;
  readonly #defaultMaxEntries: number;
  readonly #stores = new Map<string, LRUCache<string, Entry<unknown>>>();
  readonly #inFlight = new Map<string, Promise<Entry<unknown>>>();

  constructor(options: ToolCacheOptions = {}) {
    this.#defaultTtlMs = options.defaultTtlMs ?? 5 * 60_000;
    this.#defaultMaxEntries = options.defaultMaxEntries ?? 500;
  }

  /**
   * Returns the cached result of `toolName(args)`, joins an identical call in flight, or runs `execute` and keeps its
   * value when `keep(value)` says it is worth keeping (errors are not).
   *
   * @throws the `signal`'s reason when it aborts while this caller waits for an identical call it joined (its own
   *   execution is `execute`'s business).
   */
  async lookup<T>(
    toolName: string,
    args: unknown,
    settings: ToolCacheSettings,
    execute: () => Promise<T>,
    keep: (value: T) => boolean,
    signal?: AbortSignal,
  ): Promise<ToolCacheLookup<T>> {
    const key = toolCallKey(toolName, args);
    const store = this.#store(toolName, settings);
    const cached = store.get(key) as Entry<T> | undefined;
    if (cached) return { outcome: 'hit', value: cached.value, savedMs: cached.durationMs };
    const running = this.#inFlight.get(key) as Promise<Entry<T>> | undefined;
    if (running) {
      const entry = await (signal ? untilAborted(signal, () => running) : running);
      return { outcome: 'shared', value: entry.value, savedMs: entry.durationMs };
    }
    const started = performance.now();
    const execution = execute().then((value) => ({ value, durationMs: performance.now() - started }));
    this.#inFlight.set(key, execution);
    try {
      const entry = await execution;
      if (keep(entry.value)) store.set(key, entry, { ttl: settings.ttlMs ?? this.#defaultTtlMs });
      return { outcome: 'miss', value: entry.value };
    } finally {
      this.#inFlight.delete(key);
    }
  }

  /** Results currently kept, over all tools. */
  get size(): number {
    let size = 0;
    for (const store of this.#stores.values()) size += store.size;
    return size;
  }

  /** Forgets every result (of one tool when `toolName` is given). */
  clear(toolName?: string): void {
    if (toolName === undefined) this.#stores.clear();
    else this.#stores.delete(toolName);
  }

  #store(toolName: string, settings: ToolCacheSettings): LRUCache<string, Entry<unknown>> {
    let store = this.#stores.get(toolName);
    if (!store) {
      store = new LRUCache({ max: settings.maxEntries ?? this.#defaultMaxEntries, ttl: this.#defaultTtlMs });
      this.#stores.set(toolName, store);
    }
    return store;
  }
}
