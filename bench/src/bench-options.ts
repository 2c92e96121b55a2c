// The benchmark's settings from command-line flags, then environment variables, then defaults sized to finish in a
// few minutes on a 2-core machine. Bad values fail with a BenchOptionsError naming the flag, before anything runs.
import { accessSync, constants, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { BenchOptionsError } from './bench-error.ts';
import { SUITE_IDS } from './suites.ts';
import { MAIN_VARIANTS } from './variants.ts';
import type { MainVariant } from './variants.ts';

export interface BenchOptions {
  repetitions: number;
  /** Passes over the suite per ablated technique (0: no ablation). */
  ablationRepetitions: number;
  /** Techniques to switch off in turn; undefined: every technique. */
  ablation?: string[];
  /** Task ids or categories to keep; undefined: the whole suite. */
  tasks?: string[];
  variants: MainVariant[];
  /** Suite ids to run (default: every suite). */
  suites: string[];
  latencyScale: number;
  collectorUrl?: string;
  output: string;
  progress: boolean;
  /** Run the prompt A/B (the user-config agent with a compressed prompt) beside the main variants. */
  promptAb: boolean;
  help: boolean;
}

export const BENCH_USAGE = `Usage: npm run bench [-- options]   (from the repository root)

  --repetitions N            passes over the suite per variant (env HOTPATH_BENCH_REPETITIONS, default 2)
  --ablation-repetitions N   passes per technique switched off, run beside the first repetitions;
                             0 skips the ablation (env HOTPATH_BENCH_ABLATION_REPETITIONS, default 1)
  --ablation a,b             only these techniques in the ablation (default: every technique)
  --suites a,b               among ${SUITE_IDS.join(', ')} (env HOTPATH_BENCH_SUITES, default: all)
  --tasks a,b                only these task ids or categories (env HOTPATH_BENCH_TASKS; of whichever suite has them)
  --variants a,b             among ${MAIN_VARIANTS.join(', ')} (default: all; optimized
                             runs only on the suite it was fitted to)
  --latency-scale X          multiplies every simulated latency (env HOTPATH_BENCH_LATENCY_SCALE, default 1)
  --collector URL            export traces to this Hotpath collector (env HOTPATH_COLLECTOR_URL)
  --output PATH              where to write the JSON (default bench/results/latest.json)
  --no-prompt-ab             skip the prompt A/B (user-config with an aggressively compressed prompt)
  --no-progress              no progress bar
  --help                     this text`;

const DEFAULT_REPETITIONS = 2;
const DEFAULT_ABLATION_REPETITIONS = 1;

/**
 * Reads the options from `argv` (without node and the script) and `env`.
 *
 * @example
 * parseBenchOptions(['--repetitions', '2', '--tasks', 'hard'], {}, '/work/main/bench/results/latest.json');
 */
export function parseBenchOptions(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  defaultOutput: string,
): BenchOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        repetitions: { type: 'string' },
        'ablation-repetitions': { type: 'string' },
        ablation: { type: 'string' },
        tasks: { type: 'string' },
        variants: { type: 'string' },
        suites: { type: 'string' },
        'latency-scale': { type: 'string' },
        collector: { type: 'string' },
        output: { type: 'string' },
        'no-progress': { type: 'boolean' },
        'no-prompt-ab': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    // One line naming the flag (node's messages do: "Unknown option '--bogus'"), not the whole usage text.
    throw new BenchOptionsError(`${(error as Error).message.replace(/\s*\n\s*/g, ' ')} (see --help)`);
  }
  const variants = list(values.variants, '--variants') ?? [...MAIN_VARIANTS];
  for (const variant of variants) {
    if (!(MAIN_VARIANTS as readonly string[]).includes(variant)) {
      throw new BenchOptionsError(`--variants: unknown variant "${variant}" (known: ${MAIN_VARIANTS.join(', ')})`);
    }
  }
  const suites = list(values.suites ?? env.HOTPATH_BENCH_SUITES, '--suites') ?? [...SUITE_IDS];
  for (const suite of suites) {
    if (!SUITE_IDS.includes(suite)) throw new BenchOptionsError(`--suites: unknown suite "${suite}" (known: ${SUITE_IDS.join(', ')})`);
  }
  const collectorUrl = values.collector ?? env.HOTPATH_COLLECTOR_URL;
  if (values.collector === '') throw new BenchOptionsError('--collector: expected a collector URL such as http://127.0.0.1:4318, got an empty value');
  if (collectorUrl !== undefined && collectorUrl !== '' && !URL.canParse(collectorUrl)) {
    throw new BenchOptionsError(`--collector: "${collectorUrl}" is not a URL`);
  }
  const tasks = list(values.tasks ?? env.HOTPATH_BENCH_TASKS, '--tasks');
  const ablation = list(values.ablation, '--ablation');
  return {
    repetitions: count(values.repetitions ?? env.HOTPATH_BENCH_REPETITIONS, '--repetitions', DEFAULT_REPETITIONS, 1),
    ablationRepetitions: count(
      values['ablation-repetitions'] ?? env.HOTPATH_BENCH_ABLATION_REPETITIONS,
      '--ablation-repetitions',
      DEFAULT_ABLATION_REPETITIONS,
      0,
    ),
    ...(ablation && { ablation }),
    ...(tasks && { tasks }),
    variants: variants as MainVariant[],
    suites,
    latencyScale: positive(values['latency-scale'] ?? env.HOTPATH_BENCH_LATENCY_SCALE, '--latency-scale', 1),
    ...(collectorUrl && { collectorUrl }),
    output: usableOutput(values.output ?? defaultOutput),
    progress: !values['no-progress'],
    promptAb: !values['no-prompt-ab'],
    help: values.help ?? false,
  };
}

function count(raw: string | undefined, flag: string, fallback: number, minimum: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < minimum) {
    throw new BenchOptionsError(`${flag}: expected a whole number ≥ ${minimum}, got "${raw}"`);
  }
  return value;
}

function positive(raw: string | undefined, flag: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value <= 0) throw new BenchOptionsError(`${flag}: expected a number > 0, got "${raw}"`);
  return value;
}

function list(raw: string | undefined, flag: string): string[] | undefined {
  if (raw === undefined) return undefined;
  const items = raw.split(',').map((item) => item.trim()).filter((item) => item !== '');
  if (items.length === 0) throw new BenchOptionsError(`${flag}: expected a comma-separated list, got "${raw}"`);
  return items;
}

/** The output path, once its folder exists and can be written: a bad path fails now, not after the whole run. */
function usableOutput(path: string): string {
  if (path.trim() === '') throw new BenchOptionsError('--output: expected a file path, got an empty value');
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    accessSync(dirname(resolve(path)), constants.W_OK);
  } catch (error) {
    throw new BenchOptionsError(`--output: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); expected a path in a folder that can be created and written`);
  }
  return path;
}
