// The server's memory of prompt prefixes it has processed, the way OpenAI and vLLM cache them: the prompt's tokens
// are cut into fixed blocks, each block is identified by a hash chained over every block before it (so a block
// only matches when the whole prefix up to it matches), and the chain hashes are kept in an LRU with an idle TTL.
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { PromptCacheOptions } from './model-profile.ts';

/**
 * One model's prefix cache.
 *
 * @example
 * const cache = new PrefixCache({ minimumTokens: 1024, blockTokens: 128, maxBlocks: 10_000, ttlMs: 600_000 });
 * cache.lookupAndStore(tokens); // 0 the first time
 * cache.lookupAndStore(tokens); // the cached prefix length, in whole blocks, the second time
 */
export class PrefixCache {
  readonly #options: PromptCacheOptions;
  readonly #blocks: LRUCache<string, true>;

  constructor(options: PromptCacheOptions) {
    if (options.blockTokens < 1 || options.maxBlocks < 1) throw new RangeError('blockTokens and maxBlocks must be ≥ 1');
    this.#options = options;
    this.#blocks = new LRUCache({ max: options.maxBlocks, ttl: options.ttlMs, updateAgeOnGet: true });
  }

  /**
   * Returns how many leading tokens were already cached (a multiple of the block size, zero below the minimum
   * prompt length), then remembers every whole block of this prompt.
   */
  lookupAndStore(tokens: readonly string[]): number {
    const { blockTokens, minimumTokens } = this.#options;
    if (tokens.length < minimumTokens) return 0;
    let cachedBlocks = 0;
    let stillMatching = true;
    let chain = '';
    for (let block = 0; (block + 1) * blockTokens <= tokens.length; block++) {
      const content = tokens.slice(block * blockTokens, (block + 1) * blockTokens).join('\u0000');
      chain = createHash('sha256').update(chain).update(content).digest('base64');
      if (stillMatching && this.#blocks.get(chain)) cachedBlocks++;
      else {
        stillMatching = false;
        this.#blocks.set(chain, true);
      }
    }
    const cachedTokens = cachedBlocks * blockTokens;
    return cachedTokens >= minimumTokens ? cachedTokens : 0;
  }

  /** Forgets everything (e.g. between benchmark phases). */
  clear(): void {
    this.#blocks.clear();
  }
}
