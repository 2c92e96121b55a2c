// The benchmark's result as data: every figure the table prints and `bench/results/latest.json` stores, computed
// once from the task runs of one run so the two can never disagree: one section per suite (suite-report.ts) and the
// floors checked on them.
import { checkFloors } from './floors.ts';
import type { FloorCheck } from './floors.ts';
import type { LoadReport } from './load-monitor.ts';
import { suiteReport } from './suite-report.ts';
import type { SuiteInput, SuiteReport } from './suite-report.ts';
import type { TaskRun } from './task-run.ts';

export interface BenchConfig {
  repetitions: number;
  ablationRepetitions: number;
  latencyScale: number;
  /** Tasks per suite, by suite id. */
  tasks: Record<string, number>;
  command: string;
}

export interface BenchReport {
  config: BenchConfig;
  generatedAt: string;
  suites: SuiteReport[];
  floors: FloorCheck[];
  /** Trace ids of the batches exported to a collector, by suite, variant and batch. */
  traces: { suite?: string; variant: string; batch: number; traceId: string }[];
  /** CPU use and event-loop delay of the benchmark process while it measured. */
  load?: LoadReport;
}

/**
 * Builds the report from every task run of one benchmark run.
 *
 * @example
 * const report = buildReport({ runs, config, suites: [{ suite: 'support-desk', title, tasks: 27, techniques: ['toolCache'] }] });
 */
export function buildReport(input: {
  runs: readonly TaskRun[];
  config: BenchConfig;
  suites: readonly SuiteInput[];
  traces?: BenchReport['traces'];
  load?: LoadReport;
  now?: Date;
}): BenchReport {
  const suites = input.suites.map((suite) => suiteReport(suite, input.runs.filter((run) => run.suite === suite.suite)));
  return {
    config: input.config,
    generatedAt: (input.now ?? new Date()).toISOString(),
    suites,
    floors: checkFloors(suites),
    traces: input.traces ?? [],
    ...(input.load && { load: input.load }),
  };
}

