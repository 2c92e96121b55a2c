// The tool cache hit rate, defined as the collector defines its total: calls served without running the tool
// (hits and shared in-flight calls) over the calls that went through the cache. Calls with the cache off do not
// count against it.
import type { CacheFigures } from '@hotpath/collector/api-types';

/**
 * @example
 * cacheHitRate({ hits: 3, shared: 1, misses: 4 }) // 0.5
 */
export function cacheHitRate(figures: Pick<CacheFigures, 'hits' | 'shared' | 'misses'>): number {
  const eligible = figures.hits + figures.shared + figures.misses;
  return eligible > 0 ? (figures.hits + figures.shared) / eligible : 0;
}

/**
 * A tool's calls split the way the cache page shows them, so they add up to `calls`: served (hits and shared
 * in-flight calls), misses, and calls made with the cache off (the tool is not cached, or caching was disabled),
 * which the collector counts in `calls` but in none of the outcomes.
 *
 * @example
 * cacheCallSplit({ calls: 10, hits: 1, shared: 0, misses: 2 }) // { served: 1, throughCache: 3, cacheOff: 7 }
 */
export function cacheCallSplit(figures: Pick<CacheFigures, 'calls' | 'hits' | 'shared' | 'misses'>): { served: number; throughCache: number; cacheOff: number } {
  const throughCache = figures.hits + figures.shared + figures.misses;
  return { served: figures.hits + figures.shared, throughCache, cacheOff: Math.max(0, figures.calls - throughCache) };
}
