// Prefetch: tool calls an agent declares are started at run start, so their I/O overlaps the first model call.
// When the model asks for the same call (tool name + canonical arguments) it gets the running or finished
// execution instead of a new one. Its events are emitted then, with the execution's real start and end times;
// executions nobody asked for are cancelled at run end and still reported, so wasted work stays visible.
import { toolCallKey } from '../tools/canonical-json.ts';
import { withEndTime, type TimedOutcome } from './timed-outcome.ts';
import { runTool } from './invoke-tool.ts';
import { now, type RunContext } from './run-context.ts';

interface Prefetched {
  toolName: string;
  args: Record<string, unknown>;
  startTime: number;
  outcome: Promise<TimedOutcome>;
  controller: AbortController;
  claimed: boolean;
}

/** The prefetched executions of one run. */
export class PrefetchRegistry {
  readonly #entries = new Map<string, Prefetched>();

  /** Starts the agent's declared calls (invalid arguments are skipped: the model would be told when it asks). */
  start(run: RunContext): void {
    for (const call of run.agent.prefetchFor(run.input)) {
      const tool = run.tools.get(call.tool);
      const parsed = tool?.parameters.safeParse(call.arguments);
      if (!tool || !parsed?.success) continue;
      const key = toolCallKey(call.tool, parsed.data);
      if (this.#entries.has(key)) continue;
      const controller = new AbortController();
      const signal = AbortSignal.any([run.signal, controller.signal]);
      const startTime = now();
      const outcome = withEndTime(runTool(run, tool, parsed.data, `prefetch:${call.tool}`, signal));
      this.#entries.set(key, { toolName: call.tool, args: parsed.data, startTime, outcome, controller, claimed: false });
    }
  }

  /** Hands over the execution of `toolName(args)` if one was prefetched and not yet claimed. */
  claim(toolName: string, args: unknown): { startTime: number; outcome: Promise<TimedOutcome> } | undefined {
    const entry = this.#entries.get(toolCallKey(toolName, args));
    if (!entry || entry.claimed) return undefined;
    entry.claimed = true;
    return entry;
  }

  /** Cancels what nobody claimed and reports it (tool-call events with a `prefetch:` id). */
  async settle(run: RunContext): Promise<void> {
    const unclaimed = [...this.#entries.values()].filter((entry) => !entry.claimed);
    this.#entries.clear();
    for (const entry of unclaimed) entry.controller.abort();
    let index = 0;
    for (const entry of unclaimed) {
      const { outcome, endTime } = await entry.outcome;
      const callId = run.nextCallId('tool');
      const toolCall = { id: `prefetch:${index++}`, name: entry.toolName, arguments: JSON.stringify(entry.args) };
      const tool = run.tools.get(entry.toolName);
      run.emit({
        type: 'tool-call-start',
        time: entry.startTime,
        callId,
        step: 0,
        toolCall,
        ...(tool?.description ? { toolDescription: tool.description } : {}),
        eager: false,
        prefetched: true,
      });
      run.emit({
        type: 'tool-call-end',
        time: endTime,
        callId,
        toolCall,
        cache: outcome.cache,
        result: outcome.content,
        isError: outcome.isError,
        timedOut: outcome.timedOut,
        fallbackUsed: outcome.fallbackUsed,
        worker: outcome.worker,
        ...(outcome.error ? { error: outcome.error } : {}),
        ...(outcome.savedMs === undefined ? {} : { savedMs: outcome.savedMs }),
      });
    }
  }
}
