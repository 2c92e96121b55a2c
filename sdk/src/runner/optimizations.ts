// Every latency technique is a named switch, so the very same agent can run as `baseline` (all off) and as
// `optimized` (the defaults), and a benchmark can turn each one off in turn (ablation).

/** The names of the techniques, in the order the README documents them. */
export const OPTIMIZATION_NAMES = [
  'connectionReuse',
  'parallelTools',
  'eagerTools',
  'streaming',
  'toolCache',
  'history',
  'promptCacheLayout',
  'routing',
  'budgets',
  'stuckDetection',
  'toolTimeouts',
  'retries',
  'parallelModelWork',
  'prefetch',
  'workerTools',
] as const;

export type OptimizationName = (typeof OPTIMIZATION_NAMES)[number];
