// The `hotpath` command line: `learn` (a prefetch plan from a collector's stored traces) and `report-prompt` (what
// an agent's fixed prompt costs, and a compressed variant). Returns the exit code: 0 done, 1 failed, 2 bad usage.
import { parseArgs } from 'node:util';
import { CliError, CliUsageError } from './cli-error.ts';
import { learnFromCollector } from './learn-command.ts';
import { formatPromptReport, reportPrompt } from './report-prompt-command.ts';

export const HOTPATH_USAGE = `Usage: hotpath <command> [options]

  learn --from URL            learn follow-up prefetch patterns from the agent runs a Hotpath collector stored
        [--out PATH]          where to write the plan (default hotpath-prefetch-plan.json; - for standard output)
        [--agent NAME]        only this agent's runs
        [--since WHEN]        only traces since then: 7d, 12h, 30m, an ISO date or epoch milliseconds
        [--limit N]           read at most N traces, newest first (default 200)
        [--token TOKEN]       the collector's query token (env HOTPATH_QUERY_TOKEN)
      The runs must have been recorded with content capture on (OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true).
      Load the plan: new Runner({ provider, prefetchLearner: new PrefetchLearner({ plan: JSON.parse(planText) }) })

  report-prompt MODULE        the Agents MODULE exports: tokens of their instructions and tool schemas per request,
        [--export NAME]       and the compressed variant Hotpath proposes (only this export)
        [--level L]           lossless (default: what the promptCompression switch sends) or aggressive
        [--json]              the reports as JSON, compressed instructions and schemas included

  help                        this text`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  now?: () => number;
}

/**
 * Runs one `hotpath` command.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t), env: process.env });
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
      io.stdout(`${HOTPATH_USAGE}\n`);
      return command === undefined ? 2 : 0;
    }
    if (command === 'learn') return await learn(rest, io);
    if (command === 'report-prompt') return await report(rest, io);
    throw new CliUsageError(`Unknown command "${command}" (commands: learn, report-prompt, help).`);
  } catch (error) {
    if (CliUsageError.isInstance(error) && error.name === 'CliUsageError') {
      io.stderr(`hotpath: ${error.message} (see hotpath help)\n`);
      return 2;
    }
    if (error instanceof CliError) {
      io.stderr(`hotpath: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

/** Runs a flag parser, turning its complaint into one usage line. */
function usage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new CliUsageError((error as Error).message.replace(/\. To specify .*$/s, ''));
  }
}

async function learn(args: readonly string[], io: CliIo): Promise<number> {
  const { values } = usage(() =>
    parseArgs({
      args: [...args],
      strict: true,
      options: {
        from: { type: 'string' },
        out: { type: 'string' },
        agent: { type: 'string' },
        since: { type: 'string' },
        limit: { type: 'string' },
        token: { type: 'string' },
      },
    }),
  );
  const from = values.from;
  if (!from) throw new CliUsageError('learn needs --from, the collector URL (e.g. --from http://127.0.0.1:4318)');
  if (!URL.canParse(from)) throw new CliUsageError(`--from: "${from}" is not a URL`);
  const limit = values.limit === undefined ? 200 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1) throw new CliUsageError(`--limit: expected a whole number ≥ 1, got "${String(values.limit)}"`);
  const out = (values.out) ?? 'hotpath-prefetch-plan.json';
  if (out.trim() === '') throw new CliUsageError('--out: expected a file path or -, got an empty value');
  const since = values.since === undefined ? undefined : parseSince(values.since, io.now?.() ?? Date.now());
  const token = (values.token) ?? io.env.HOTPATH_QUERY_TOKEN;
  const outcome = await learnFromCollector({ from, out, limit, ...(token && { token }), ...(values.agent !== undefined && { agent: values.agent }), ...(since !== undefined && { since }) });
  const report = io.stderr;
  report(
    `Read ${outcome.traces} traces: ${outcome.runs} agent runs, ${outcome.toolCalls} tool calls` +
      `${outcome.withoutContent > 0 ? ` (${outcome.withoutContent} without recorded arguments, skipped)` : ''}.\n` +
      `Learned ${outcome.plan.patterns.length} follow-up patterns, ${outcome.ready} held at least twice (speculated as loaded).\n` +
      (out === '-' ? '' : `Wrote ${out}.\n`),
  );
  return 0;
}

async function report(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = usage(() =>
    parseArgs({ args: [...args], strict: true, allowPositionals: true, options: { export: { type: 'string' }, level: { type: 'string' }, json: { type: 'boolean' } } }),
  );
  if (positionals.length !== 1) throw new CliUsageError('report-prompt needs one module path, e.g. hotpath report-prompt ./dist/agents.js');
  const level = (values.level) ?? 'lossless';
  if (level !== 'lossless' && level !== 'aggressive') throw new CliUsageError(`--level: expected lossless or aggressive, got "${level}"`);
  const reports = await reportPrompt(positionals[0]!, { level, ...(values.export !== undefined && { exportName: values.export }) });
  io.stdout(values.json ? `${JSON.stringify(reports, null, 2)}\n` : `${reports.map(formatPromptReport).join('\n\n')}\n`);
  return 0;
}

const DURATION = /^(\d+(?:\.\d+)?)(m|h|d)$/;

/** `7d`, `12h`, `30m` ago, an ISO date, or epoch milliseconds. */
function parseSince(raw: string, now: number): number {
  const duration = DURATION.exec(raw);
  if (duration) return now - Number(duration[1]) * { m: 60_000, h: 3_600_000, d: 86_400_000 }[duration[2] as 'm' | 'h' | 'd'];
  if (/^\d+$/.test(raw)) return Number(raw);
  const date = Date.parse(raw);
  if (Number.isNaN(date)) throw new CliUsageError(`--since: expected 7d, 12h, 30m, an ISO date or epoch milliseconds, got "${raw}"`);
  return date;
}
