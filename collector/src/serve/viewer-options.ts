// The viewer's command line (`hotpath-collector`, `npx @hotpath/collector`): its own dashboard flags, with every
// other flag handed to the collector's parser, so the two never drift apart. Everything is checked here, before
// anything starts, and each mistake is one message naming the flag or variable.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { helpText as collectorHelpText, parseCollectorArgs } from '../cli-options.ts';
import { CollectorError } from '../errors.ts';
import type { CollectorOptions } from '../start-collector.ts';

export interface DashboardOptions {
  /** 0 picks a free port. */
  port: number;
  host: string;
}

export interface ViewerOptions {
  collector: CollectorOptions;
  /** `false`: the collector only (`--no-dashboard`). */
  dashboard: DashboardOptions | false;
}

export const DEFAULT_DASHBOARD_PORT = 3000;

const collectorFlags = collectorHelpText.includes('\nFlags') ? collectorHelpText.slice(collectorHelpText.indexOf('\nFlags') + 1) : collectorHelpText;

/** What `hotpath-collector --help` prints. */
export const viewerHelpText = `hotpath-collector: the Hotpath viewer — the collector (OTLP in, SQLite, query API) and the dashboard, on loopback.

Usage: hotpath-collector [flags]          (or: npx @hotpath/collector [flags])

Dashboard flags:
  --dashboard-port <n>          HOTPATH_DASHBOARD_PORT       dashboard port (default ${DEFAULT_DASHBOARD_PORT}; 0 = any free port)
  --dashboard-host <address>    HOTPATH_DASHBOARD_HOST       interface the dashboard listens on (default 127.0.0.1)
  --insecure-open-dashboard                                  allow a non-loopback --dashboard-host: the dashboard has no
                                                             login, so anyone who reaches it reads every trace
  --no-dashboard                                             run the collector only

Collector ${collectorFlags}
Send spans with OTEL_EXPORTER_OTLP_ENDPOINT=<collector URL> (the SDK's setup() reads it); open the dashboard URL it prints.
Ctrl-C (or SIGTERM) stops both, writing what is queued first.
`;

const viewerFlags = {
  'dashboard-port': { type: 'string', env: 'HOTPATH_DASHBOARD_PORT' },
  'dashboard-host': { type: 'string', env: 'HOTPATH_DASHBOARD_HOST' },
  'insecure-open-dashboard': { type: 'boolean' },
  'no-dashboard': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;
type ViewerFlag = keyof typeof viewerFlags;

const LOOPBACK = /^(127(?:\.\d{1,3}){3}|::1|localhost)$/i;

/**
 * Parses the viewer's flags and env vars (flags win), then the collector's, and checks the data folder is usable.
 *
 * @throws CollectorError `bad_request` whose message names the flag or variable.
 * @example
 * parseViewerArgs(['--dashboard-port', '0', '--data-dir', '/tmp/hotpath'], process.env);
 * // → { help: false, options: { collector: { dataDir: '/tmp/hotpath' }, dashboard: { port: 0, host: '127.0.0.1' } } }
 */
export function parseViewerArgs(
  argv: string[],
  env: Record<string, string | undefined>,
): { help: true } | { help: false; options: ViewerOptions } {
  // Non-strict here: the collector's flags are unknown to this parser and pass through in order; the collector's
  // own (strict) parser then rejects anything neither knows.
  const { tokens } = parseArgs({
    args: argv,
    strict: false,
    tokens: true,
    options: Object.fromEntries(Object.entries(viewerFlags).map(([name, flag]) => [name, { type: flag.type, ...('short' in flag ? { short: flag.short } : {}) }])),
  });
  const given = new Map<ViewerFlag, string | true>();
  const consumed = new Set<number>();
  for (const token of tokens) {
    if (token.kind !== 'option' || !(token.name in viewerFlags)) continue;
    const name = token.name as ViewerFlag;
    consumed.add(token.index);
    if (viewerFlags[name].type === 'boolean') {
      if (token.value !== undefined) throw bad(`--${name} takes no value`);
      given.set(name, true);
      continue;
    }
    if (token.value === undefined) throw bad(`--${name}: expected a value`);
    if (!token.inlineValue) consumed.add(token.index + 1);
    given.set(name, token.value);
  }
  if (given.has('help')) return { help: true };
  checkEmptyFlags(argv);
  const parsed = parseCollectorArgs(
    argv.filter((_, index) => !consumed.has(index)),
    env,
  );
  if (parsed.help) return { help: true };

  const read = (name: 'dashboard-port' | 'dashboard-host') => {
    const fromFlag = given.get(name);
    if (typeof fromFlag === 'string') return { value: fromFlag, source: `--${name}` };
    const variable = viewerFlags[name].env;
    const fromEnv = env[variable];
    return fromEnv === undefined || fromEnv === '' ? undefined : { value: fromEnv, source: variable };
  };
  const port = read('dashboard-port');
  const host = read('dashboard-host');
  if (port !== undefined && (!/^\d+$/.test(port.value) || Number(port.value) > 65_535)) {
    throw bad(`${port.source}: expected a port from 0 to 65535, got ${JSON.stringify(port.value)}`);
  }
  if (host !== undefined && host.value.trim() === '') throw bad(`${host.source}: expected an address, got an empty string`);
  if (host !== undefined && !LOOPBACK.test(host.value) && !given.has('insecure-open-dashboard')) {
    throw bad(
      `${host.source}: ${host.value} is not a loopback address, and the dashboard has no login: anyone who reaches it reads every trace. ` +
        'Add --insecure-open-dashboard to serve it there anyway (or put it behind an authenticating proxy).',
    );
  }
  const dashboard: DashboardOptions | false = given.has('no-dashboard')
    ? false
    : { port: port === undefined ? DEFAULT_DASHBOARD_PORT : Number(port.value), host: host?.value ?? '127.0.0.1' };
  checkDataFolder(parsed.options);
  return { help: false, options: { collector: parsed.options, dashboard } };
}

/** `--data-dir ''` would quietly mean the current folder: an empty flag value is a mistake, whichever flag it is. */
function checkEmptyFlags(argv: string[]): void {
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index]!;
    if (!arg.startsWith('--')) continue;
    const inline = arg.indexOf('=');
    const empty = inline === -1 ? argv[index + 1] === '' : inline === arg.length - 1;
    if (empty) throw bad(`${inline === -1 ? arg : arg.slice(0, inline)}: expected a value, got an empty string`);
  }
}

/** The folder the database goes in must exist (or be creatable) and be writable: found now, not as a SQLite error. */
function checkDataFolder(options: CollectorOptions): void {
  if (options.dbPath === ':memory:' || options.databaseUrl !== undefined) return;
  const source = options.dbPath !== undefined ? '--db / HOTPATH_DB' : '--data-dir / HOTPATH_DATA_DIR';
  const dbPath = resolve(options.dbPath ?? join(options.dataDir ?? 'data', 'hotpath.sqlite'));
  const folder = dirname(dbPath);
  try {
    makeFolder(folder);
    accessSync(folder, constants.W_OK);
  } catch (error) {
    throw bad(`${source}: cannot write in ${folder} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, error);
  }
  let stats: ReturnType<typeof statSync> | undefined;
  try {
    stats = statSync(dbPath);
  } catch {
    stats = undefined; // not there yet: the collector creates it
  }
  if (stats?.isDirectory()) throw bad(`${source}: ${dbPath} is a folder, not a database file`);
}

/**
 * `mkdir -p`, one level at a time: Node 20's `mkdirSync(path, { recursive: true })` never returns for a path under
 * /proc (it retries forever), and a flag value must not hang the command.
 */
function makeFolder(folder: string): void {
  const parent = dirname(folder);
  if (parent !== folder && !existsSync(parent)) makeFolder(parent);
  try {
    mkdirSync(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
}

function bad(message: string, cause?: unknown): CollectorError {
  return new CollectorError('bad_request', message, cause === undefined ? {} : { cause });
}
