// The demo's command line: flags win over environment variables, which win over defaults.
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
  /** Task ids to run (all when empty). */
  tasks: string[];
  /** Run the workload, print the results and exit instead of serving until Ctrl-C. */
  exit: boolean;
  /** Skip the dashboard (collector and workload only). */
  dashboard: boolean;
  /** A real OpenAI-compatible endpoint instead of the simulated model server. */
  real?: RealEndpoint;
  help: boolean;
}

export const DEMO_HELP = `npm run demo -- [options]

Starts the collector (SQLite under the data folder), the dashboard and the simulated model server, runs the
support-desk workload as baseline and optimized through instrument(), prints the speedup table and a link to the
comparison, and serves until Ctrl-C.

  --collector-port N   collector (OTLP + query API) port        env HOTPATH_COLLECTOR_PORT   default 4318
  --dashboard-port N   dashboard port                           env HOTPATH_DASHBOARD_PORT   default 3000
  --host H             listen address (loopback unless told)    env HOTPATH_HOST             default 127.0.0.1
  --data-dir DIR       where the SQLite file lives              env HOTPATH_DATA_DIR         default ./data
  --repetitions N      passes over the tasks per variant        env HOTPATH_DEMO_REPETITIONS default 1
  --tasks a,b          only these task ids                      env HOTPATH_DEMO_TASKS
  --exit               exit after printing the results          env HOTPATH_DEMO_EXIT=1
  --no-dashboard       do not start the dashboard
  --openai-base-url U  run against a real OpenAI-compatible API env OPENAI_BASE_URL
  --openai-api-key K                                            env OPENAI_API_KEY
  --model-small M      the cheap model for a real endpoint      env HOTPATH_MODEL_SMALL      default gpt-4.1-mini
  --model-large M      the strong model for a real endpoint     env HOTPATH_MODEL_LARGE      default gpt-4.1
  --help

A busy port is replaced by the next free one, and the demo says so.`;

export class DemoOptionsError extends Error {
  override readonly name = 'DemoOptionsError';
}

function integer(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined || value === '') return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min) throw new DemoOptionsError(`${name} must be an integer ≥ ${min}, got "${value}"`);
  return parsed;
}

/**
 * @example
 * parseDemoOptions(['--exit', '--tasks', 'lookup-profile'], process.env)
 */
export function parseDemoOptions(argv: readonly string[], env: NodeJS.ProcessEnv): DemoOptions {
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
    throw new DemoOptionsError(`${(error as Error).message}\n\n${DEMO_HELP}`);
  }
  const baseURL = values['openai-base-url'] ?? env.OPENAI_BASE_URL;
  const apiKey = values['openai-api-key'] ?? env.OPENAI_API_KEY;
  if (baseURL !== undefined && apiKey === undefined) {
    throw new DemoOptionsError('a real endpoint needs an API key: --openai-api-key or OPENAI_API_KEY');
  }
  const options: DemoOptions = {
    collectorPort: integer('--collector-port', values['collector-port'] ?? env.HOTPATH_COLLECTOR_PORT, 4318, 1),
    dashboardPort: integer('--dashboard-port', values['dashboard-port'] ?? env.HOTPATH_DASHBOARD_PORT, 3000, 1),
    host: values.host ?? env.HOTPATH_HOST ?? '127.0.0.1',
    dataDir: values['data-dir'] ?? env.HOTPATH_DATA_DIR ?? 'data',
    repetitions: integer('--repetitions', values.repetitions ?? env.HOTPATH_DEMO_REPETITIONS, 1, 1),
    tasks: (values.tasks ?? env.HOTPATH_DEMO_TASKS ?? '').split(',').map((id) => id.trim()).filter(Boolean),
    exit: values.exit ?? env.HOTPATH_DEMO_EXIT === '1',
    dashboard: !values['no-dashboard'],
    help: values.help ?? false,
  };
  if (baseURL !== undefined && apiKey !== undefined) {
    options.real = {
      baseURL,
      apiKey,
      smallModel: values['model-small'] ?? env.HOTPATH_MODEL_SMALL ?? 'gpt-4.1-mini',
      largeModel: values['model-large'] ?? env.HOTPATH_MODEL_LARGE ?? 'gpt-4.1',
    };
  }
  return options;
}
