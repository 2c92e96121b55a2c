// `npm run bench` (root): both suites (the held-out travel desk and the support desk), each as the naive loop, the fair
// baseline, the fitted agent (support desk only), the user-config agent and @openai/agents against the simulated
// model server, side by side; the ablation and the prompt A/B; the tables, the floors, and bench/results/latest.json.
// Exit code 1 when a floor is missed, 2 on bad options.
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchError } from './bench-error.ts';
import { BENCH_USAGE, parseBenchOptions } from './bench-options.ts';
import { formatReport } from './results-table.ts';
import { writeLatestJson } from './results-json.ts';
import { runBenchmark } from './run-benchmark.ts';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

async function main(): Promise<number> {
  // `npm run bench -- --flag` hands the script a literal `--` first.
  const argv = process.argv.slice(2);
  if (argv[0] === '--') argv.shift();
  const options = parseBenchOptions(argv, process.env, join(packageRoot, 'results', 'latest.json'));
  if (options.help) {
    console.log(BENCH_USAGE);
    return 0;
  }
  const command = ['npm run bench', ...(argv.length > 0 ? ['--', ...argv] : [])].join(' ');
  const { report, exported } = await runBenchmark(options, { log: (line) => console.log(line), command });
  console.log(`\n${formatReport(report)}\n`);
  if (exported) {
    console.log(`Exported to ${exported.collectorUrl}: ${exported.exportedSpans} spans (${exported.failedSpans} lost). Traces:`);
    for (const { variant, batch, traceId } of report.traces) console.log(`  ${variant} #${batch + 1}  ${traceId}`);
  }
  await writeLatestJson(options.output, report);
  console.log(`Wrote ${relative(process.cwd(), options.output) || options.output}.`);
  const missed = report.floors.filter((floor) => !floor.met).length;
  console.log(missed === 0 ? 'Every floor is met.' : `${missed} of ${report.floors.length} floors missed.`);
  return missed === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (BenchError.isInstance(error)) {
      console.error(error.message);
      process.exitCode = 2;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
