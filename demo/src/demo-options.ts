// The demo's command line: flags win over environment variables, which win over defaults. Every value is checked
// here, before anything starts: a mistake is one DemoOptionsError naming the flag and what it accepts. Nothing
// heavy is imported, so a mistake is answered in well under a second. `--tasks` follows the benchmark's rule (ids
// and categories mixed; an unknown name is an error), checked against the catalogue passed in.
import { parseArgs } from 'node:util';

export interface RealEndpoint {
  baseURL: string;
  apiKey: string;
  smallModel: string;
  largeModel: string;
}

export interface DemoOptions {
  collectorPort: number;
  dashboardPort: number;
  host: string;
  dataDir: string;
  repetitions: number;
  /** Task ids and categories to run (all tasks when empty). */
  tasks: string[];
  /** Run the workload, print the results and exit instead of serving until Ctrl-C. */
  exit: boolean;
  /** Skip the dashboard (collector and workload only). */
  dashboard: boolean;
  /** A real OpenAI-compatible endpoint instead of the simulated model server. */
  real?: RealEndpoint;
  help: boolean;
}

/** What `--tasks` can name: the workload's tasks with their categories. */
export interface TaskCatalogue {
  readonly id: string;
  readonly category: string;
}

export class DemoOptionsError extends Error {
  override readonly name = 'DemoOptionsError';
}

/**
 * What `--help` prints, with every task id under its category.
 *
 * @example
 * console.log(demoHelp(supportDeskTasks));
 */
export function demoHelp(tasks: readonly TaskCatalogue[]): string {
  const categories = [...new Set(tasks.map((task) => task.category))];
  const taskLines = categories.map((category) => `  ${category}: ${tasks.filter((task) => task.category === category).map((task) => task.id).join(', ')}`);
  return `npm run demo -- [options]

Starts the collector (SQLite under the data folder), the dashboard and the simulated model server, runs the
support-desk workload as baseline and optimized through instrument(), prints the speedup table and a link to the
comparison, and serves until Ctrl-C (or SIGTERM / SIGHUP).

  --collector-port N   collector (OTLP + query API) port        env HOTPATH_COLLECTOR_PORT   default 4318
  --dashboard-port N   dashboard port                           env HOTPATH_DASHBOARD_PORT   default 3000
  --host H             listen address (loopback unless told)    env HOTPATH_HOST             default 127.0.0.1
  --data-dir DIR       where the SQLite file lives              env HOTPATH_DATA_DIR         default ./data
  --repetitions N      passes over the tasks per variant        env HOTPATH_DEMO_REPETITIONS default 1
  --tasks a,b          only these task ids or categories        env HOTPATH_DEMO_TASKS       default all
  --exit               exit after printing the results          env HOTPATH_DEMO_EXIT=1
  --no-dashboard       do not start the dashboard
  --openai-base-url U  run against a real OpenAI-compatible API env OPENAI_BASE_URL
  --openai-api-key K                                            env OPENAI_API_KEY
  --model-small M      the cheap model for a real endpoint      env HOTPATH_MODEL_SMALL      default gpt-4.1-mini
  --model-large M      the strong model for a real endpoint     env HOTPATH_MODEL_LARGE      default gpt-4.1
                       (one model for both is fine: an endpoint serving a single model runs every step on it)
  --help

Tasks (${tasks.length}), by category:
${taskLines.join('\n')}

A busy port is replaced by the next free one, and the demo says so. Browse what was collected later with
npm run serve -- --data-dir DIR.`;
}

const PORT_RANGE = 'a port from 1 to 65535';

/**
 * Checks and reads the options. `tasks` is the workload's catalogue, against which `--tasks` is checked.
 *
 * @example
 * parseDemoOptions(['--exit', '--tasks', 'hard,lookup-overview-ada'], process.env, supportDeskTasks)
 */
export function parseDemoOptions(argv: readonly string[], env: NodeJS.ProcessEnv, tasks: readonly TaskCatalogue[]): DemoOptions {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        'collector-port': { type: 'string' },
        'dashboard-port': { type: 'string' },
        host: { type: 'string' },
        'data-dir': { type: 'string' },
        repetitions: { type: 'string' },
        tasks: { type: 'string' },
        exit: { type: 'boolean' },
        'no-dashboard': { type: 'boolean' },
        'openai-base-url': { type: 'string' },
        'openai-api-key': { type: 'string' },
        'model-small': { type: 'string' },
        'model-large': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    }));
  } catch (error) {
    // node's messages name the flag ("Unknown option '--bogus'", "Option '--tasks <value>' argument missing"),
    // sometimes over several lines: kept on one.
    throw new DemoOptionsError(`${(error as Error).message.replace(/\s*\n\s*/g, ' ')} (see --help)`);
  }
  /** A flag's value, else its variable's (an empty variable counts as unset), with the name to blame. */
  const read = (flag: keyof typeof values, variable?: string): { value: string; source: string } | undefined => {
    const fromFlag = values[flag];
    if (typeof fromFlag === 'string') return { value: fromFlag, source: `--${flag}` };
    const fromEnv = variable === undefined ? undefined : env[variable];
    return fromEnv === undefined || fromEnv === '' ? undefined : { value: fromEnv, source: variable! };
  };
  const text = (flag: keyof typeof values, variable: string | undefined, what: string) => {
    const found = read(flag, variable);
    if (found !== undefined && found.value.trim() === '') throw new DemoOptionsError(`${found.source}: expected ${what}, got an empty value`);
    return found?.value;
  };
  const integer = (flag: keyof typeof values, variable: string, fallback: number, min: number, max: number, what: string) => {
    const found = read(flag, variable);
    if (found === undefined) return fallback;
    if (!/^\d+$/.test(found.value.trim()) || Number(found.value) < min || Number(found.value) > max) {
      throw new DemoOptionsError(`${found.source}: expected ${what}, got ${JSON.stringify(found.value)}`);
    }
    return Number(found.value);
  };

  const options: DemoOptions = {
    collectorPort: integer('collector-port', 'HOTPATH_COLLECTOR_PORT', 4318, 1, 65_535, PORT_RANGE),
    dashboardPort: integer('dashboard-port', 'HOTPATH_DASHBOARD_PORT', 3000, 1, 65_535, PORT_RANGE),
    host: text('host', 'HOTPATH_HOST', 'a listen address such as 127.0.0.1') ?? '127.0.0.1',
    dataDir: text('data-dir', 'HOTPATH_DATA_DIR', 'a folder for the SQLite file') ?? 'data',
    repetitions: integer('repetitions', 'HOTPATH_DEMO_REPETITIONS', 1, 1, 1_000, 'a whole number from 1 to 1000'),
    tasks: taskList(read('tasks', 'HOTPATH_DEMO_TASKS'), tasks),
    exit: values.exit ?? env.HOTPATH_DEMO_EXIT === '1',
    dashboard: !values['no-dashboard'],
    help: values.help ?? false,
  };
  const baseURL = text('openai-base-url', 'OPENAI_BASE_URL', 'an http(s) URL such as https://api.openai.com/v1');
  const apiKey = text('openai-api-key', 'OPENAI_API_KEY', 'an API key');
  const smallModel = text('model-small', 'HOTPATH_MODEL_SMALL', 'a model name') ?? 'gpt-4.1-mini';
  const largeModel = text('model-large', 'HOTPATH_MODEL_LARGE', 'a model name') ?? 'gpt-4.1';
  if (baseURL !== undefined) {
    if (!/^https?:\/\//.test(baseURL) || !URL.canParse(baseURL)) {
      throw new DemoOptionsError(`${read('openai-base-url', 'OPENAI_BASE_URL')!.source}: expected an http(s) URL such as https://api.openai.com/v1, got ${JSON.stringify(baseURL)}`);
    }
    if (apiKey === undefined) throw new DemoOptionsError('--openai-base-url: a real endpoint needs an API key too (--openai-api-key or OPENAI_API_KEY)');
    options.real = { baseURL, apiKey, smallModel, largeModel };
  }
  return options;
}

function taskList(found: { value: string; source: string } | undefined, tasks: readonly TaskCatalogue[]): string[] {
  if (found === undefined) return [];
  const names = found.value.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) throw new DemoOptionsError(`${found.source}: expected task ids or categories separated by commas, got ${JSON.stringify(found.value)}`);
  const unknown = names.filter((name) => !tasks.some((task) => task.id === name || task.category === name));
  if (unknown.length > 0) {
    const categories = [...new Set(tasks.map((task) => task.category))].join(', ');
    throw new DemoOptionsError(
      `${found.source}: no task or category named ${unknown.map((name) => JSON.stringify(name)).join(', ')} (categories: ${categories}; task ids: npm run demo -- --help)`,
    );
  }
  return names;
}
