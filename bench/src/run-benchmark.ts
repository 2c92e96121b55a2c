// The whole benchmark as a function: one simulated server per variant (same code, same latency scale, so no
// variant inherits another's warm prompt cache), the main variants side by side over several repetitions with the
// ablation variants (optimized with one technique off each) joining the first ones, optionally exported to a
// collector, folded into one BenchReport. `main.ts` is the command-line shell around it.
import { BenchOptionsError } from './bench-error.ts';
import type { BenchOptions } from './bench-options.ts';
import { ablationVariant, buildReport } from './bench-report.ts';
import type { BenchReport } from './bench-report.ts';
import { checkCollector } from './collector-health.ts';
import { startCollectorExport } from './collector-export.ts';
import type { CollectorExport } from './collector-export.ts';
import { runRepetitions } from './run-repetitions.ts';
import { startLoadMonitor } from './load-monitor.ts';
import { progressBar } from './progress-bar.ts';
import type { BatchProgress } from './run-batch.ts';
import { checkAnswer, createSupportDeskTools, startSimulatedServer, supportDeskTasks } from './sdk.ts';
import type { SimulatedServer, SupportDeskTask } from './sdk.ts';
import { selectTasks } from './select-tasks.ts';
import type { TaskExecutor } from './task-executor.ts';
import type { TaskRun } from './task-run.ts';
import { ABLATION_GROUPS, ABLATION_TECHNIQUES, ablatedTechniques, createVariantExecutor } from './variants.ts';

export interface BenchmarkResult {
  report: BenchReport;
  /** Set when runs were exported to a collector. */
  exported?: { collectorUrl: string; exportedSpans: number; failedSpans: number };
}

export interface RunBenchmarkIo {
  /** Receives status lines (collector found or not); the progress bar goes to stderr. */
  log: (line: string) => void;
  /** How the run was started, recorded in the report (default `pnpm bench`). */
  command?: string;
}

/**
 * Runs the benchmark.
 *
 * @example
 * const { report } = await runBenchmark(parseBenchOptions(['--repetitions', '1'], process.env, 'latest.json'), { log: console.log });
 */
export async function runBenchmark(options: BenchOptions, io: RunBenchmarkIo): Promise<BenchmarkResult> {
  const { log } = io;
  const tasks = selectTasks(supportDeskTasks, options.tasks);
  const techniques = options.ablationRepetitions === 0 ? [] : selectTechniques(options.ablation);
  const servers = new Map<string, SimulatedServer>();
  const executors: TaskExecutor<SupportDeskTask>[] = [];
  let exporter: CollectorExport | undefined;
  try {
    if (options.collectorUrl) {
      const health = await checkCollector(options.collectorUrl);
      if (health.reachable) {
        exporter = await startCollectorExport(options.collectorUrl);
        log(`Exporting traces to the collector at ${options.collectorUrl}.`);
      } else {
        log(`Not exporting traces: the collector at ${options.collectorUrl} is not reachable (${health.reason}).`);
      }
    }
    const tools = createSupportDeskTools({ latencyScale: options.latencyScale });
    const create = async (variant: string) => {
      // Every request record is kept, so the report can say how much of a variant's time was spent in model calls.
      const server = await startSimulatedServer({ port: 0, latencyScale: options.latencyScale, recentRequestLimit: Number.MAX_SAFE_INTEGER });
      servers.set(variant, server);
      const executor = createVariantExecutor(variant, {
        baseURL: server.baseURL,
        tools,
        latencyScale: options.latencyScale,
        ...(exporter && { onRunner: exporter.instrumentRunner, wrapTurn: exporter.instrumentTurn }),
      });
      executors.push(executor);
      return executor;
    };
    const main = await Promise.all(options.variants.map(create));
    const ablated = await Promise.all(techniques.map((technique) => create(ablationVariant(technique))));
    // The ablation variants join the first repetitions, side by side with the main ones, instead of adding a phase.
    const repetitions = Math.max(options.repetitions, options.ablationRepetitions);
    const executorsFor = (batch: number) => [
      ...(batch < options.repetitions ? main : []),
      ...(batch < options.ablationRepetitions ? ablated : []),
    ];
    const totalRuns = tasks.length * (main.length * options.repetitions + ablated.length * options.ablationRepetitions);
    const bar = options.progress ? progressBar(totalRuns) : undefined;
    const stopLoadMonitor = startLoadMonitor();
    let runs: TaskRun[];
    let load;
    try {
      runs = await runRepetitions({
        executors: executorsFor,
        repetitions,
        tasks,
        check: (task, answer) => checkAnswer(task, answer).correct,
        // Every batch starts with a cold prompt cache on its own server.
        beforeBatch: ({ variant }) => servers.get(variant)?.clearPromptCache(),
        ...(exporter && { wrapBatch: exporter.wrapBatch }),
        ...(bar && { onTaskEnd: (progress: BatchProgress) => bar.tick(progress) }),
      });
    } finally {
      load = stopLoadMonitor();
      bar?.stop();
    }
    const report = buildReport({
      runs,
      techniques,
      traces: exporter ? [...exporter.traces] : [],
      load,
      modelTimeMs: Object.fromEntries(
        [...servers].map(([variant, server]) => [variant, server.stats().recent.reduce((sum, record) => sum + record.elapsedMs, 0)]),
      ),
      config: {
        repetitions: options.repetitions,
        ablationRepetitions: options.ablationRepetitions,
        latencyScale: options.latencyScale,
        tasks: tasks.length,
        command: io.command ?? 'pnpm bench',
      },
    });
    if (!exporter || !options.collectorUrl) return { report };
    const stats = await exporter.shutdown();
    exporter = undefined;
    return { report, exported: { collectorUrl: options.collectorUrl, ...stats } };
  } finally {
    await Promise.allSettled(executors.map((executor) => executor.close()));
    await exporter?.shutdown();
    await Promise.allSettled([...servers.values()].map((server) => server.close()));
  }
}

function selectTechniques(names: readonly string[] | undefined): string[] {
  if (names === undefined) return [...ABLATION_TECHNIQUES, ...ABLATION_GROUPS];
  const unknown = names.filter((name) => ablatedTechniques(name) === undefined);
  if (unknown.length > 0) {
    throw new BenchOptionsError(
      `--ablation: unknown technique ${unknown.map((name) => `"${name}"`).join(', ')} (known: ${ABLATION_TECHNIQUES.join(', ')}; join several with +)`,
    );
  }
  return [...names];
}
