// The README's main command: collector + dashboard + model server + the support-desk workload as baseline and
// optimized through instrument(), the speedup table, a link to the comparison, then serve until Ctrl-C.
import { resolve } from 'node:path';
import { startCollector } from '@hotpath/collector';
import { ensureDashboardBuild, startDashboard } from '@hotpath/dashboard/launcher';
import {
  compareVariants,
  progressBar,
  runVariant,
  startCollectorExport,
  summarizeVariant,
  variantTable,
} from '@hotpath/bench';
import { startSimulatedServer, supportDeskTasks } from '@hotpath/simulator';
import { DEMO_HELP, DemoOptionsError, parseDemoOptions } from './demo-options.ts';
import { checkEndpoint, EndpointCheckError } from './endpoint-check.ts';
import { choosePort } from './port-choice.ts';
import { untilStopSignal } from './stop-signal.ts';
import { renderTaskTree } from './trace-tree.ts';

const say = (message: string) => process.stdout.write(`${message}\n`);
const VARIANTS = ['baseline', 'optimized'] as const;
/** The run printed as a span tree: independent lookups show parallel and eager tools at a glance. */
const SHOWCASE_TASK_CATEGORY = 'independent-lookups';

async function main(): Promise<void> {
  const options = parseDemoOptions(process.argv.slice(2), process.env);
  if (options.help) {
    say(DEMO_HELP);
    return;
  }
  const closers: (() => Promise<unknown>)[] = [];
  const closeAll = async () => {
    for (const close of closers.reverse()) await close().catch((error) => say(`while stopping: ${(error as Error).message}`));
  };
  try {
    const dataDir = resolve(process.env.HOTPATH_DEMO_CWD ?? process.cwd(), options.dataDir);
    const collectorPort = await choosePort(options.collectorPort, options.host, say, 'collector');
    const collector = await startCollector({ port: collectorPort, host: options.host, dataDir });
    closers.push(() => collector.close());
    say(`collector   ${collector.url}  (OTLP/HTTP /v1/traces, query API /api, SQLite in ${dataDir})`);

    let dashboardUrl: string | undefined;
    if (options.dashboard) {
      if (ensureDashboardBuild()) say('dashboard   built');
      const port = await choosePort(options.dashboardPort, options.host, say, 'dashboard');
      const dashboard = await startDashboard({ collectorUrl: collector.url, port, host: options.host });
      closers.push(() => dashboard.close());
      dashboardUrl = dashboard.url;
      say(`dashboard   ${dashboard.url}`);
    }

    let baseURL: string;
    if (options.real) {
      await checkEndpoint(options.real.baseURL, options.real.apiKey, [options.real.smallModel, options.real.largeModel]);
      baseURL = options.real.baseURL;
      say(`models      ${options.real.baseURL} (${options.real.smallModel}, ${options.real.largeModel})`);
    } else {
      const server = await startSimulatedServer({ port: 0, host: '127.0.0.1' });
      closers.push(() => server.close());
      baseURL = server.baseURL;
      say(`models      ${server.baseURL} (simulated: sim-small, sim-large; runs are labelled simulated)`);
    }

    const tasks = options.tasks.length
      ? supportDeskTasks.filter((task) => options.tasks.includes(task.id))
      : supportDeskTasks;
    if (tasks.length === 0) throw new DemoOptionsError(`no task matches --tasks ${options.tasks.join(',')}`);

    const exporter = await startCollectorExport(collector.url, 'hotpath-demo');
    const summaries = [];
    const batch = new Date().toISOString();
    for (const variant of VARIANTS) {
      say(`\nrunning ${tasks.length} tasks × ${options.repetitions} as ${variant}…`);
      const bar = progressBar(tasks.length * options.repetitions);
      const runs = await runVariant({
        variant,
        baseURL,
        tasks,
        repetitions: options.repetitions,
        attributes: { 'hotpath.workload.batch': batch },
        wrapBatch: exporter.wrapBatch,
        onRunner: exporter.instrumentRunner,
        onProgress: bar.tick,
        ...(options.real && { models: { small: options.real.smallModel, large: options.real.largeModel }, apiKey: options.real.apiKey }),
      });
      bar.stop();
      const failed = runs.filter((run) => run.error !== undefined);
      if (failed.length > 0) say(`${failed.length} of ${runs.length} ${variant} task runs failed; the first: ${failed[0]!.error}`);
      summaries.push(summarizeVariant(variant, runs));
    }
    const exported = await exporter.shutdown();
    const [baseline, optimized] = summaries as [ReturnType<typeof summarizeVariant>, ReturnType<typeof summarizeVariant>];
    const comparison = compareVariants(baseline, optimized);

    say(`\n${variantTable(summaries)}`);
    say(
      `\noptimized vs baseline: ${comparison.speedupTotal.toFixed(2)}× faster in total, ${comparison.speedupP50.toFixed(2)}× at p50, ` +
        `${(comparison.tokenRatio * 100).toFixed(0)}% of the tokens; correct answers ${optimized.correct}/${optimized.total} vs ${baseline.correct}/${baseline.total}` +
        (options.real ? '' : ' (simulated model server)'),
    );
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

    if (dashboardUrl && baselineTrace && optimizedTrace) {
      say(`\ncompare the two runs: ${dashboardUrl}/compare?a=${baselineTrace}&b=${optimizedTrace}`);
    }
    if (options.exit) return;
    say('\nserving until Ctrl-C…');
    await untilStopSignal();
    say('\nstopping…');
  } finally {
    await closeAll();
  }
  say('stopped cleanly');
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message =
      error instanceof DemoOptionsError || error instanceof EndpointCheckError ? error.message : (error as Error)?.stack ?? String(error);
    process.stderr.write(`demo failed: ${message}\n`);
    process.exit(1);
  },
);
