// The whole benchmark as a function: for every suite, one simulated server per variant (same code, same latency
// scale, the suite's playbook, so no variant inherits another's warm prompt cache); every variant of every suite
// side by side over several repetitions, the ablation variants (user-config with one technique off each) joining the
// first ones; optionally exported to a collector; folded into one BenchReport. `main.ts` is the command-line shell.
import { BenchOptionsError } from './bench-error.ts';
import type { BenchOptions } from './bench-options.ts';
import { buildReport } from './bench-report.ts';
import type { BenchReport } from './bench-report.ts';
import type { BenchSuite } from './bench-suite.ts';
import { checkCollector } from './collector-health.ts';
import { startCollectorExport } from './collector-export.ts';
import type { CollectorExport } from './collector-export.ts';
import { runRepetitions } from './run-repetitions.ts';
import { startLoadMonitor } from './load-monitor.ts';
import { progressBar } from './progress-bar.ts';
import type { BatchProgress } from './run-batch.ts';
import { promptReport, startSimulatedServer } from './sdk.ts';
import { LARGE_MODEL, SMALL_MODEL } from './support-agent.ts';
import type { SimulatedServer } from './sdk.ts';
import { selectTasks } from './select-tasks.ts';
import { ablationVariant } from './suite-report.ts';
import type { ServerFigures, SuiteInput } from './suite-report.ts';
import { BENCH_SUITES } from './suites.ts';
import type { TaskExecutor } from './task-executor.ts';
import type { TaskLike, TaskRun } from './task-run.ts';
import { ABLATION_GROUPS, ABLATION_TECHNIQUES, ablatedTechniques, createVariantExecutor, PROMPT_AB_VARIANT } from './variants.ts';
import { userConfigAgent } from './bench-suite.ts';

export interface BenchmarkResult {
  report: BenchReport;
  /** Set when runs were exported to a collector. */
  exported?: { collectorUrl: string; exportedSpans: number; failedSpans: number };
}

export interface RunBenchmarkIo {
  /** Receives status lines (collector found or not); the progress bar goes to stderr. */
  log: (line: string) => void;
  /** How the run was started, recorded in the report (default `npm run bench`). */
  command?: string;
}

interface PlannedSuite {
  suite: BenchSuite;
  tasks: TaskLike[];
  main: TaskExecutor[];
  ablated: TaskExecutor[];
  promptAbTokensSaved?: number;
}

/**
 * Runs the benchmark.
 *
 * @example
 * const { report } = await runBenchmark(parseBenchOptions(['--repetitions', '1'], process.env, 'latest.json'), { log: console.log });
 */
export async function runBenchmark(options: BenchOptions, io: RunBenchmarkIo): Promise<BenchmarkResult> {
  const { log } = io;
  const suites = options.suites.map((id) => BENCH_SUITES[id]!);
  const taskLists = tasksPerSuite(suites, options.tasks);
  const techniques = options.ablationRepetitions === 0 ? [] : selectTechniques(options.ablation);
  const servers = new Map<TaskExecutor, SimulatedServer>();
  const executors: TaskExecutor[] = [];
  let exporter: CollectorExport | undefined;
  try {
    if (options.collectorUrl) {
      const health = await checkCollector(options.collectorUrl);
      if (health.reachable) {
        exporter = await startCollectorExport(options.collectorUrl);
        if (options.variants.includes('openai-agents')) exporter.instrumentOpenAIAgents();
        log(`Exporting traces to the collector at ${options.collectorUrl}.`);
      } else {
        log(`Not exporting traces: the collector at ${options.collectorUrl} is not reachable (${health.reason}).`);
      }
    }
    const planned: PlannedSuite[] = [];
    for (const suite of suites) {
      const tasks = taskLists.get(suite.id)!;
      if (tasks.length === 0) continue;
      const tools = suite.createTools(options.latencyScale);
      const create = async (variant: string): Promise<TaskExecutor> => {
        // Every request record is kept, so the report can say how much of a variant's time was spent in model calls.
        const server = await startSimulatedServer({
          port: 0,
          latencyScale: options.latencyScale,
          recentRequestLimit: Number.MAX_SAFE_INTEGER,
          ...(suite.playbook && { playbook: suite.playbook }),
        });
        const executor = createVariantExecutor(variant, suite, {
          baseURL: server.baseURL,
          tools,
          latencyScale: options.latencyScale,
          ...(exporter && {
            onRunner: exporter.instrumentRunner,
            wrapTurn: <T>(attributes: Record<string, string | number | boolean>, turn: () => Promise<T>) => exporter!.instrumentTurn(attributes, turn, suite.agentName),
            traceOpenAIAgents: true,
          }),
        }) as TaskExecutor;
        servers.set(executor, server);
        executors.push(executor);
        return executor;
      };
      const variants = options.variants.filter((variant) => variant !== 'optimized' || suite.fitted);
      // The prompt A/B runs beside the main variants: the user-config agent with an aggressively compressed prompt.
      const promptAb = options.promptAb && variants.includes('user-config');
      const main = await Promise.all([...variants, ...(promptAb ? [PROMPT_AB_VARIANT] : [])].map(create));
      const ablated = await Promise.all(techniques.map((technique) => create(ablationVariant(technique))));
      const report = promptAb ? promptReport(userConfigAgent(suite, { tools, models: { small: SMALL_MODEL, large: LARGE_MODEL }, latencyScale: options.latencyScale }), 'aggressive') : undefined;
      planned.push({ suite, tasks, main, ablated, ...(report && { promptAbTokensSaved: report.tokens - report.compressedTokens }) });
    }
    // The ablation variants join the first repetitions, side by side with the main ones, instead of adding a phase.
    const repetitions = Math.max(options.repetitions, options.ablationRepetitions);
    const totalRuns = planned.reduce(
      (sum, { tasks, main, ablated }) => sum + tasks.length * (main.length * options.repetitions + ablated.length * options.ablationRepetitions),
      0,
    );
    const bar = options.progress ? progressBar(totalRuns) : undefined;
    const stopLoadMonitor = startLoadMonitor();
    let runs: TaskRun[];
    let load;
    try {
      // Each suite's batches run side by side with every other suite's: one runRepetitions per suite, all at once.
      const perSuite = await Promise.all(
        planned.map(({ suite, tasks, main, ablated }) =>
          runRepetitions<TaskLike>({
            executors: (batch) => [...(batch < options.repetitions ? main : []), ...(batch < options.ablationRepetitions ? ablated : [])],
            repetitions,
            tasks,
            check: (task, answer) => suite.check(task, answer),
            // Every batch starts with a cold prompt cache on its own server.
            beforeBatch: ({ executor }) => servers.get(executor as TaskExecutor)?.clearPromptCache(),
            ...(exporter && { wrapBatch: exporter.wrapBatch }),
            ...(bar && { onTaskEnd: (progress: BatchProgress) => bar.tick(progress) }),
          }),
        ),
      );
      runs = perSuite.flat();
    } finally {
      load = stopLoadMonitor();
      bar?.stop();
    }
    const suiteInputs = planned.map(({ suite, tasks, main, ablated, promptAbTokensSaved }): SuiteInput => ({
      ...(promptAbTokensSaved !== undefined && { promptAbTokensSaved }),
      suite: suite.id,
      title: suite.title,
      ...(suite.fingerprint !== undefined && { fingerprint: suite.fingerprint }),
      tasks: tasks.length,
      techniques: techniques.filter((technique) => ablated.some((executor) => executor.variant === ablationVariant(technique))),
      server: Object.fromEntries([...main, ...ablated].map((executor) => [executor.variant, serverFigures(servers.get(executor)!)])),
    }));
    const report = buildReport({
      runs,
      suites: suiteInputs,
      traces: exporter ? [...exporter.traces] : [],
      load,
      config: {
        repetitions: options.repetitions,
        ablationRepetitions: options.ablationRepetitions,
        latencyScale: options.latencyScale,
        tasks: Object.fromEntries(planned.map(({ suite, tasks }) => [suite.id, tasks.length])),
        command: io.command ?? 'npm run bench',
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

function serverFigures(server: SimulatedServer): ServerFigures {
  const records = server.stats().recent;
  const cancelled = records.filter((record) => record.outcome === 'aborted');
  const answers = records.filter((record) => record.model === LARGE_MODEL && record.outcome === 'completed' && record.finishReason === 'stop');
  return {
    modelMs: records.reduce((sum, record) => sum + record.elapsedMs, 0),
    cancelledRequests: cancelled.length,
    cancelledInputTokens: cancelled.reduce((sum, record) => sum + record.inputTokens, 0),
    largeAnswerMs: answers.reduce((sum, record) => sum + record.elapsedMs, 0),
  };
}

/** The tasks of each suite that `--tasks` names (each name must name a task or category of some suite). */
function tasksPerSuite(suites: readonly BenchSuite[], names: readonly string[] | undefined): Map<string, TaskLike[]> {
  const lists = new Map<string, TaskLike[]>();
  if (names === undefined) {
    for (const suite of suites) lists.set(suite.id, [...suite.tasks]);
    return lists;
  }
  const known = (suite: BenchSuite, name: string) => suite.tasks.some((task) => task.id === name || task.category === name);
  const unknown = names.filter((name) => !suites.some((suite) => known(suite, name)));
  if (unknown.length > 0) {
    const categories = suites.map((suite) => `${suite.id}: ${[...new Set(suite.tasks.map((task) => task.category))].join(', ')}`).join('; ');
    throw new BenchOptionsError(`--tasks: no task or category named ${unknown.map((name) => `"${name}"`).join(', ')} (categories — ${categories})`);
  }
  for (const suite of suites) {
    const mine = names.filter((name) => known(suite, name));
    lists.set(suite.id, mine.length === 0 ? [] : selectTasks(suite.tasks, mine));
  }
  return lists;
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
