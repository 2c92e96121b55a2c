// The suites the benchmark knows, by id: the project's own support desk and the held-out suite no one here tuned on.
import type { BenchSuite } from './bench-suite.ts';
import { heldOutSuite } from './held-out-suite.ts';
import { supportDeskSuite } from './support-desk-suite.ts';

export const BENCH_SUITES: Readonly<Record<string, BenchSuite>> = {
  'held-out': heldOutSuite,
  'support-desk': supportDeskSuite,
};

/** Suite ids in the order the printout shows them: the held-out figures lead. */
export const SUITE_IDS: readonly string[] = Object.keys(BENCH_SUITES);
