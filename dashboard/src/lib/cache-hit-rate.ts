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
