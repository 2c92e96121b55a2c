// The demo itself, once its options are checked: start the collector, the dashboard and a model server, run the
// workload as baseline and optimized, print the results, then serve until asked to stop. A stop asked at any
// moment (a signal to any process of the chain, the parent gone, next-server stopped) closes everything started.
import { startCollector } from '@hotpath/collector';
import { STOP_SIGNALS, untilStopSignal, type StopReason } from '@hotpath/collector/lifecycle';
import { ensureDashboardBuild, startDashboard } from '@hotpath/dashboard/launcher';
import { compareVariants, progressBar, runVariant, selectTasks, startCollectorExport, summarizeVariant, variantTable } from '@hotpath/bench';
import { startSimulatedServer, supportDeskTasks } from '@hotpath/simulator';
import type { DemoOptions } from './demo-options.ts';
import { choosePort } from './port-choice.ts';
import { renderTaskTree } from './trace-tree.ts';

const say = (message: string) => process.stdout.write(`${message}\n`);
const VARIANTS = ['baseline', 'optimized'] as const;
/** The run printed as a span tree: independent lookups show parallel and eager tools at a glance. */
const SHOWCASE_TASK_CATEGORY = 'independent-lookups';

/** A stop asked while the demo was still starting or running the workload. */
class Stopped extends Error {
  constructor(readonly reason: StopReason | 'the dashboard server exited') {
    super(`stopped: ${reason}`);
  }
}

/** A run that produced nothing to compare: every task run of a variant failed. */
export class RunFailed extends Error {
  override readonly name = 'RunFailed';
}

/**
 * Runs the demo with checked options, a usable data folder and (for a real endpoint) a checked endpoint; answers
 * the exit code.
 *
 * @example
 * process.exit(await runDemo(parseDemoOptions(process.argv.slice(2), process.env, supportDeskTasks), '/abs/data'));
 */
export async function runDemo(options: DemoOptions, dataDir: string): Promise<number> {
  let stop!: (reason: Stopped['reason']) => void;
  const stopRequested = new Promise<Stopped['reason']>((resolveStop) => (stop = resolveStop));
  void untilStopSignal().then(stop);
  /** Waits for `work` unless a stop is asked first. */
  const orStop = <T>(work: Promise<T>): Promise<T> =>
    Promise.race([work, stopRequested.then((reason) => Promise.reject(new Stopped(reason)))]);

  const closers: (() => Promise<unknown>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((error) => say(`while stopping: ${(error as Error).message}`));
  };
  try {
    const collectorPort = await choosePort(options.collectorPort, options.host, say, 'collector');
    const collector = await orStop(startCollector({ port: collectorPort, host: options.host, dataDir }));
    closers.push(() => collector.close());
    say(`collector   ${collector.url}  (OTLP/HTTP /v1/traces, query API /api, SQLite in ${dataDir})`);

    let dashboardUrl: string | undefined;
    if (options.dashboard) {
      if (ensureDashboardBuild()) say('dashboard   built');
      const port = await choosePort(options.dashboardPort, options.host, say, 'dashboard');
      const dashboard = await orStop(startDashboard({ collectorUrl: collector.url, port, host: options.host }));
      closers.push(() => dashboard.close());
      // A signal sent to next-server itself stops the whole demo, as one sent to any other process of it does.
      void dashboard.exited.then(() => stop('the dashboard server exited'));
      dashboardUrl = dashboard.url;
      say(`dashboard   ${dashboard.url}`);
    }

    let baseURL: string;
    if (options.real) {
      baseURL = options.real.baseURL;
      const { smallModel, largeModel } = options.real;
      say(`models      ${baseURL} (${smallModel === largeModel ? `${smallModel} for every step` : `${smallModel}, ${largeModel}`})`);
    } else {
      const server = await orStop(startSimulatedServer({ port: 0, host: '127.0.0.1' }));
      closers.push(() => server.close());
      baseURL = server.baseURL;
      say(`models      ${server.baseURL} (simulated: sim-small, sim-large; runs are labelled simulated)`);
    }

    const tasks = selectTasks(supportDeskTasks, options.tasks.length > 0 ? options.tasks : undefined);
    const exporter = await orStop(startCollectorExport(collector.url, 'hotpath-demo'));
    const summaries = [];
    const batch = new Date().toISOString();
    for (const variant of VARIANTS) {
      say(`\nrunning ${tasks.length} tasks × ${options.repetitions} as ${variant}…`);
      const bar = progressBar(tasks.length * options.repetitions);
      const runs = await orStop(
        runVariant({
          variant,
          baseURL,
          tasks,
          repetitions: options.repetitions,
          attributes: { 'hotpath.workload.batch': batch },
          wrapBatch: exporter.wrapBatch,
          onRunner: exporter.instrumentRunner,
          onProgress: bar.tick,
          ...(options.real && { models: { small: options.real.smallModel, large: options.real.largeModel }, apiKey: options.real.apiKey }),
        }),
      ).finally(() => bar.stop());
      const failed = runs.filter((run) => run.error !== undefined);
      if (failed.length === runs.length) {
        await exporter.shutdown();
        throw new RunFailed(`every ${variant} task run failed (${runs.length} of ${runs.length}), so there is nothing to compare; the first error: ${failed[0]!.error}`);
      }
      if (failed.length > 0) say(`${failed.length} of ${runs.length} ${variant} task runs failed; the first: ${failed[0]!.error}`);
      summaries.push(summarizeVariant(variant, runs));
    }
    const exported = await exporter.shutdown();
    const [baseline, optimized] = summaries as [ReturnType<typeof summarizeVariant>, ReturnType<typeof summarizeVariant>];
    const comparison = compareVariants(baseline, optimized);

    say(`\n${variantTable(summaries)}`);
    const ratio = (value: number, text: string) => (Number.isFinite(value) ? text : 'n/a');
    say(
      `\noptimized vs baseline: ${ratio(comparison.speedupTotal, `${comparison.speedupTotal.toFixed(2)}×`)} faster in total, ` +
        `${ratio(comparison.speedupP50, `${comparison.speedupP50.toFixed(2)}×`)} at p50, ` +
        `${ratio(comparison.tokenRatio, `${(comparison.tokenRatio * 100).toFixed(0)}%`)} of the tokens; ` +
        `correct answers ${optimized.correct}/${optimized.total} vs ${baseline.correct}/${baseline.total}` +
        (options.real ? '' : ' (simulated model server)'),
    );
    say('(optimized is the agent fitted to this workload: its routing rules, prefetch chains and tool groups were tuned on these tasks; for figures on tasks it was never tuned on, with only what a user configures, run npm run bench)');
    say(`spans exported: ${exported.exportedSpans}, lost: ${exported.failedSpans}`);

    const traceOf = (variant: string) => exporter.traces.find((entry) => entry.variant === variant)?.traceId;
    const baselineTrace = traceOf('baseline');
    const optimizedTrace = traceOf('optimized');
    const showcase = tasks.find((task) => task.category === SHOWCASE_TASK_CATEGORY) ?? tasks[0]!;
    for (const [variant, traceId] of [['baseline', baselineTrace], ['optimized', optimizedTrace]] as const) {
      if (!traceId) continue;
      say(`\n${variant}: task ${showcase.id}, as stored by the collector (trace ${traceId})`);
      say(await renderTaskTree(collector.url, traceId, showcase.id));
    }

    const comparePath = baselineTrace && optimizedTrace ? `/compare?a=${baselineTrace}&b=${optimizedTrace}` : undefined;
    if (options.exit) {
      // The servers stop with this process, so a link to them would be dead: name the command that serves the data.
      say(`\nbrowse these runs later: npm run serve -- --data-dir ${dataDir}${comparePath ? `  (then open ${comparePath} on the dashboard it prints)` : ''}`);
      return 0;
    }
    if (dashboardUrl && comparePath) say(`\ncompare the two runs: ${dashboardUrl}${comparePath}`);
    say('\nserving until Ctrl-C…');
    const reason = await stopRequested;
    say(`\nstopping (${reason})…`);
    return reason === 'the dashboard server exited' ? 1 : 0;
  } catch (error) {
    if (!(error instanceof Stopped)) throw error;
    say(`\nstopping (${error.reason})…`);
    return error.reason in STOP_SIGNALS ? STOP_SIGNALS[error.reason as keyof typeof STOP_SIGNALS] : 1;
  } finally {
    await closeAll();
    say('stopped cleanly');
  }
}
