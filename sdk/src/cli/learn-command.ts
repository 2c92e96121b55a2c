// `hotpath learn --from <collector>`: reads the agent runs a collector stored (their tool calls, with arguments and
// results when content capture was on), learns which calls follow which results, and writes the prefetch plan an
// agent's runner loads: `new Runner({ provider, prefetchLearner: new PrefetchLearner({ plan }) })`.
import { writeFile } from 'node:fs/promises';
import { PrefetchLearner, type PrefetchPlanFile } from '../runner/prefetch-learner.ts';
import { CliError } from './cli-error.ts';
import { learnFromSpans, type LearnStats } from './learn-from-spans.ts';
import { queryClient } from './query-client.ts';

export interface LearnOptions {
  from: string;
  token?: string;
  agent?: string;
  /** Epoch milliseconds: only traces that started since. */
  since?: number;
  /** Traces read at most (newest first). */
  limit: number;
  /** Where the plan goes; `-` for standard output. */
  out: string;
}

export interface LearnOutcome extends LearnStats {
  traces: number;
  plan: PrefetchPlanFile;
  /** Patterns that held at least twice (what a learner with the default `minSupport` speculates). */
  ready: number;
}

/**
 * Learns a prefetch plan from a collector's stored traces.
 *
 * @example
 * const outcome = await learnFromCollector({ from: 'http://127.0.0.1:4318', limit: 200, out: 'plan.json' });
 */
export async function learnFromCollector(options: LearnOptions): Promise<LearnOutcome> {
  const client = queryClient({ baseUrl: options.from, ...(options.token && { token: options.token }) });
  const learner = new PrefetchLearner();
  const totals: LearnStats = { runs: 0, toolCalls: 0, withoutContent: 0 };
  const traceIds: string[] = [];
  for await (const trace of client.traces({ ...(options.agent && { agent: options.agent }), ...(options.since !== undefined && { from: options.since }), limit: options.limit })) {
    traceIds.push(trace.traceId);
  }
  // Oldest first, as the runner would have learned them.
  for (const traceId of traceIds.reverse()) {
    const stats = learnFromSpans(learner, await client.spans(traceId));
    totals.runs += stats.runs;
    totals.toolCalls += stats.toolCalls;
    totals.withoutContent += stats.withoutContent;
  }
  if (totals.toolCalls === 0) {
    throw new CliError(`No agent run with tool calls in the ${traceIds.length} traces read from ${options.from}${options.agent ? ` for agent "${options.agent}"` : ''}.`);
  }
  if (totals.withoutContent === totals.toolCalls) {
    throw new CliError(
      `The ${totals.toolCalls} tool calls stored carry no arguments or results, so there is nothing to learn from. ` +
        'Record them with OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true (or instrument(runner, { captureContent: true })).',
    );
  }
  const plan = learner.plan();
  const json = `${JSON.stringify(plan, null, 2)}\n`;
  if (options.out === '-') process.stdout.write(json);
  else await writeFile(options.out, json);
  return { ...totals, traces: traceIds.length, plan, ready: plan.patterns.filter((pattern) => pattern.support >= learner.minSupport).length };
}
