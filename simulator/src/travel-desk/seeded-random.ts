// Reproducible pseudo-random numbers for generated fixed data (hotel inventory, seat maps): the same seed always
// gives the same sequence, so the same tool call always returns the same bytes.

/**
 * A seeded generator (mulberry32) returning numbers in [0, 1): six lines beat a dependency for fixed data.
 *
 * @example
 * const random = seeded(42);
 * random(); // always the same first number for seed 42
 */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A stable 32-bit seed from a text (FNV-1a), e.g. a flight number and date.
 *
 * @example
 * seedOf('HC1347 2026-12-17');
 */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) hash = Math.imul(hash ^ text.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}
